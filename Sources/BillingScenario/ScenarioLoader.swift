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

    /// Loads and checks the scenario at `path`.
    public static func load(_ path: String) -> Result<Scenario, Diagnostics> {
        var diagnostics: [Diagnostic] = []
        var statements: [Statement] = []
        read(path, from: nil, stack: [], into: &statements, diagnostics: &diagnostics)
        guard diagnostics.isEmpty else { return .failure(Diagnostics(all: diagnostics)) }
        let scenario = Scenario(path: path, statements: statements)
        let problems = Checker.check(scenario)
        return problems.isEmpty ? .success(scenario) : .failure(Diagnostics(all: problems))
    }

    /// Parses and checks `text` as if it were the file `path` (includes are read from disk
    /// relative to it).
    public static func load(text: String, path: String) -> Result<Scenario, Diagnostics> {
        var diagnostics: [Diagnostic] = []
        var statements: [Statement] = []
        parse(text, file: path, stack: [canonical(path)], into: &statements, diagnostics: &diagnostics)
        guard diagnostics.isEmpty else { return .failure(Diagnostics(all: diagnostics)) }
        let scenario = Scenario(path: path, statements: statements)
        let problems = Checker.check(scenario)
        return problems.isEmpty ? .success(scenario) : .failure(Diagnostics(all: problems))
    }

    private static func read(
        _ path: String, from include: SourceLocation?, stack: [String], into statements: inout [Statement],
        diagnostics: inout [Diagnostic]
    ) {
        let here = include ?? SourceLocation(file: path, line: 0, column: 0)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            diagnostics.append(Diagnostic(.missingFile, at: here, "no such file '\(path)'"))
            return
        }
        guard !isFolder.boolValue else {
            diagnostics.append(Diagnostic(.missingFile, at: here, "'\(path)' is a folder, not a scenario file"))
            return
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            diagnostics.append(Diagnostic(.missingFile, at: here, "cannot read '\(path)'"))
            return
        }
        guard data.count <= maxFileBytes else {
            diagnostics.append(Diagnostic(at: here, "'\(path)' is larger than 64 MiB; a scenario file is text"))
            return
        }
        switch decode(Array(data), file: path) {
        case .success(let text): parse(text, file: path, stack: stack + [canonical(path)], into: &statements, diagnostics: &diagnostics)
        case .failure(let diagnostic): diagnostics.append(diagnostic)
        }
    }

    private static func parse(
        _ text: String, file: String, stack: [String], into statements: inout [Statement], diagnostics: inout [Diagnostic]
    ) {
        for (index, line) in lines(of: text).enumerated() {
            switch Parser.parse(line: line, file: file, number: index + 1) {
            case nil: continue
            case .failure(let diagnostic)?: diagnostics.append(diagnostic)
            case .success(.statement(let statement))?: statements.append(statement)
            case .success(.include(let target, let location))?:
                let folder = (file as NSString).deletingLastPathComponent
                let path = target.hasPrefix("/") || folder.isEmpty ? target : folder + "/" + target
                var diagnostic = Diagnostic(at: location, "", sourceLine: line)
                if stack.contains(canonical(path)) {
                    diagnostic.message = "'\(target)' includes itself (through \(stack.count) file\(stack.count == 1 ? "" : "s"))"
                    diagnostics.append(diagnostic)
                } else if stack.count >= maxIncludeDepth {
                    diagnostic.message = "includes nest deeper than \(maxIncludeDepth) files"
                    diagnostics.append(diagnostic)
                } else {
                    var nested: [Diagnostic] = []
                    read(path, from: location, stack: stack, into: &statements, diagnostics: &nested)
                    for var problem in nested {
                        if problem.location == location, problem.sourceLine == nil { problem.sourceLine = line }
                        diagnostics.append(problem)
                    }
                }
            }
        }
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

    private static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
