import AdviseKit
import ArgumentParser
import Foundation

/// A list of households as officers keep it, opened for reading: a CSV or JSON Lines file (or standard
/// input), or a workbook's sheet (`advise batch`, `advise ward`).
enum ListFile {
    /// The input's records: a CSV or JSON Lines file as it is read, or a workbook's sheet (recognised by its
    /// first bytes, whatever its name), whose positions are sheet rows.
    static func open(_ input: String, sheet: String?, ruleSet: RuleSet) throws -> (ChunkReader, fromSheet: Bool) {
        let handle = try Console.openInput(input)
        let probe = ChunkReader(handle: handle)
        let first = try readBlock(probe, input)
        if XLSXReader.looksLikeOldWorkbook(first) {
            Console.printError("advise: \(input): " + Catalogue.text(.xlsOld, Console.language) + " [xlsx.old-format]")
            throw ExitCode(Console.dataError)
        }
        guard XLSXReader.looksLikeWorkbook(first) else {
            if sheet != nil { Console.printError("advise: " + Catalogue.format(.sheetIgnored, Console.language, input)) }
            return (ChunkReader(handle: handle, prefix: first), false)
        }
        var data = first
        while case let block = try readBlock(probe, input), !block.isEmpty {
            data.append(block)
            if data.count > XLSXReader.maxPartSize {
                Console.printError("advise: \(input): " + Catalogue.format(.xlsxInputTooLarge, Console.language, String(XLSXReader.maxPartSize >> 20)) + " [xlsx.too-large]")
                throw ExitCode(Console.dataError)
            }
        }
        do {
            let found = try XLSXReader.sheet(sheet, of: data)
            let table = found.table(settings: ruleSet.settings)
            let header = table.headerRow.map { Catalogue.format(.headerInRow, Console.language, String($0)) } ?? ""
            Console.printError("advise: " + Catalogue.format(.readingSheet, Console.language, found.name, input) + header)
            return (ChunkReader(handle: nil, prefix: Data(table.csv)), true)
        } catch {
            Console.printError("advise: \(input): \(error.message(in: Console.language)) [\(error.code)]")
            throw ExitCode(Console.dataError)
        }
    }

    /// The next block of the input; exits 66 with the reason when it cannot be read.
    static func readBlock(_ reader: ChunkReader, _ input: String) throws -> Data {
        do {
            return try reader.readBlock()
        } catch {
            Console.printError("advise: " + Catalogue.format(.fileCannotRead, Console.language, Catalogue.text(.fileInput, Console.language), input,
                                                             error.reason(Console.language)))
            throw ExitCode(Console.noInput)
        }
    }
}
