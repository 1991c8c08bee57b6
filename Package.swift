// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "advise",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "advise", targets: ["advise"]),
        .library(name: "AdviseKit", targets: ["AdviseKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/CoreOffice/XMLCoder.git", from: "0.18.2"),
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
        // The shipped rule set, generated from Rules/ at build time and built into the binary.
        .target(name: "AdviseRuleSet", plugins: ["EmbedRules"]),
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
    ]
)
