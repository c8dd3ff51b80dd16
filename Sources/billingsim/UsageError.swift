/// A bad command line: printed with the command's usage, exit code 64 (EX_USAGE).
struct UsageError: Error, CustomStringConvertible {
    /// What is wrong, for example `--months expects a whole number, got 'x'`.
    var message: String
    /// The command whose usage to print.
    var command: String?

    var description: String { message }
}

/// Conventional exit codes (BSD sysexits).
enum ExitCode {
    static let success: Int32 = 0
    static let failure: Int32 = 1
    static let usage: Int32 = 64
    static let dataError: Int32 = 65
    static let noInput: Int32 = 66
    static let cannotCreate: Int32 = 73
    static let software: Int32 = 70
    static let temporaryFailure: Int32 = 75
}
