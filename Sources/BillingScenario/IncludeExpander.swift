internal import Foundation

/// Expands a scenario's `include` lines in place, within bounds: every file is read and
/// parsed once (a file included many times is replayed from its parsed lines), the
/// statements and bytes of one run are capped (each inclusion counts), paths stay in the
/// ``ScenarioSandbox``, and only scenario text is read, so no other file's lines are ever
/// echoed in a diagnostic.
struct IncludeExpander {
    /// One file, read and parsed.
    private enum Parsed {
        /// Its lines, parsed, and its size in bytes.
        case lines([(text: String, result: Result<Parser.Line, Diagnostic>?)], bytes: Int)
        /// Why it cannot be read, to report at each include of it.
        case unreadable(Diagnostic)
    }

    /// Thrown to stop expanding once a cap is passed: the diagnostic says where.
    private struct Stop: Error {}

    let sandbox: ScenarioSandbox
    let limits: ScenarioLimits
    private(set) var statements: [Statement] = []
    private(set) var diagnostics: [Diagnostic] = []
    /// How many files were read from disk (each at most once).
    private(set) var filesRead = 0
    private var seen: Set<Diagnostic> = []
    private var bytes = 0
    private var cache: [String: Parsed] = [:]
    private var confined: [String: String?] = [:]
    private var sizes: [String: Size] = [:]

    /// What a file expands to, its includes counted each time (saturating, so a bomb
    /// of 4^32 never overflows).
    private struct Size {
        var statements = 0
        var bytes = 0

        mutating func add(_ other: Size) {
            statements = IncludeExpander.saturating(statements, other.statements)
            bytes = IncludeExpander.saturating(bytes, other.bytes)
        }
    }

    init(sandbox: ScenarioSandbox, limits: ScenarioLimits) {
        self.sandbox = sandbox
        self.limits = limits
    }

    /// Reads the root file at `path` and everything it includes.
    mutating func expand(file path: String) {
        let here = SourceLocation(file: path, line: 0, column: 0)
        guard let canonical = ScenarioSandbox.resolve(path) else {
            add(Diagnostic(.missingFile, at: here, "no such file '\(path)'"))
            return
        }
        let parsed = read(path, canonical: canonical)
        do {
            try replay(parsed, file: path, stack: [canonical], include: nil, outer: nil)
        } catch {}
    }

    /// Parses `text` as if it were the root file `path`.
    mutating func expand(text: String, path: String) {
        let canonical = ScenarioSandbox.resolve(path) ?? path
        let parsed = IncludeExpander.parse(text, file: path, limits: limits)
        do {
            try replay(parsed, file: path, stack: [canonical], include: nil, outer: nil)
        } catch {}
    }

    // MARK: Replaying

    /// Adds the statements of one parsed file; `include` is the line that included it,
    /// `outer` the include line of the root file it is reached through, where a cap is
    /// reported (the place the author can act).
    private mutating func replay(
        _ parsed: Parsed, file: String, stack: [String], include: (SourceLocation, String)?, outer: (SourceLocation, String)?
    ) throws(Stop) {
        let lines: [(text: String, result: Result<Parser.Line, Diagnostic>?)]
        let size: Int
        switch parsed {
        case .unreadable(var diagnostic):
            if let include, diagnostic.location.line == 0 {
                diagnostic.location = include.0
                diagnostic.sourceLine = include.1
            }
            add(diagnostic)
            return
        case .lines(let parsedLines, let bytes):
            lines = parsedLines
            size = bytes
        }
        bytes = saturating(bytes, size)
        if bytes > limits.maxBytes {
            stop(byteCap(at: outer ?? (SourceLocation(file: file, line: 1, column: 1), "")))
            throw Stop()
        }
        for (text, result) in lines {
            switch result {
            case nil: continue
            case .failure(let diagnostic): add(diagnostic)
            case .success(.statement(let statement)):
                if let refusal = confine(statement) {
                    add(refusal)
                    continue
                }
                guard statements.count < limits.maxStatements else {
                    stop(statementCap(at: outer ?? (statement.location, statement.text)))
                    throw Stop()
                }
                statements.append(statement)
            case .success(.include(let target, let location)):
                try self.include(target, at: location, line: text, from: file, stack: stack, outer: outer)
            }
        }
    }

