// swift-tools-version: 6.0
import PackageDescription

/// Tally: numeric claims in the news, extracted by declarative rules and reconciled across sources.
///
/// One target per pipeline stage (see README.md, "How it works"):
/// Ingest → Numerals → Extract → Reconcile → Report, `TallyPipeline` running them over batches of files,
/// `TallyEvaluation` measuring them (corpus check, peer suites, benchmarks, explain), and a thin `tally`
/// executable on top.
let package = Package(
    name: "Tally",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "tally", targets: ["tally"]),
        .library(name: "Tally", targets: ["TallyCore", "TallyIngest", "TallyNumerals", "TallyExtract", "TallyReconcile", "TallyReport", "TallyPipeline", "TallyEvaluation"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        // The package's one home for unsafe code, behind a safe API: the word hash and its table, the
        // scratch and JSON byte buffers, byte and array views, output and frozen buffers, a lock-guarded
        // state, and the C library's file calls (every `Unsafe*Pointer`, `@unchecked Sendable` and
        // `@exclusivity(unchecked)` of the stages lives here, each with why it is sound; the other C
        // libraries each have one boundary file, see scripts/unsafe_check.sh).
        .target(name: "TallyMemory"),
        .target(name: "TallyCore", dependencies: ["TallyMemory"]),
        .target(name: "TallyIngest", dependencies: ["TallyMemory", "TallyCore", "CLibXML2", "CZlib"]),
        .target(name: "TallyNumerals", dependencies: ["TallyMemory", "TallyCore", .product(name: "Yams", package: "Yams")]),
        .target(name: "TallyExtract", dependencies: ["TallyMemory", "TallyCore", "TallyNumerals", .product(name: "Yams", package: "Yams")]),
        .target(name: "TallyReconcile", dependencies: ["TallyCore"]),
        .target(name: "TallyReport", dependencies: ["TallyMemory", "TallyCore", "TallyNumerals", "CSQLite"]),
        .target(
            name: "TallyPipeline",
            dependencies: ["TallyMemory", "TallyCore", "TallyIngest", "TallyExtract", "TallyReconcile", "TallyReport"]),
        // Measuring the stages rather than running them: the corpus check against gold and baselines, the peers'
        // numeral suites, the article-extraction and throughput benchmarks, and the rule author's views
        // (`tally explain`, the rules reference).
        .target(
            name: "TallyEvaluation",
            dependencies: [
                "TallyCore", "TallyIngest", "TallyNumerals", "TallyExtract", "TallyReconcile", "TallyPipeline",
                .product(name: "Yams", package: "Yams"),
            ]),
        // The default rules and lexicons built into the binary (read from `rules/` at build time by the
        // EmbedRules plugin), so an installed or copied `tally` needs no rules folder beside it.
        .executableTarget(name: "tally-embed-rules"),
        .plugin(name: "EmbedRules", capability: .buildTool(), dependencies: ["tally-embed-rules"]),
        .target(name: "TallyDefaultRules", dependencies: ["TallyExtract"], plugins: ["EmbedRules"]),
        .executableTarget(
            name: "tally",
            dependencies: [
                "TallyMemory", "TallyCore", "TallyIngest", "TallyNumerals", "TallyExtract", "TallyReconcile", "TallyReport", "TallyPipeline",
                "TallyEvaluation", "TallyDefaultRules", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Fuzzing (see Fuzz/README.md): the targets as a library (replayed by TallyRobustnessTests) and one
        // driver binary that runs under libFuzzer when built by Fuzz/build.sh, or replays files otherwise.
        .target(
            name: "TallyFuzzTargets",
            dependencies: ["TallyCore", "TallyIngest", "TallyNumerals", "TallyExtract"],
            path: "Fuzz/Targets"),
        .executableTarget(name: "tally-fuzz", dependencies: ["TallyFuzzTargets"], path: "Fuzz/Driver"),
        .testTarget(name: "TallyMemoryTests", dependencies: ["TallyMemory"]),
        .testTarget(name: "TallyCoreTests", dependencies: ["TallyMemory", "TallyCore"]),
        .testTarget(name: "TallyIngestTests", dependencies: ["TallyIngest"]),
        .testTarget(name: "TallyNumeralsTests", dependencies: ["TallyNumerals"]),
        .testTarget(name: "TallyExtractTests", dependencies: ["TallyMemory", "TallyExtract", "TallyIngest"]),
        .testTarget(name: "TallyReconcileTests", dependencies: ["TallyReconcile", "TallyExtract", "TallyIngest"]),
        .testTarget(name: "TallyReportTests", dependencies: ["TallyReport"]),
        .testTarget(name: "TallyPipelineTests", dependencies: ["TallyPipeline"]),
        .testTarget(name: "TallyEvaluationTests", dependencies: ["TallyEvaluation"]),
        .testTarget(name: "TallyRulesTests", dependencies: ["TallyCore", "TallyExtract", "TallyEvaluation", "TallyDefaultRules"]),
        .testTarget(
            name: "TallyRobustnessTests",
            dependencies: [
                "TallyCore", "TallyIngest", "TallyNumerals", "TallyExtract", "TallyReconcile", "TallyPipeline", "TallyReport",
                "TallyFuzzTargets", "tally",
            ]),
    ]
)
