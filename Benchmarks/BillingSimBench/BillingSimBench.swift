import BillingCore
import BillingRuntime
import BillingStore
import Foundation

/// `billingsim-bench`: measured workloads, release builds only: `snapshot` and `documents`.
///
/// `swift run -c release billingsim-bench snapshot --companies 100000 --months 12 --runs 5`
@main
struct BillingSimBench {
    static func main() async {
        var arguments = Array(CommandLine.arguments.dropFirst())
        #if DEBUG
            FileHandle.standardError.write(Data("billingsim-bench: built in debug; figures would mislead. Use -c release.\n".utf8))
            if !arguments.contains("--allow-debug") { exit(64) }
            arguments.removeAll { $0 == "--allow-debug" }
        #endif
        let workload = arguments.first ?? ""
        guard ["snapshot", "documents"].contains(workload) else {
            FileHandle.standardError.write(
                Data("usage: billingsim-bench snapshot|documents [--companies N] [--months M] [--runs K] [--json]\n".utf8))
            exit(64)
        }
        func value(_ name: String, _ fallback: Int) -> Int {
            guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count, let number = Int(arguments[index + 1]),
                number >= 0
            else { return fallback }
            return number
        }
        let companies = value("--companies", 10_000)
        let months = value("--months", 12)
        let runs = max(1, value("--runs", 3))
        let json = arguments.contains("--json")
        let options = WorkloadOptions(companies: companies, months: months, runs: runs, json: json)
        do {
            if workload == "snapshot" {
                print(try await SnapshotWorkload.run(options))
            } else {
                print(try await DocumentsWorkload.run(options))
            }
        } catch {
            FileHandle.standardError.write(Data("billingsim-bench: \(error)\n".utf8))
            exit(70)
        }
    }
}
