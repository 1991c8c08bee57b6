// swift-tools-version: 6.0
// The libFuzzer target for the readers of untrusted input (AdviseKit's FuzzTarget; ADVISE_FUZZ_TARGET
// chooses the reader). Built apart from the main package, with the fuzzer and AddressSanitizer: scripts/fuzz.sh.
import PackageDescription

let package = Package(
    name: "advise-fuzz",
    dependencies: [.package(name: "advise", path: "..")],
    targets: [
        .executableTarget(name: "advise-fuzz", dependencies: [.product(name: "AdviseKit", package: "advise")], path: "Sources/advise-fuzz"),
    ]
)
