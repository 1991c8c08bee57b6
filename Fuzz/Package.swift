// swift-tools-version: 6.0
// libFuzzer targets for the readers of untrusted input (AdviseKit's FuzzTarget), one executable each.
// Built apart from the main package, with the fuzzer and AddressSanitizer: scripts/fuzz.sh.
import PackageDescription

let targets = ["csv", "xlsx", "quantity", "yaml", "expression"]

let package = Package(
    name: "advise-fuzz",
    dependencies: [.package(name: "advise", path: "..")],
    targets: targets.map { name in
        .executableTarget(name: "fuzz-\(name)", dependencies: [.product(name: "AdviseKit", package: "advise")], path: "Sources/\(name)")
    }
)
