/// Why a scenario file cannot run: where, what, and what to do about it.
///
/// Printed the way compilers print errors:
///
/// ```
/// Scenarios/a.scenario:12:1: error: unknown statement 'expcet'
/// expcet acme invoices 2
/// ^
/// hint: did you mean 'expect'?
/// ```
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    /// Which exit code the failure calls for.
    public enum Kind: Sendable, Hashable {
        /// The text is not a valid scenario (exit 65).
        case malformed
        /// A file or an include does not exist or cannot be read (exit 66).
        case missingFile
    }

    /// Malformed text or a missing file.
    public var kind: Kind
    /// Where the problem is.
    public var location: SourceLocation
    /// What is wrong.
    public var message: String
    /// What to do, when we can tell (for example the closest keyword).
    public var hint: String?
    /// The text of the line, to print with a caret under the column.
    public var sourceLine: String?

    /// A diagnostic.
    public init(_ kind: Kind = .malformed, at location: SourceLocation, _ message: String, hint: String? = nil, sourceLine: String? = nil) {
        self.kind = kind
        self.location = location
        self.message = message
        self.hint = hint
        self.sourceLine = sourceLine
    }

    /// The message, the line with a caret under the column, and the hint.
    public var description: String {
        var out = "\(location): error: \(message)\n"
        if let line = sourceLine {
            out += line + "\n"
            // Copy tabs so the caret lines up however the terminal expands them.
            let lead = line.prefix(max(0, location.column - 1)).map { $0 == "\t" ? "\t" : " " }
            out += lead.joined() + "^\n"
        }
        if let hint { out += "hint: \(hint)\n" }
        return out
    }
}

/// Every problem found in one scenario file (and the files it includes).
public struct Diagnostics: Error, Sendable, Hashable, CustomStringConvertible {
    /// The problems, in the order found.
    public var all: [Diagnostic]

    /// Diagnostics.
    public init(all: [Diagnostic]) { self.all = all }

    /// True when a file is missing rather than malformed: exit 66 instead of 65.
    public var isMissingFile: Bool { all.contains { $0.kind == .missingFile } }

    /// Each diagnostic as printed.
    public var description: String { all.map(\.description).joined() }
}
