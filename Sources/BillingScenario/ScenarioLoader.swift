internal import Foundation

/// Reads scenario files from disk: expands folders, decodes UTF-8, parses, resolves
/// includes and checks. Every problem comes back as a ``Diagnostic``; nothing traps.
public enum ScenarioLoader {
    /// Includes nest at most this deep.
    static let maxIncludeDepth = 32
    /// Files larger than this are refused.
    static let maxFileBytes = 64 << 20

    /// The scenario files named by `paths`: files as given, folders searched (with their
    /// subfolders) for `*.scenario` files in name order. Paths that don't exist are
    /// returned in `missing`.
    public static func files(in paths: [String]) -> (files: [String], missing: [String]) {
        var files: [String] = []
        var missing: [String] = []
        let manager = FileManager.default
        for path in paths {
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isFolder) else {
                missing.append(path)
                continue
            }
            guard isFolder.boolValue else {
                files.append(path)
                continue
            }
            let found = (manager.subpaths(atPath: path) ?? []).filter { $0.hasSuffix(".scenario") }.sorted()
            let base = path.hasSuffix("/") ? path : path + "/"
            files += found.map { base + $0 }
        }
        return (files, missing)
    }

    /// Loads and checks the scenario at `path`. Its includes and snapshot paths must stay
    /// inside `sandbox` (by default the scenario's own folder).
    public static func load(
        _ path: String, sandbox: ScenarioSandbox? = nil, limits: ScenarioLimits = .standard
    ) -> Result<Scenario, Diagnostics> {
        let sandbox = sandbox ?? ScenarioSandbox(scenarioAt: path)
        var expander = IncludeExpander(sandbox: sandbox, limits: limits)
        expander.expand(file: path)
        return checked(expander, path: path, sandbox: sandbox)
    }

    /// Parses and checks `text` as if it were the file `path` (includes are read from disk
    /// relative to it, inside `sandbox`, by default the folder of `path`).
    public static func load(
        text: String, path: String, sandbox: ScenarioSandbox? = nil, limits: ScenarioLimits = .standard
    ) -> Result<Scenario, Diagnostics> {
        let sandbox = sandbox ?? ScenarioSandbox(scenarioAt: path)
        var expander = IncludeExpander(sandbox: sandbox, limits: limits)
        expander.expand(text: text, path: path)
        return checked(expander, path: path, sandbox: sandbox)
    }

    private static func checked(_ expander: IncludeExpander, path: String, sandbox: ScenarioSandbox) -> Result<Scenario, Diagnostics> {
        guard expander.diagnostics.isEmpty else { return .failure(Diagnostics(all: expander.diagnostics)) }
        let scenario = Scenario(path: path, statements: expander.statements, sandbox: sandbox)
        let problems = Checker.check(scenario)
        return problems.isEmpty ? .success(scenario) : .failure(Diagnostics(all: problems))
    }

    /// Lines split on LF, a CR before it dropped.
    static func lines(of text: String) -> [String] {
        text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { bytes in
            let trimmed = bytes.last == 0x0D ? bytes.dropLast() : bytes[...]
            return String(decoding: trimmed, as: UTF8.self)
        }
    }

    /// The text of a file, or where its first byte that is not UTF-8 is.
    static func decode(_ bytes: [UInt8], file: String) -> Result<String, Diagnostic> {
        if let text = String(validating: bytes, as: UTF8.self) { return .success(text) }
        var line = 1
        var column = 1
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .emptyInput:
                return .success(String(decoding: bytes, as: UTF8.self))
            case .error:
                let at = SourceLocation(file: file, line: line, column: column)
                return .failure(Diagnostic(at: at, "the file is not UTF-8 text here", hint: "save it as UTF-8"))
            }
        }
    }
}
