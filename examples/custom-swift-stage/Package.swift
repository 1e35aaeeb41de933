// swift-tools-version:6.0
// A downstream package: its own stage (Quotes) plus a command-line tool with every built-in
// docpipe stage and this one. docpipe is a dependency by path here; a real project would use
// .package(url: "https://…/docpipe.git", from: "0.1.0").
import PackageDescription

let package = Package(
    name: "custom-swift-stage",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "docpipe", path: "../.."),
    ],
    targets: [
        .target(name: "QuotesStage", dependencies: [.product(name: "DocPipe", package: "docpipe")]),
        .executableTarget(name: "mydocpipe", dependencies: [
            "QuotesStage",
            .product(name: "DocPipeCLI", package: "docpipe"),
        ]),
        .testTarget(name: "QuotesStageTests", dependencies: ["QuotesStage", .product(name: "DocPipe", package: "docpipe")]),
    ],
    swiftLanguageModes: [.v6]
)
