import BillingCore
import BillingRuntime
import Foundation
import Testing

@testable import BillingScenario

// Paths, values and loaders the scenario tests share.

/// Where the test files and the bundled scenarios are on disk.
enum Paths {
    /// `Tests/BillingScenarioTests`.
    static let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    /// `Tests/BillingScenarioTests/Fixtures`: scenario files the include tests read.
    static let fixtures = tests.appendingPathComponent("Fixtures").path
    /// The package's `Scenarios` folder.
    static let scenarios = tests.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Scenarios").path

    /// A file of the fixtures folder.
    static func fixture(_ name: String) -> String { fixtures + "/" + name }
}

/// The date `YYYY-MM-DD`.
func date(_ text: String) -> CivilDate {
    guard let date = CivilDate(parsing: text) else { fatalError("bad fixture date \(text)") }
    return date
}

/// Midnight UTC of `text` (`YYYY-MM-DD`), plus `hours`, `minutes` and `seconds`.
func instant(_ text: String, hours: Int64 = 0, minutes: Int64 = 0, seconds: Int64 = 0) -> Instant {
    Instant(date(text)).adding(seconds: hours * 3_600 + minutes * 60 + seconds)
}

/// The country with `code`.
func country(_ code: String) -> Country {
    guard let country = Country(rawValue: code) else { fatalError("bad fixture country \(code)") }
    return country
}

/// Thrown after a helper has recorded why a test cannot go on.
struct FixtureFailed: Error {}

/// The scenario `text` loads to; records the diagnostics and throws when it does not load.
func load(_ text: String, path: String = "test.scenario", sourceLocation: Testing.SourceLocation = #_sourceLocation) throws
    -> Scenario
{
    switch ScenarioLoader.load(text: text, path: path) {
    case .success(let scenario): return scenario
    case .failure(let diagnostics):
        Issue.record("expected the scenario to load, but:\n\(diagnostics)", sourceLocation: sourceLocation)
        throw FixtureFailed()
    }
}

/// The diagnostics `text` gives; records an issue and throws when it loads.
func problems(_ text: String, path: String = "test.scenario", sourceLocation: Testing.SourceLocation = #_sourceLocation) throws
    -> [Diagnostic]
{
    switch ScenarioLoader.load(text: text, path: path) {
    case .success:
        Issue.record("expected diagnostics, but the scenario loaded", sourceLocation: sourceLocation)
        throw FixtureFailed()
    case .failure(let diagnostics): return diagnostics.all
    }
}

/// The only diagnostic `text` gives.
func problem(_ text: String, path: String = "test.scenario", sourceLocation: Testing.SourceLocation = #_sourceLocation) throws
    -> Diagnostic
{
    let all = try problems(text, path: path, sourceLocation: sourceLocation)
    guard all.count == 1 else {
        Issue.record("expected one diagnostic, got \(all.count):\n\(Diagnostics(all: all))", sourceLocation: sourceLocation)
        throw FixtureFailed()
    }
    return all[0]
}

/// Loads `text` and runs it.
func run(_ text: String, seed: UInt64? = nil, path: String = "test.scenario", sourceLocation: Testing.SourceLocation = #_sourceLocation)
    async throws -> ScenarioResult
{
    let scenario = try load(text, path: path, sourceLocation: sourceLocation)
    return await ScenarioRunner(seed: seed).run(scenario)
}

/// The kind of the one statement on `line`, parsed as line 1 of `t.scenario`.
func kind(of line: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Statement.Kind {
    switch Parser.parse(line: line, file: "t.scenario", number: 1) {
    case .success(.statement(let statement))?: return statement.kind
    case .success(.include)?:
        Issue.record("expected a statement, got an include", sourceLocation: sourceLocation)
    case .failure(let diagnostic)?:
        Issue.record("expected a statement, got:\n\(diagnostic)", sourceLocation: sourceLocation)
    case nil:
        Issue.record("expected a statement, got a blank line", sourceLocation: sourceLocation)
    }
    throw FixtureFailed()
}

/// The diagnostic the parser gives for `line`, parsed as line 1 of `t.scenario`.
func parseError(of line: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Diagnostic {
    guard case .failure(let diagnostic)? = Parser.parse(line: line, file: "t.scenario", number: 1) else {
        Issue.record("expected '\(line)' not to parse", sourceLocation: sourceLocation)
        throw FixtureFailed()
    }
    return diagnostic
}

/// A company everyone knows, on the Business plan in USD from 2026-01-15, with a
/// Billing user who accepted. `anna@acme.se` owns it.
let acmeWorld = """
    start 2026-01-15
    company acme "Acme AB" owner anna@acme.se country SE currency USD plan business
    invite bo@partner.se to acme as billing
    as bo@partner.se: accept invitation to acme
    """

/// A location in `test.scenario` (the path the loader helpers use), or in `file`.
func location(_ line: Int, _ column: Int, file: String = "test.scenario") -> BillingScenario.SourceLocation {
    BillingScenario.SourceLocation(file: file, line: line, column: column)
}

/// A line that must be refused (by the parser, or by the checker after a small world):
/// where the error points, what it says, and its hint.
struct BadLine: Sendable, CustomTestStringConvertible {
    var line: String
    var column: Int
    var message: String
    var hint: String?

    init(_ line: String, _ column: Int, _ message: String, hint: String? = nil) {
        self.line = line
        self.column = column
        self.message = message
        self.hint = hint
    }

    var testDescription: String { line }
}
