import Foundation

/// The figures of a load workload (population, baseline, fan-out, interactive,
/// scenarios), named as Swift's benchmark harnesses name them: wall clock, throughput,
/// peak resident memory. Rates are taken at the median wall time. In JSON every key
/// below is present; the baseline keys are `null` where no baseline ran.
struct LoadFigures: Encodable, CustomStringConvertible {
    var workload: String
    var companies: Int
    var months: Int
    var runs: Int
    var users = 0
    var invoices = 0
    var emails = 0
    /// The timed part of each run: what ``timed`` says.
    var wallClock: Stats
    /// Process CPU seconds (all threads) during the timed part of each run, where
    /// measured: divided by the wall time, how many cores were busy.
    var cpuSeconds: Stats?
    /// What ``wallClock`` covers.
    var timed: String
    /// Generating the population, before the timed part (not in ``wallClock``).
    var generateSeconds: Stats?
    /// The summary and the digest after the advance, as `simulate` prints them.
    var finishSeconds: Stats? = nil
    /// Generating, advancing and finishing: the whole of `simulate` but process start
    /// and exit, summed per run.
    var wholeSeconds: Stats? = nil
    /// Company visits by the clock per company and simulated month.
    var visitsPerCompanyMonth: Double? = nil
    /// The largest VmHWM of the timed parts (reset before each run).
    var peakMemoryBytes: Int
    /// The single-threaded baseline on the same population (population workload).
    var baselineWallClock: Stats?
    var baselineCPUSeconds: Stats?
    var baselinePeakMemoryBytes: Int?
    /// Role-checked operations (interactive): done, denied by the role table, and
    /// refused for another reason (for example changing the Owner's role).
    var operations: Int?
    /// From the first operation to the last caller's end (interactive).
    var operationsWallClock: Stats?
    var denied: Int?
    var refused: Int?
    var latencyP50Seconds: Double?
    var latencyP99Seconds: Double?
    /// Scenario files and their expectations (scenarios).
    var files: Int?
    var expectations: Int?

    var wallSeconds: Double { wallClock.median }
    var companyMonthsPerSecond: Double { rate(Double(companies * months), wallSeconds) }
    var invoicesPerSecond: Double { rate(Double(invoices), wallSeconds) }
    var emailsPerSecond: Double { rate(Double(emails), wallSeconds) }
    /// The share of all the machine's cores kept busy during the timed part.
    var coreShare: Double? {
        cpuSeconds.map { $0.median / max(wallClock.median, 1e-9) / Double(ProcessInfo.processInfo.activeProcessorCount) }
    }
    var bytesPerCompany: Int { companies == 0 ? 0 : peakMemoryBytes / companies }
    var baselineCompanyMonthsPerSecond: Double? { baselineWallClock.map { rate(Double(companies * months), $0.median) } }
    var ratioToBaseline: Double? { baselineCompanyMonthsPerSecond.map { $0 == 0 ? 0 : companyMonthsPerSecond / $0 } }
    var operationsPerSecond: Double? {
        guard let operations, let operationsWallClock else { return nil }
        return rate(Double(operations), operationsWallClock.median)
    }
    var filesPerSecond: Double? { files.map { rate(Double($0), wallSeconds) } }

    private func rate(_ count: Double, _ seconds: Double) -> Double { seconds > 0 ? count / seconds : 0 }

    private enum Key: String, CodingKey {
        case workload, companies, months, runs, users, invoices, emails, wallClock, cpuSeconds, baselineCPUSeconds, timed, generateSeconds,
            peakMemoryBytes
        case baselineWallClock, baselinePeakMemoryBytes, operations, operationsWallClock, denied, refused, latencyP50Seconds,
            latencyP99Seconds
        case finishSeconds, wholeSeconds, visitsPerCompanyMonth, coreShare
        case files, expectations, wallSeconds, companyMonthsPerSecond, invoicesPerSecond, emailsPerSecond, bytesPerCompany
        case baselineCompanyMonthsPerSecond, ratioToBaseline, operationsPerSecond, filesPerSecond
    }

