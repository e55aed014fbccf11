// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets over okc's input handling. A separate package so that the main package's
// `swift build` and `swift test` never see the fuzzer flags. Build and run with scripts/fuzz.
let package = Package(
    name: "okc-fuzz",
    dependencies: [
        .package(name: "okc", path: ".."),
    ],
    targets: [
        .target(name: "FuzzDriver"),
        // Each target's main.swift defines LLVMFuzzerTestOneInput and an entry point that starts libFuzzer.
        .executableTarget(name: "FuzzFrontMatter", dependencies: ["FuzzDriver", .product(name: "Content", package: "okc")]),
        .executableTarget(name: "FuzzYAML", dependencies: ["FuzzDriver", .product(name: "Content", package: "okc")]),
        .executableTarget(name: "FuzzMarkdown", dependencies: ["FuzzDriver", .product(name: "Markdown", package: "okc")]),
        .executableTarget(name: "FuzzPage", dependencies: [
            "FuzzDriver",
            .product(name: "Content", package: "okc"),
            .product(name: "Markdown", package: "okc"),
            .product(name: "Graph", package: "okc"),
        ]),
        .executableTarget(name: "FuzzSite", dependencies: [
            "FuzzDriver",
            .product(name: "Content", package: "okc"),
            .product(name: "Build", package: "okc"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
