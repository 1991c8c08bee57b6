#if Server
@testable import AdviseServer
import Foundation
import Testing

/// The line batch uploads wait in: one runs, the next waits its turn, and past the line an upload is refused
/// at once (the server answers 503 with `Retry-After`).
@Suite struct UploadLaneTests {
    @Test func pastTheLineAnUploadIsRefusedAtOnce() async throws {
        let lane = UploadLane(running: 1, waiting: 1)
        let release = DispatchSemaphore(value: 0)
        async let first: Int? = lane.run { release.wait(); return 1 }
        try await Task.sleep(for: .milliseconds(100))
        async let second: Int? = lane.run { 2 }
        try await Task.sleep(for: .milliseconds(100))
        let third = await lane.run { 3 }
        #expect(third == nil, "the line is full: one running, one waiting")
        release.signal()
        let (one, two) = await (first, second)
        #expect(one == 1 && two == 2, "the waiting one runs after the first")
        #expect(await lane.run { 4 } == 4, "and the line is free again")
    }
}
#endif
