import BillingCore
import BillingScenario
import Foundation

/// `billingsim run PATH...`: runs scenario files and folders, prints the report.
enum RunCommand {
    struct Options {
        var paths: [String] = []
        var seed: UInt64?
        var json = false
        var junitPath: String?
        var allowedFolders: [String] = []
        var documents = DocumentOptions()
    }

    static func parse(_ arguments: [String]) throws(UsageError) -> Options? {
        var reader = ArgumentReader(arguments, command: "run")
        if reader.wantsHelp() { return nil }
        var options = Options()
        if let text = try reader.option("--seed") {
            guard let seed = UInt64(text) else { throw UsageError(message: "--seed expects a whole number, got '\(text)'", command: "run") }
            options.seed = seed
        }
        options.json = reader.flag("--json")
        options.junitPath = try reader.option("--junit")
        options.allowedFolders = try ScenarioFiles.allowedFolders(try reader.option("--allow-paths"), command: "run")
        options.documents = try DocumentOptions.parse(&reader)
        options.paths = reader.positionals()
        try reader.finish()
        guard !options.paths.isEmpty else { throw UsageError(message: "name at least one scenario file or folder", command: "run") }
        return options
    }

    static func run(_ arguments: [String]) async throws -> Int32 {
        guard let options = try parse(arguments) else {
            Output.print(Help.run)
            return ExitCode.success
        }
        let clock = ContinuousClock()
        let started = clock.now
        let scenarios: [Scenario]
        switch ScenarioFiles.load(options.paths, running: true, allowed: options.allowedFolders) {
        case .scenarios(let loaded): scenarios = loaded
        case .failed(let code): return code
        }
        var publication: RunPublication?
        if !options.documents.isEmpty {
            do {
                publication = try RunPublication(options.documents, scenarios: scenarios)
            } catch {
                Output.error("error: \(error)\n")
                return ExitCode.cannotCreate
            }
        }
        let runner = ScenarioRunner(seed: options.seed) { [publication] scenario, result, simulation in
            await publication?.publish(scenario, result, simulation)
        }
        let results = await runner.run(scenarios)
        let elapsed = clock.now - started
        let report = RunReport(results: results, seconds: elapsed.inSeconds)
        Output.print(options.json ? report.json : report.text)
        let outcome = await publication?.finish(results, seconds: elapsed.inSeconds) ?? DocumentOptions.Outcome()
        let lines = outcome.lines.map { $0 + "\n" }.joined()
        options.json ? Output.error(lines) : Output.print(lines)
        Output.error(outcome.errors.map { $0 + "\n" }.joined())
        if let path = options.junitPath {
            do {
                try Data(report.junit.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            } catch {
                Output.error("error: cannot write the JUnit report to '\(path)': \(error.localizedDescription)\n")
                return ExitCode.cannotCreate
            }
        }
        guard report.passed else { return ExitCode.failure }
        return outcome.code
    }
}
