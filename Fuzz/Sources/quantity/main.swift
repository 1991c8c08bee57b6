import AdviseKit

/// libFuzzer's entry point: one input, run through the quantity reader.
@_cdecl("LLVMFuzzerTestOneInput")
public func test(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    FuzzTarget.quantity.run(Array(UnsafeRawBufferPointer(start: start, count: count)))
    return 0
}
