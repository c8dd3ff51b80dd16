/// Reads `--name value`, `--name=value` and `--flag` arguments of one command, and
/// reports anything it did not understand.
struct ArgumentReader {
    private var arguments: [String]
    private var used: [Bool]
    let command: String

    /// A reader over the arguments after the command name.
    init(_ arguments: [String], command: String) {
        self.arguments = arguments
        self.used = Array(repeating: false, count: arguments.count)
        self.command = command
    }

    /// True when `--help` or `-h` is present.
    mutating func wantsHelp() -> Bool { flag("--help") || flag("-h") }

    /// True when `name` is present (and consumes it).
    mutating func flag(_ name: String) -> Bool {
        var found = false
        for (index, argument) in arguments.enumerated() where !used[index] && argument == name {
            used[index] = true
            found = true
        }
        return found
    }

    /// The value of option `name`, if given (the last one, if given more than once).
    mutating func option(_ name: String) throws(UsageError) -> String? { try options(name).last }

    /// Every value of option `name`, in the order given.
    mutating func options(_ name: String) throws(UsageError) -> [String] {
        var values: [String] = []
        var index = 0
        while index < arguments.count {
            defer { index += 1 }
            guard !used[index] else { continue }
            let argument = arguments[index]
            if argument == name {
                guard index + 1 < arguments.count, !used[index + 1], !arguments[index + 1].hasPrefix("--") else {
                    throw UsageError(message: "\(name) expects a value", command: command)
                }
                used[index] = true
                used[index + 1] = true
                values.append(arguments[index + 1])
                index += 1
            } else if argument.hasPrefix(name + "=") {
                used[index] = true
                values.append(String(argument.dropFirst(name.count + 1)))
            }
        }
        return values
    }

    /// The value of option `name` as an integer in `range`, or `defaultValue`.
    mutating func integer(_ name: String, in range: ClosedRange<Int>, default defaultValue: Int) throws(UsageError) -> Int {
        guard let text = try option(name) else { return defaultValue }
        guard let value = Int(text), range.contains(value) else {
            throw UsageError(
                message: "\(name) expects a whole number from \(range.lowerBound) to \(range.upperBound), got '\(text)'",
                command: command)
        }
        return value
    }

    /// The positional arguments left once options and flags are read.
    mutating func positionals() -> [String] {
        var out: [String] = []
        for (index, argument) in arguments.enumerated() where !used[index] && !argument.hasPrefix("-") {
            used[index] = true
            out.append(argument)
        }
        return out
    }

    /// Throws for the first argument nobody asked for.
    func finish() throws(UsageError) {
        if let index = used.firstIndex(of: false) {
            let argument = arguments[index]
            let kind = argument.hasPrefix("-") ? "unknown option" : "unexpected argument"
            throw UsageError(message: "\(kind) '\(argument)'", command: command)
        }
    }
}