    func encode(to encoder: any Encoder) throws {
        var out = encoder.container(keyedBy: Key.self)
        try out.encode(workload, forKey: .workload)
        try out.encode(companies, forKey: .companies)
        try out.encode(months, forKey: .months)
        try out.encode(runs, forKey: .runs)
        try out.encode(users, forKey: .users)
        try out.encode(invoices, forKey: .invoices)
        try out.encode(emails, forKey: .emails)
        try out.encode(wallClock, forKey: .wallClock)
        try out.encode(timed, forKey: .timed)
        try out.encode(wallSeconds, forKey: .wallSeconds)
        try out.encode(companyMonthsPerSecond, forKey: .companyMonthsPerSecond)
        try out.encode(invoicesPerSecond, forKey: .invoicesPerSecond)
        try out.encode(emailsPerSecond, forKey: .emailsPerSecond)
        try out.encode(peakMemoryBytes, forKey: .peakMemoryBytes)
        try out.encode(bytesPerCompany, forKey: .bytesPerCompany)
        // Always present, null without a baseline.
        try out.encode(baselineCompanyMonthsPerSecond, forKey: .baselineCompanyMonthsPerSecond)
        try out.encode(ratioToBaseline, forKey: .ratioToBaseline)
        try out.encodeIfPresent(cpuSeconds, forKey: .cpuSeconds)
        try out.encodeIfPresent(baselineCPUSeconds, forKey: .baselineCPUSeconds)
        try out.encodeIfPresent(generateSeconds, forKey: .generateSeconds)
        try out.encodeIfPresent(finishSeconds, forKey: .finishSeconds)
        try out.encodeIfPresent(wholeSeconds, forKey: .wholeSeconds)
        try out.encodeIfPresent(visitsPerCompanyMonth, forKey: .visitsPerCompanyMonth)
        try out.encodeIfPresent(coreShare, forKey: .coreShare)
        try out.encodeIfPresent(baselineWallClock, forKey: .baselineWallClock)
        try out.encodeIfPresent(baselinePeakMemoryBytes, forKey: .baselinePeakMemoryBytes)
        try out.encodeIfPresent(operations, forKey: .operations)
        try out.encodeIfPresent(operationsWallClock, forKey: .operationsWallClock)
        try out.encodeIfPresent(operationsPerSecond, forKey: .operationsPerSecond)
        try out.encodeIfPresent(denied, forKey: .denied)
        try out.encodeIfPresent(refused, forKey: .refused)
        try out.encodeIfPresent(latencyP50Seconds, forKey: .latencyP50Seconds)
        try out.encodeIfPresent(latencyP99Seconds, forKey: .latencyP99Seconds)
        try out.encodeIfPresent(files, forKey: .files)
        try out.encodeIfPresent(filesPerSecond, forKey: .filesPerSecond)
        try out.encodeIfPresent(expectations, forKey: .expectations)
    }

    var description: String {
        func seconds(_ s: Stats) -> String { String(format: "median %.3f s (min %.3f, max %.3f)", s.median, s.min, s.max) }
        func count(_ value: Double) -> String {
            var digits = String(Int(value.rounded()))
            var index = digits.endIndex
            while digits.distance(from: digits.startIndex, to: index) > 3 {
                index = digits.index(index, offsetBy: -3)
                if digits[digits.index(before: index)] != "-" { digits.insert(",", at: index) }
            }
            return digits
        }
        let world =
            companies == 0
            ? ""
            : "\(count(Double(companies))) companies, \(months) month\(months == 1 ? "" : "s"), \(count(Double(users))) users, "
                + "\(count(Double(invoices))) invoices, \(count(Double(emails))) emails; "
        var lines = [
            "\(workload): \(world)\(runs) run\(runs == 1 ? "" : "s")",
            "  wallClock           \(seconds(wallClock)): \(timed)",
        ]
        if let cpuSeconds {
            lines.append(
                "  cpu                 \(seconds(cpuSeconds)), "
                    + String(
                        format: "%.2f cores busy (%.0f%% of %d)", cpuSeconds.median / max(wallClock.median, 1e-9),
                        100 * (coreShare ?? 0), ProcessInfo.processInfo.activeProcessorCount))
        }
        if let generateSeconds { lines.append("  (generating         \(seconds(generateSeconds)), not in wallClock)") }
        if let finishSeconds { lines.append("  (summary + digest   \(seconds(finishSeconds)), not in wallClock)") }
        if let wholeSeconds { lines.append("  whole run           \(seconds(wholeSeconds)): generating + advancing + summary + digest") }
        if let visitsPerCompanyMonth { lines.append(String(format: "  visits              %.3f per company-month", visitsPerCompanyMonth)) }
        if companies > 0 {
            lines.append(
                "  throughput          \(count(companyMonthsPerSecond)) company-months/s, \(count(invoicesPerSecond)) invoices/s, "
                    + "\(count(emailsPerSecond)) emails/s")
        }
        if let operations, let operationsPerSecond, let latencyP50Seconds, let latencyP99Seconds {
            lines.append(
                "  operations          \(count(Double(operations))) (\(denied ?? 0) denied, \(refused ?? 0) refused), "
                    + "\(count(operationsPerSecond)) operations/s over \(String(format: "%.3f", operationsWallClock?.median ?? 0)) s, latency p50 \(String(format: "%.3f", latencyP50Seconds * 1000)) ms, "
                    + "p99 \(String(format: "%.3f", latencyP99Seconds * 1000)) ms")
        }
        if let files, let filesPerSecond {
            lines.append(
                "  files               \(files) (\(expectations ?? 0) expectations), \(String(format: "%.2f", filesPerSecond)) files/s")
        }
        let perCompany = companies == 0 ? "" : ", \(count(Double(bytesPerCompany))) bytes per company"
        lines.append("  peakMemoryResident  \(count(Double(peakMemoryBytes / 1_048_576))) MiB\(perCompany)")
        if let baselineWallClock, let baselineCompanyMonthsPerSecond, let ratioToBaseline {
            lines.append(
                "  baseline            \(seconds(baselineWallClock)), \(count(baselineCompanyMonthsPerSecond)) company-months/s, "
                    + "\((baselinePeakMemoryBytes ?? 0) / 1_048_576) MiB, cpu median "
                    + String(format: "%.3f s", baselineCPUSeconds?.median ?? 0))
            lines.append("  ratioToBaseline     \(String(format: "%.2f", ratioToBaseline)) (actor runtime ÷ single-threaded loop)")
        }
        return lines.joined(separator: "\n")
    }
}
