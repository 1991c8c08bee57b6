import Testing

#if !Server
/// Without the Server trait the web server is not built and its tests are not compiled; this says so in the
/// test report instead of passing in silence.
@Suite struct ServerTrait {
    @Test(.disabled("the web server's tests need the Server trait: swift test --traits Server (README's test command)"))
    func serverTestsNeedTheTrait() {}
}
#endif
