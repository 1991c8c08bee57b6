#if Server
import AdviseKit
import AdviseRuleSetSource
import AdviseServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore

/// The shipped rule set and a server over it, on a fixed day (the rule set's prices are valid until its
/// date: a fixed day keeps the outputs equal to the command line's, whatever day the tests run).
enum ServerFixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let rulesPath = root.appendingPathComponent("Rules").path
    static let today = "2026-11-29"
    static let ruleSet: RuleSet = {
        do { return try RuleSetSource.folder(rulesPath).load(overrides: [], today: today) } catch { fatalError("the shipped rule set does not load: \(error)") }
    }()

    static func server(_ configure: (inout AdviceServer.Configuration) -> Void = { _ in }) -> AdviceServer {
        var configuration = AdviceServer.Configuration()
        configure(&configuration)
        return AdviceServer(ruleSet: ruleSet, configuration: configuration, today: { today })
    }

    /// Runs `body` against the router in process.
    static func withClient<T: Sendable>(_ server: AdviceServer = server(), _ body: @Sendable (any TestClientProtocol) async throws -> T) async throws -> T {
        try await Application(router: server.router()).test(.router, body)
    }

    /// The advice the shipped rule set gives a household of this land (and id).
    static func advice(_ land: String, id: String? = nil) -> Advice {
        var input = HouseholdInput(id: id)
        input[.landM2] = .init(land)
        let household = try! HouseholdParser(settings: ruleSet.settings).parse(input)
        return AdviceRequest(input: input, today: today).advice(household, ruleSet: ruleSet)
    }

    /// The API's content type.
    static let json: HTTPFields = [.contentType: "application/json"]

    /// A built executable of this package (the test bundle sits in the same build folder).
    static func executable(_ name: String) -> URL {
        let bundle = Bundle.main.bundleURL
        for folder in [bundle, bundle.deletingLastPathComponent()] {
            let candidate = folder.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return root.appendingPathComponent(".build/debug/\(name)")
    }

    /// Runs the `advise` command line; its standard output.
    static func advise(_ arguments: [String]) throws -> (status: Int32, stdout: [UInt8]) {
        let process = Process()
        process.executableURL = executable("advise")
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["ADVISE_TODAY"] = today
        environment["ADVISE_RULES"] = nil
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, Array(data))
    }
}

extension String {
    /// As a request body.
    var buffer: ByteBuffer { ByteBuffer(string: self) }
}

extension TestResponse {
    var text: String { String(buffer: body) }
}
#endif