    private mutating func include(
        _ target: String, at location: SourceLocation, line: String, from file: String, stack: [String],
        outer: (SourceLocation, String)?
    ) throws(Stop) {
        let folder = (file as NSString).deletingLastPathComponent
        let path = target.hasPrefix("/") || folder.isEmpty ? target : folder + "/" + target
        var diagnostic = Diagnostic(at: location, "", sourceLine: line)
        guard let canonical = confine(path: path) else {
            diagnostic.message = "'\(target)' is outside the scenario's folder \(sandbox.described)"
            diagnostic.hint = "include files from the scenario's folder, or widen it with 'run --allow-paths DIR'"
            add(diagnostic)
            return
        }
        if stack.contains(canonical) {
            diagnostic.message = "'\(target)' includes itself (through \(stack.count) file\(stack.count == 1 ? "" : "s"))"
            add(diagnostic)
            return
        }
        if stack.count >= ScenarioLoader.maxIncludeDepth {
            diagnostic.message = "includes nest deeper than \(ScenarioLoader.maxIncludeDepth) files"
            add(diagnostic)
            return
        }
        let parsed = read(path, canonical: canonical)
        // Measured before expanding (each file once, thanks to the caches), so a bomb is
        // refused at once instead of after a million statements.
        var visiting: Set<String> = Set(stack)
        let size = measure(parsed, file: path, canonical: canonical, visiting: &visiting)
        let at = outer ?? (location, line)
        if saturating(statements.count, size.statements) > limits.maxStatements {
            stop(statementCap(at: at))
            throw Stop()
        }
        if saturating(bytes, size.bytes) > limits.maxBytes {
            stop(byteCap(at: at))
            throw Stop()
        }
        try replay(parsed, file: path, stack: stack + [canonical], include: (location, line), outer: at)
    }

    // MARK: Measuring

    /// The statements and bytes `parsed` expands to; files on the include stack (a cycle,
    /// reported when expanded) and files outside the sandbox count nothing.
    private mutating func measure(_ parsed: Parsed, file: String, canonical: String, visiting: inout Set<String>) -> Size {
        if let known = sizes[canonical] { return known }
        guard case .lines(let lines, let bytes) = parsed else { return Size() }
        var size = Size(statements: 0, bytes: bytes)
        visiting.insert(canonical)
        let folder = (file as NSString).deletingLastPathComponent
        scan: for (_, result) in lines {
            switch result {
            case .success(.statement)?: size.statements += 1
            case .success(.include(let target, _))?:
                let path = target.hasPrefix("/") || folder.isEmpty ? target : folder + "/" + target
                guard let inner = confine(path: path), !visiting.contains(inner) else { continue }
                size.add(measure(read(path, canonical: inner), file: path, canonical: inner, visiting: &visiting))
                // Past a cap the exact size does not matter: stop reading more files.
                if size.statements > limits.maxStatements || size.bytes > limits.maxBytes { break scan }
            default: continue
            }
        }
        visiting.remove(canonical)
        sizes[canonical] = size
        return size
    }

    private func statementCap(at: (SourceLocation, String)) -> Diagnostic {
        Diagnostic(
            at: at.0, "the scenario passes \(limits.maxStatements) statements after includes (each inclusion counts)",
            hint: "a file included from several places runs once for each", sourceLine: at.1.isEmpty ? nil : at.1)
    }

    private func byteCap(at: (SourceLocation, String)) -> Diagnostic {
        Diagnostic(
            at: at.0, "the scenario passes \(limits.described) of text after includes (each inclusion counts)",
            hint: "a file included from several places is read once for each", sourceLine: at.1.isEmpty ? nil : at.1)
    }

    static func saturating(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? Int.max : sum
    }

    private func saturating(_ a: Int, _ b: Int) -> Int { IncludeExpander.saturating(a, b) }

    /// `sandbox.confine(path)`, remembered: a file included many times is resolved once.
    private mutating func confine(path: String) -> String? {
        if let known = confined[path] { return known }
        let resolved = sandbox.confine(path)
        confined[path] = resolved
        return resolved
    }

    // MARK: Reading

    /// The file at `path`, from the cache or read now. Only regular files named
    /// `*.scenario` or `*.inc` are read, so a diagnostic never prints a line of anything else.
    private mutating func read(_ path: String, canonical: String) -> Parsed {
        if let cached = cache[canonical] { return cached }
        filesRead += 1
        let parsed = IncludeExpander.load(path, canonical: canonical, limits: limits)
        cache[canonical] = parsed
        return parsed
    }

