import BillingScenario
import Foundation

/// Finds and loads the scenario files a `run` or `check` names, printing every problem.
enum ScenarioFiles {
    /// The outcome of loading: the scenarios, or the exit code to stop with.
    enum Loaded {
        case scenarios([Scenario])
        case failed(Int32)
    }

    /// Expands `paths` and loads every file; prints diagnostics on stderr. `running`
    /// says whether the caller would have run them, for the closing line. Each file's
    /// paths stay in the folder named on the command line (or the file's own folder),
    /// and in the folders of `allowed` (`--allow-paths`).
    static func load(_ paths: [String], running: Bool, allowed: [String] = []) -> Loaded {
        var files: [(file: String, root: String)] = []
        var missing: [String] = []
        for path in paths {
            let found = ScenarioLoader.files(in: [path])
            missing += found.missing
            let isFile = found.files == [path]
            files += found.files.map { ($0, isFile ? folder(of: path) : path) }
        }
        for path in missing { Output.error("error: no such file or folder '\(path)'\n") }
        guard missing.isEmpty else { return .failed(ExitCode.noInput) }
        guard !files.isEmpty else {
            Output.error("error: no .scenario files in \(paths.joined(separator: ", "))\n")
            return .failed(ExitCode.noInput)
        }
        var scenarios: [Scenario] = []
        var missingFile = false
        var malformed = 0
        for (file, root) in files {
            switch ScenarioLoader.load(file, sandbox: ScenarioSandbox(folders: [root] + allowed)) {
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

    /// `--allow-paths DIR[:DIR…]`: folders that must exist.
    static func allowedFolders(_ value: String?, command: String) throws(UsageError) -> [String] {
        guard let value else { return [] }
        let folders = value.split(separator: ":").map(String.init)
        guard !folders.isEmpty else { throw UsageError(message: "--allow-paths expects a folder", command: command) }
        for folder in folders where ScenarioSandbox(folders: [folder]).folders.isEmpty || !isFolder(folder) {
            throw UsageError(message: "--allow-paths: '\(folder)' is not a folder", command: command)
        }
        return folders
    }

    private static func isFolder(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
    }

    private static func folder(of file: String) -> String {
        let folder = (file as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }
}
