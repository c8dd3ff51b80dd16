import Foundation

/// `billingsim-bench`: measured workloads, release builds only.
///
/// `swift run -c release billingsim-bench population --companies 100000 --months 12 --runs 5`
@main
struct BillingSimBench {
    static let workloads = ["population", "baseline", "fan-out", "interactive", "scenarios", "snapshot", "documents", "generate"]

    static let usage = """
        usage: billingsim-bench WORKLOAD [--companies N] [--months M] [--runs K] [--json]
                                [--callers C] [--operations N] [--scenarios PATH]
        workloads: \(workloads.joined(separator: ", "))

        """

    static func main() async {
        var arguments = Array(CommandLine.arguments.dropFirst())
        #if DEBUG
            FileHandle.standardError.write(Data("billingsim-bench: built in debug; figures would mislead. Use -c release.\n".utf8))
            if !arguments.contains("--allow-debug") { exit(64) }
            arguments.removeAll { $0 == "--allow-debug" }
        #endif
        let options: WorkloadOptions
        do {
            options = try WorkloadOptions(parsing: arguments)
        } catch {
            FileHandle.standardError.write(Data("billingsim-bench: \(error.message)\n\(usage)".utf8))
            exit(64)
        }
        do {
            switch options.workload {
            case "population": print(try await PopulationWorkload.run(options, withBaseline: true))
            case "baseline": print(try await PopulationWorkload.run(options, withBaseline: false))
            case "fan-out": print(try await FanOutWorkload.run(options))
            case "interactive": print(try await InteractiveWorkload.run(options))
            case "scenarios": print(try await ScenariosWorkload.run(options))
            case "snapshot": print(try await SnapshotWorkload.run(options))
            case "generate": print(try await GenerateWorkload.run(options))
            default: print(try await DocumentsWorkload.run(options))
            }
        } catch {
            FileHandle.standardError.write(Data("billingsim-bench: \(error)\n".utf8))
            exit(70)
        }
    }
}
