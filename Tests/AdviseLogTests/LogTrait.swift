#if !Log
import Testing

/// Built without the Log trait: the advice log's tests are not compiled.
@Suite struct LogTrait {
    @Test(.disabled("built without --traits Log: the advice log is not in this build"))
    func theAdviceLogIsNotBuilt() {}
}
#endif
