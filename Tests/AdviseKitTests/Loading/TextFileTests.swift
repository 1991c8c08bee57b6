@testable import AdviseKit
import Foundation
import Testing

/// A system error is said in our words, with its code kept: the system's English phrase never reaches a message.
@Suite struct TextFileTests {
    @Test(arguments: [ENOENT, EACCES, EISDIR, ENOSPC, EPIPE, EBADF, EADDRINUSE, EADDRNOTAVAIL, EMFILE, EINVAL, ECONNRESET, ENOTSUP])
    func aSystemErrorIsSaidInOurWordsWithItsCode(_ code: Int32) {
        let system = String(cString: strerror(code))
        for language in Language.allCases {
            let text = TextFile.describe(errno: code)(language)
            #expect(!text.contains(system), "\(language): \(text)")
            #expect(text.hasSuffix("(errno \(code))"), "\(language): \(text)")
        }
    }

    @Test func aFoundationErrorIsSaidByTheSystemErrorUnderneath() {
        let underneath = NSError(domain: NSPOSIXErrorDomain, code: Int(ENOSPC))
        let error = NSError(domain: NSCocoaErrorDomain, code: 642, userInfo: [NSUnderlyingErrorKey: underneath, NSLocalizedDescriptionKey: "You can’t save the file"])
        #expect(TextFile.describe(error)(.vi) == "ổ đĩa đã đầy (errno \(ENOSPC))")
        let other = TextFile.describe(CocoaError(.fileWriteUnknown))
        #expect(other(.vi) == "hệ thống từ chối thao tác")
        #expect(other(.en).hasPrefix("the system refused the operation (NSCocoaErrorDomain"))
    }
}
