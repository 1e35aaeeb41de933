// swift-tools-version:6.0
// docpipe: a plugin-based document pipeline. No package dependencies: the Swift toolchain only.
import PackageDescription

/// The built-in stage modules. Each depends on the core (`DocPipe`) only, never on another stage.
let stageModules = ["IngestStage", "NormalizeStage", "EntityStage", "ClaimStage", "ExportStage"]

/// Stage modules that ship data files (models, gazetteers) as package resources.
let stageResources: [String: [Resource]] = [
    "EntityStage": [.copy("Resources")],
    "ClaimStage": [.copy("Resources")],
]

/// Test-only dependencies between stages (the stages themselves stay independent): normalize's
/// tests run ingest first, over real files, to check offsets end to end.
let stageTestExtras: [String: [Target.Dependency]] = [
    "NormalizeStage": [.target(name: "IngestStage")],
]

/// Files in stage test folders that are read through #filePath, not compiled or bundled.
let stageTestExcludes: [String: [String]] = [
    "ClaimStage": ["Snapshots"],
]

/// How the `docpipe` executable links on Linux: the Swift runtime and Foundation statically
/// (`-static-stdlib`, plus the static Foundation's own libraries, which the dynamic build's
/// autolink entries do not name). It runs on machines without Swift and takes 2–6 % less CPU per
/// run (no symbol resolution at start, direct calls into the runtime: docs/performance.md). Only
/// the executable carries the flag, so the library products stay usable as a versioned dependency.
let executableLinking: [LinkerSetting] = [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux]))]
    + ["CoreFoundation", "_FoundationCShims", "_FoundationCollections", "_FoundationICU"].map {
        .linkedLibrary($0, .when(platforms: [.linux]))
    }

let package = Package(
    name: "docpipe",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "DocPipe", targets: ["DocPipe"]),
        .library(name: "DocPipeStages", targets: stageModules),
        .library(name: "DocPipeCLI", targets: ["DocPipeCLI"]),
        .executable(name: "docpipe", targets: ["docpipe"]),
        .plugin(name: "ScaffoldStagePlugin", targets: ["ScaffoldStagePlugin"]),
    ],
    targets: [
        .target(name: "DocPipe"),
    ] + stageModules.map { name in
        .target(name: name, dependencies: ["DocPipe"], resources: stageResources[name])
    } + [
        .target(name: "DocPipeCLI", dependencies: [.target(name: "DocPipe")] + stageModules.map { .target(name: $0) }),
        .executableTarget(name: "docpipe", dependencies: ["DocPipeCLI"], linkerSettings: executableLinking),
        .plugin(name: "ScaffoldStagePlugin",
                capability: .command(intent: .custom(verb: "scaffold-stage", description: "Create a stage module with a passing test and register it"),
                                     permissions: [.writeToPackageDirectory(reason: "creates Sources/<Name>Stage and Tests/<Name>StageTests and registers the stage")]),
                dependencies: ["docpipe"]),
        .target(name: "DocPipeTestSupport", dependencies: ["DocPipe"], path: "Tests/Support"),
        .testTarget(name: "DocPipeTests", dependencies: ["DocPipe", "DocPipeTestSupport"]),
    ] + stageModules.map { name in
        .testTarget(name: "\(name)Tests",
                    dependencies: [.target(name: name), "DocPipe", "DocPipeTestSupport"] + (stageTestExtras[name] ?? []),
                    exclude: stageTestExcludes[name] ?? [])
    } + [
        .testTarget(name: "DocPipeCLITests", dependencies: ["DocPipeCLI", "DocPipe", "DocPipeTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
