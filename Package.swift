// swift-tools-version: 6.1
import PackageDescription

// MARK: - Shared settings

/// Settings every target gets: Swift 6 language mode is the package default; these add
/// the stricter upcoming features we want everywhere.
let sharedSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

// MARK: - Targets

var targets: [Target] = [
    // Pure value types and rules: money, calendar, catalog, tax, roles, invoicing.
    .target(name: "BillingCore"),
    // The actors: Company, SimulationClock, Outbox, UserDirectory, and the Simulation.
    .target(name: "BillingRuntime", dependencies: ["BillingCore"]),
    // The scenario language: lexer, parser, checker, runner and reports.
    .target(name: "BillingScenario", dependencies: ["BillingCore", "BillingRuntime", "BillingStore"]),
    // The system SQLite library (Debian: libsqlite3-dev), for snapshots.
    .systemLibrary(name: "BillingSimSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
    // Snapshots: whole worlds saved to and restored from SQLite files.
    .target(name: "BillingStore", dependencies: ["BillingCore", "BillingRuntime", "BillingSimSQLite"]),
    // Invoice PDFs, email messages, mbox, the HTML report, export and SMTP delivery.
    .target(name: "BillingDocuments", dependencies: ["BillingCore", "BillingRuntime"]),
    // The command-line tool: argument parsing and wiring only.
    .executableTarget(
        name: "billingsim", dependencies: ["BillingCore", "BillingRuntime", "BillingScenario", "BillingStore", "BillingDocuments"]),

    // Measured workloads, release builds only: `swift run -c release billingsim-bench`.
    .executableTarget(
        name: "billingsim-bench",
        dependencies: ["BillingCore", "BillingRuntime", "BillingScenario", "BillingStore", "BillingDocuments"],
        path: "Benchmarks/BillingSimBench"),

    // Child processes for the tests: spawned and waited for without Foundation's Process.
    .target(name: "TestProcesses", path: "Tests/TestProcesses"),
    .testTarget(name: "BillingCoreTests", dependencies: ["BillingCore"]),
    .testTarget(name: "BillingRuntimeTests", dependencies: ["BillingCore", "BillingRuntime", "BillingDocuments"], exclude: ["Golden"]),
    .testTarget(name: "BillingStoreTests", dependencies: ["BillingCore", "BillingRuntime", "BillingStore", "TestProcesses"]),
    .testTarget(
        name: "BillingDocumentsTests", dependencies: ["BillingCore", "BillingRuntime", "BillingDocuments", "TestProcesses"],
        exclude: ["Support"]),
    .testTarget(
        name: "BillingScenarioTests", dependencies: ["BillingCore", "BillingRuntime", "BillingScenario", "BillingStore"],
        exclude: ["Fixtures"]),
    // End-to-end tests: they launch the built `billingsim` binary.
    .testTarget(name: "BillingSimCLITests", dependencies: ["billingsim", "TestProcesses"], exclude: ["Golden", "Fixtures"]),
]

for index in targets.indices where targets[index].type != .system {
    targets[index].swiftSettings = (targets[index].swiftSettings ?? []) + sharedSettings
}

// MARK: - Package

let package = Package(
    name: "BillingSim",
    products: [
        .library(name: "BillingCore", targets: ["BillingCore"]),
        .library(name: "BillingRuntime", targets: ["BillingRuntime"]),
        .library(name: "BillingScenario", targets: ["BillingScenario"]),
        .library(name: "BillingStore", targets: ["BillingStore"]),
        .library(name: "BillingDocuments", targets: ["BillingDocuments"]),
        .executable(name: "billingsim", targets: ["billingsim"]),
    ],
    dependencies: [],
    targets: targets,
    swiftLanguageModes: [.v6]
)
