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
    // The web server is built with `--traits Server` (`swift run --traits Server advise-server`, and the test
    // command `swift test --traits Server`): without it its dependencies are not even fetched, so
    // `swift run advise` on a fresh clone resolves and builds only what the command line needs.
    // The advice log (`advise log`, `--log`) is built with `--traits Log` — the server's trait includes it, as
    // the server logs every advice — so that SQLite and GRDB do not slow a fresh clone's first command either.
    traits: [
        .trait(name: "Server", description: "advise-server: the web form and API on Hummingbird 2 (with the advice log)", enabledTraits: ["Log"]),
        .trait(name: "Log", description: "the advice log: every advice, the follow-up and the calibration, in SQLite through GRDB"),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/CoreOffice/XMLCoder.git", from: "0.18.2"),
        // The web server only (the Server trait): without it these are not fetched.
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        // Sign-in (sessions, bearer tokens) for the server; bcrypt password hashing for the log's users.
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        // The advice log only (the Log trait).
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
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
                "AdviseRuleSetSource",
                "AdviseLog",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The advice log in SQLite (the Log trait; without it the target is empty).
        .target(
            name: "AdviseLog",
            dependencies: [
                "AdviseKit",
                .product(name: "GRDB", package: "GRDB.swift", condition: .when(traits: ["Log"])),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth", condition: .when(traits: ["Log"])),
            ]
        ),
        // The shipped rule set, generated from Rules/ at build time and built into the binary (no dependency:
        // it compiles beside AdviseKit), and where a command or the server finds its rule set.
        .target(name: "AdviseRuleSet", plugins: ["EmbedRules"]),
        .target(name: "AdviseRuleSetSource", dependencies: ["AdviseKit", "AdviseRuleSet"]),
        // The web form and API on Hummingbird, as a library (tested in-process) and a thin executable.
        .target(
            name: "AdviseServer",
            dependencies: [
                "AdviseKit",
                "AdviseLog",
                .product(name: "Hummingbird", package: "hummingbird", condition: .when(traits: ["Server"])),
                .product(name: "HTTPTypes", package: "swift-http-types", condition: .when(traits: ["Server"])),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth", condition: .when(traits: ["Server"])),
                .product(name: "HummingbirdTLS", package: "hummingbird", condition: .when(traits: ["Server"])),
            ]
        ),
        .executableTarget(
            name: "advise-server",
            dependencies: [
                "AdviseServer",
                "AdviseRuleSetSource",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .plugin(name: "EmbedRules", capability: .buildTool(), dependencies: ["advise-embed"]),
        .executableTarget(name: "advise-embed", path: "Sources/advise-embed"),
        .executableTarget(
            name: "advise-bench",
            dependencies: ["AdviseKit", "AdviseLog"],
            path: "Sources/advise-bench"
        ),
        .testTarget(
            name: "AdviseKitTests",
            dependencies: ["AdviseKit", "AdviseRuleSet", "advise"],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "AdviseLogTests", dependencies: ["AdviseLog", "AdviseKit", "AdviseRuleSet", "advise"]),
        .testTarget(
            name: "AdviseServerTests",
            dependencies: [
                "AdviseServer",
                "AdviseRuleSetSource",
                "advise-server",
                "advise",
                .product(name: "HummingbirdTesting", package: "hummingbird", condition: .when(traits: ["Server"])),
            ],
            exclude: ["Fixtures"]
        ),
    ]
)
