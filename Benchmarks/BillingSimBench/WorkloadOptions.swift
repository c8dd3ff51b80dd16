/// What every workload is told: which one, the world's size, how many timed runs, the
/// output form, and the knobs of the interactive and scenarios workloads.
struct WorkloadOptions {
    var workload: String
    var companies = 10_000
    var months = 12
    var runs = 3
    var json = false
    /// Concurrent callers (interactive).
    var callers = 64
    /// Operations in all (interactive).
    var operations = 100_000
    /// The scenario files or folders (scenarios).
    var scenarios = "Scenarios"

    /// A usage mistake, said in one line.
    struct UsageError: Error {
        var message: String
    }

    /// Reads `WORKLOAD [--flag value]... [--json]`; every flag at most once, numbers
    /// whole and in range.
    init(parsing arguments: [String]) throws(UsageError) {
        guard let workload = arguments.first, BillingSimBench.workloads.contains(workload) else {
            throw UsageError(message: arguments.first.map { "unknown workload '\($0)'" } ?? "no workload named")
        }
        self.workload = workload
        var seen: Set<String> = []
        var rest = arguments.dropFirst()[...]
        while let flag = rest.popFirst() {
            guard seen.insert(flag).inserted else { throw UsageError(message: "\(flag) given twice") }
            if flag == "--json" {
                json = true
                continue
            }
            guard let value = rest.popFirst() else { throw UsageError(message: "\(flag) needs a value") }
            func number(_ range: ClosedRange<Int>) throws(UsageError) -> Int {
                guard let number = Int(value), range.contains(number) else {
                    throw UsageError(
                        message: "\(flag) takes a whole number from \(range.lowerBound) to \(range.upperBound), not '\(value)'")
                }
                return number
            }
            switch flag {
            case "--companies": companies = try number(0...10_000_000)
            case "--months": months = try number(0...1_200)
            case "--runs": runs = try number(1...1_000)
            case "--callers": callers = try number(1...100_000)
            case "--operations": operations = try number(1...100_000_000)
            case "--scenarios": scenarios = value
            default: throw UsageError(message: "unknown option '\(flag)'")
            }
        }
    }
}
