// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "okc",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "okc", targets: ["okc"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CMark",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(name: "CSystem"),
        // swift-mustache 2.1.1 (Apache-2.0), vendored with fast paths for okc's contexts: see Sources/Mustache/README.md.
        .target(name: "Mustache", exclude: ["LICENSE.txt", "README.md"]),
        .target(name: "Content", dependencies: [.product(name: "Yams", package: "Yams")]),
        .target(name: "Markdown", dependencies: ["CMark", "Content"]),
        .target(name: "Graph", dependencies: ["Content", "Markdown"]),
        .target(name: "Theme", dependencies: ["Graph", "Content", "Mustache"]),
        .target(name: "Build", dependencies: ["Theme", "Graph", "Markdown", "Content", "CSystem"]),
        .executableTarget(name: "okc", dependencies: [
            "Build", "Content",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .target(name: "TestSupport", dependencies: ["Build", "Content"], path: "Tests/TestSupport"),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown"]),
        .testTarget(name: "MustacheTests", dependencies: ["Mustache"]),
        .testTarget(name: "ContentTests", dependencies: ["Content"]),
        .testTarget(name: "GraphTests", dependencies: ["Graph", "TestSupport"]),
        .testTarget(name: "ThemeTests", dependencies: ["Theme", "TestSupport"]),
        .testTarget(name: "BuildTests", dependencies: ["Build", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
