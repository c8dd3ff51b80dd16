import BillingScenario

/// `billingsim check PATH...`: parses and checks scenario files without running them.
enum CheckCommand {
    static func run(_ arguments: [String]) throws(UsageError) -> Int32 {
        var reader = ArgumentReader(arguments, command: "check")
        if reader.wantsHelp() {
            Output.print(Help.check)
            return ExitCode.success
        }
        let allowed = try ScenarioFiles.allowedFolders(try reader.option("--allow-paths"), command: "check")
        let paths = reader.positionals()
        try reader.finish()
        guard !paths.isEmpty else { throw UsageError(message: "name at least one scenario file or folder", command: "check") }
        switch ScenarioFiles.load(paths, running: false, allowed: allowed) {
        case .failed(let code): return code
        case .scenarios(let scenarios):
            let statements = scenarios.reduce(0) { $0 + $1.statements.count }
            let expectations = scenarios.reduce(0) { $0 + $1.expectationCount }
            Output.print(
                "ok: \(scenarios.count) scenario file\(scenarios.count == 1 ? "" : "s"), \(statements) statements, "
                    + "\(expectations) expectations\n")
            return ExitCode.success
        }
    }
}
