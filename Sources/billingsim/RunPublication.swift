import BillingDocuments
import BillingRuntime
import BillingScenario
import Foundation

/// Publishes each scenario's world as it ends (`run --out`, `run --smtp`) and gathers
/// what happened, for the report printed after the run.
///
/// One ``SMTPDelivery`` serves the whole run: one connection, and one circuit breaker, so
/// a server that is down fails the run's mail once rather than once per scenario. With
/// `--smtp`, worlds are published one at a time in the order they ended, so each world's
/// messages go out together and in order.
actor RunPublication {
    private let options: DocumentOptions
    private let export: RunExport?
    private let folders: [String: String]
    private var errors: [String] = []
    private let mail: SMTPDelivery?
    private let progress = MailProgress(total: 0)
    /// The world being published with mail, which the next one waits for.
    private var mailTurn: Task<Void, Never>?
    private var rows: [String: RunIndexModel.ScenarioRow] = [:]

    /// Prepares the export folder, if asked for; throws when it cannot be used.
    init(_ options: DocumentOptions, scenarios: [Scenario]) throws(ExportError) {
        self.options = options
        export = try options.outPath.map { path throws(ExportError) in try RunExport(path: path) }
        let paths = scenarios.map(\.path)
        folders = Dictionary(zip(paths, RunExport.folderNames(paths))) { first, _ in first }
        mail = options.smtp.map { [progress] in SMTPDelivery(endpoint: $0, progress: progress.update) }
    }

    /// Exports and delivers one finished scenario's world.
    func publish(_ scenario: Scenario, _ result: ScenarioResult, _ simulation: Simulation?) async {
        guard mail != nil else { return await publishNow(scenario, result, simulation) }
        let previous = mailTurn
        let turn = Task {
            await previous?.value
            await publishNow(scenario, result, simulation)
        }
        mailTurn = turn
        await turn.value
    }

    private func publishNow(_ scenario: Scenario, _ result: ScenarioResult, _ simulation: Simulation?) async {
        let name = folders[scenario.path] ?? "scenario"
        let outcome = Self.outcome(result)
        rows[scenario.path] = RunIndexModel.ScenarioRow(
            path: scenario.path, passed: result.passed, outcome: outcome,
            reportPath: simulation == nil || export == nil ? "" : "\(name)/report.html")
        guard let simulation else { return }
        if mail != nil { progress.expect(await simulation.emailCount) }
        let world = await WorldDocuments(simulation)
        let facts = [
            ReportModel.Fact("Scenario", scenario.path), ReportModel.Fact("Result", result.passed ? "passed" : "failed"),
            ReportModel.Fact("Outcome", outcome),
        ]
        let worldExport = WorldExport(title: scenario.path, facts: facts)
        if let export {
            do {
                _ = try await export.write(world, as: name, export: worldExport, delivery: mail)
            } catch {
                errors.append("error: \(scenario.path): \(error)")
            }
        } else if let mail {
            _ = await worldExport.deliver(world, via: mail)
        }
    }

    /// One line about a scenario's result: expectations met, or what failed first.
    static func outcome(_ result: ScenarioResult) -> String {
        if let failure = result.failure { return "line \(failure.location.line): \(failure.message)" }
        let met = result.expectations.count(where: \.passed)
        let failed = result.failedExpectations.first.map { "; first failure at line \($0.location.line): \($0.text)" } ?? ""
        return "\(met) of \(result.expectations.count + result.notRun) expectations met\(failed)"
    }

    /// Writes the index, puts the export in place and says what happened.
    func finish(_ results: [ScenarioResult], seconds: Double) async -> DocumentOptions.Outcome {
        var outcome = DocumentOptions.Outcome()
        if let export, let path = options.outPath {
            let index = RunIndexModel(
                title: "billingsim run",
                summary: [
                    ReportModel.Fact("Scenarios", "\(results.count)"),
                    ReportModel.Fact("Passed", "\(results.count(where: \.passed))"),
                    ReportModel.Fact("Seconds", String(format: "%.2f", seconds)),
                ],
                scenarios: results.compactMap { rows[$0.path] })
            if errors.isEmpty {
                do {
                    try export.finish(index)
                    outcome.lines.append("export: \(path) (\(results.count) scenarios)")
                } catch {
                    errors.append("error: \(error)")
                }
            }
            if !errors.isEmpty {
                export.discard()
                outcome.errors += errors
                outcome.code = ExitCode.cannotCreate
            }
        }
        if let mail {
            let report = await mail.finish()
            progress.finish()
            outcome.record(report)
        }
        return outcome
    }
}
