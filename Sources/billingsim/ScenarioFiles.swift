import BillingScenario

/// Finds and loads the scenario files a `run` or `check` names, printing every problem.
enum ScenarioFiles {
    /// The outcome of loading: the scenarios, or the exit code to stop with.
    enum Loaded {
        case scenarios([Scenario])
        case failed(Int32)
    }

    /// Expands `paths` and loads every file; prints diagnostics on stderr. `running`
    /// says whether the caller would have run them, for the closing line.
    static func load(_ paths: [String], running: Bool) -> Loaded {
        let (files, missing) = ScenarioLoader.files(in: paths)
        for path in missing { Output.error("error: no such file or folder '\(path)'\n") }
        guard missing.isEmpty else { return .failed(ExitCode.noInput) }
        guard !files.isEmpty else {
            Output.error("error: no .scenario files in \(paths.joined(separator: ", "))\n")
            return .failed(ExitCode.noInput)
        }
        var scenarios: [Scenario] = []
        var missingFile = false
        var malformed = 0
        for file in files {
            switch ScenarioLoader.load(file) {
            case .success(let scenario): scenarios.append(scenario)
            case .failure(let diagnostics):
                Output.error(diagnostics.description)
                missingFile = missingFile || diagnostics.isMissingFile
                malformed += 1
            }
        }
        guard malformed == 0 else {
            let files = "\(malformed) of \(files.count) scenario file\(files.count == 1 ? "" : "s")"
            Output.error(running ? "\(files) cannot run; nothing was run.\n" : "\(files) \(malformed == 1 ? "has" : "have") errors.\n")
            return .failed(missingFile ? ExitCode.noInput : ExitCode.dataError)
        }
        return .scenarios(scenarios)
    }
}