    private static func load(_ path: String, canonical: String, limits: ScenarioLimits) -> Parsed {
        let here = SourceLocation(file: path, line: 0, column: 0)
        var status = stat()
        guard stat(canonical, &status) == 0 else { return .unreadable(Diagnostic(.missingFile, at: here, "no such file '\(path)'")) }
        if status.st_mode & S_IFMT == S_IFDIR {
            return .unreadable(Diagnostic(.missingFile, at: here, "'\(path)' is a folder, not a scenario file"))
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            return .unreadable(Diagnostic(.missingFile, at: here, "'\(path)' is not a regular file, so not a scenario file"))
        }
        guard canonical.hasSuffix(".scenario") || canonical.hasSuffix(".inc") else {
            return .unreadable(
                Diagnostic(
                    at: here, "'\(path)' is not a scenario file: its name must end in .scenario or .inc",
                    hint: "only scenario text is read, so no other file's lines are ever printed"))
        }
        guard Int(status.st_size) <= ScenarioLoader.maxFileBytes else {
            return .unreadable(Diagnostic(at: here, "'\(path)' is larger than 64 MiB; a scenario file is text"))
        }
        guard let handle = FileHandle(forReadingAtPath: canonical), let data = try? handle.read(upToCount: ScenarioLoader.maxFileBytes + 1)
        else {
            return .unreadable(Diagnostic(.missingFile, at: here, "cannot read '\(path)'"))
        }
        try? handle.close()
        guard data.count <= ScenarioLoader.maxFileBytes else {
            return .unreadable(Diagnostic(at: here, "'\(path)' is larger than 64 MiB; a scenario file is text"))
        }
        switch ScenarioLoader.decode(Array(data), file: path) {
        case .success(let text): return parse(text, file: path, limits: limits)
        case .failure(let diagnostic): return .unreadable(diagnostic)
        }
    }

    /// The file's lines that say something (blank and comment lines are dropped), parsed;
    /// parsing stops one past the statement cap, which a file that long passes anyway, so
    /// a 64 MiB file of short lines never holds more than that in memory.
    private static func parse(_ text: String, file: String, limits: ScenarioLimits) -> Parsed {
        var lines: [(text: String, result: Result<Parser.Line, Diagnostic>?)] = []
        for (index, line) in ScenarioLoader.lines(of: text).enumerated() {
            guard let result = Parser.parse(line: line, file: file, number: index + 1) else { continue }
            lines.append((line, result))
            if lines.count > limits.maxStatements { break }
        }
        return .lines(lines, bytes: text.utf8.count)
    }

    // MARK: Checks

    /// A diagnostic when a snapshot statement names a path outside the sandbox.
    private func confine(_ statement: Statement) -> Diagnostic? {
        switch statement.kind {
        case .saveSnapshot(let path), .restoreSnapshot(let path):
            guard sandbox.confine(path) == nil else { return nil }
            var location = statement.location
            if let tokens = try? Lexer.tokens(of: statement.text),
                let string = tokens.first(where: { $0.kind == .string && $0.column > location.column })
            {
                location.column = string.column
            }
            return Diagnostic(
                at: location, "the snapshot path is outside the scenario's folder \(sandbox.described)",
                hint: "save snapshots in the scenario's folder, or widen it with 'run --allow-paths DIR'", sourceLine: statement.text)
        case .on(_, let inner): return confine(inner)
        default: return nil
        }
    }

    /// Adds a diagnostic once (a file included many times reports its problems once),
    /// and no more than the cap.
    private mutating func add(_ diagnostic: Diagnostic) {
        guard diagnostics.count < limits.maxDiagnostics, seen.insert(diagnostic).inserted else { return }
        diagnostics.append(diagnostic)
        if diagnostics.count == limits.maxDiagnostics {
            let note = "more than \(limits.maxDiagnostics) errors; the rest are not shown"
            diagnostics.append(Diagnostic(diagnostic.kind, at: diagnostic.location, note))
        }
    }

    /// Adds the diagnostic that stops expansion, past the cap on diagnostics if need be.
    private mutating func stop(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }
}
