import AdviseKit

/// libFuzzer's entry point: one input, run through the expression reader.
@_cdecl("LLVMFuzzerTestOneInput")
public func test(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    FuzzTarget.expression.run(Array(UnsafeRawBufferPointer(start: start, count: count)))
    return 0
}
