// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "advise",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "advise", targets: ["advise"]),
        .executable(name: "advise-server", targets: ["advise-server"]),
        .library(name: "AdviseKit", targets: ["AdviseKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/CoreOffice/XMLCoder.git", from: "0.18.2"),
        // The web server only (`advise-server`): `swift run advise` does not build it.
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
    ],
    targets: [
        .target(
            name: "AdviseKit",
            dependencies: [
                .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "XMLCoder", package: "XMLCoder"),
            ]
        ),
        .executableTarget(
            name: "advise",
            dependencies: [
                "AdviseKit",
                "AdviseRuleSet",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The shipped rule set, generated from Rules/ at build time and built into the binary, and where a
        // command or the server finds its rule set.
        .target(name: "AdviseRuleSet", dependencies: ["AdviseKit"], plugins: ["EmbedRules"]),
        // The web form and API on Hummingbird, as a library (tested in-process) and a thin executable.
        .target(
            name: "AdviseServer",
            dependencies: [
                "AdviseKit",
                "AdviseRuleSet",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        .executableTarget(
            name: "advise-server",
            dependencies: [
                "AdviseServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .plugin(name: "EmbedRules", capability: .buildTool(), dependencies: ["advise-embed"]),
        .executableTarget(name: "advise-embed", path: "Sources/advise-embed"),
        .executableTarget(
            name: "advise-bench",
            dependencies: ["AdviseKit"],
            path: "Sources/advise-bench"
        ),
        .testTarget(
            name: "AdviseKitTests",
            dependencies: ["AdviseKit", "AdviseRuleSet", "advise"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "AdviseServerTests",
            dependencies: [
                "AdviseServer",
                "AdviseRuleSet",
                "advise-server",
                "advise",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
    ]
)
