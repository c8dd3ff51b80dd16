import Foundation

/// The `billingsim` command: dispatches to a subcommand and turns errors into exit codes.
@main
struct BillingSim {
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let code = await run(arguments)
        exit(code)
    }

    /// Runs one command line and returns its exit code.
    static func run(_ arguments: [String]) async -> Int32 {
        guard let command = arguments.first else {
            Output.error(Help.tool)
            return ExitCode.usage
        }
        let rest = Array(arguments.dropFirst())
        do {
            switch command {
            case "simulate":
                return try await SimulateCommand.run(rest)
            case "run":
                return try await RunCommand.run(rest)
            case "check":
                return try CheckCommand.run(rest)
            case "resume":
                return try await ResumeCommand.run(rest)
            case "inspect":
                return try await InspectCommand.run(rest)
            case "help", "--help", "-h":
                if let topic = rest.first {
                    guard let text = Help.text(for: topic) else {
                        throw UsageError(message: "no command '\(topic)'", command: nil)
                    }
                    Output.print(text)
                } else {
                    Output.print(Help.tool)
                }
                return ExitCode.success
            default:
                throw UsageError(message: "unknown command '\(command)'", command: nil)
            }
        } catch let error as UsageError {
            Output.error("error: \(error.message)\n")
            Output.error(error.command.flatMap(Help.text(for:)) ?? Help.tool)
            return ExitCode.usage
        } catch {
            Output.error("error: \(error)\n")
            return ExitCode.software
        }
    }
}

/// Writes to standard output and standard error without buffering surprises.
enum Output {
    static func print(_ text: String) { FileHandle.standardOutput.write(Data(text.utf8)) }
    static func error(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }
}
