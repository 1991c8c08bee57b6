import Foundation
import AdviseKit

// A libFuzzer target: libFuzzer's driver runs every input through the quantity reader (FuzzTarget.quantity).
// SwiftPM gives an executable its own entry point, so the driver is started from here rather than by
// libFuzzer's main.
@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
               _ test: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
let status = runDriver(&argc, &argv) { data, count in
    FuzzTarget.quantity.run(data.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? [])
    return 0
}
exit(status)
