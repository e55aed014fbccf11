// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "okc",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "okc", targets: ["okc"]),
        // Libraries for the fuzzing package in fuzz/, which builds them with libFuzzer's instrumentation.
        .library(name: "Content", targets: ["Content"]),
        .library(name: "Markdown", targets: ["Markdown"]),
        .library(name: "Graph", targets: ["Graph"]),
        .library(name: "Build", targets: ["Build"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CMark",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // Not "CSystem": swift-system (pulled in by Hummingbird) has a target of that name.
        .target(name: "OKCSystem"),
        // swift-mustache 2.1.1 (Apache-2.0), vendored with fast paths for okc's contexts: see Sources/Mustache/README.md.
        .target(name: "Mustache", exclude: ["LICENSE.txt", "README.md"]),
        .target(name: "Content", dependencies: [.product(name: "Yams", package: "Yams")]),
        .target(name: "Markdown", dependencies: ["CMark", "Content"]),
        .target(name: "Graph", dependencies: ["Content", "Markdown"]),
        .target(name: "Theme", dependencies: ["Graph", "Content", "Mustache"]),
        .target(name: "Build", dependencies: ["Theme", "Graph", "Markdown", "Content", "OKCSystem"]),
        // The development server lives apart so the core never links a web server.
        .target(name: "Serve", dependencies: [
            "Build", "Content",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
        ]),
        .executableTarget(name: "okc", dependencies: [
            "Build", "Serve", "Content",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], linkerSettings: [
            // Debian's jemalloc replaces glibc's malloc in the release build: glibc's was ~10% of a full
            // build's CPU (benchmarks/README.md). Debug and sanitizer builds keep the system allocator.
            .linkedLibrary("jemalloc", .when(platforms: [.linux], configuration: .release)),
        ]),
        .target(name: "TestSupport", dependencies: ["Build", "Content"], path: "Tests/TestSupport"),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown"]),
        .testTarget(name: "MustacheTests", dependencies: ["Mustache"]),
        .testTarget(name: "ContentTests", dependencies: ["Content"]),
        .testTarget(name: "GraphTests", dependencies: ["Graph", "TestSupport"]),
        .testTarget(name: "ThemeTests", dependencies: ["Theme", "TestSupport"]),
        .testTarget(name: "BuildTests", dependencies: ["Build", "TestSupport"]),
        .testTarget(name: "ServeTests", dependencies: ["Serve", "Build", "TestSupport"]),
        // Runs the built executable, as editors and CI do; depending on it makes sure it is built.
        .testTarget(name: "CLITests", dependencies: ["okc", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
