import BillingCore
import Foundation

/// What every workload is told: the world's size, how many timed runs, and the output form.
struct WorkloadOptions {
    var companies: Int
    var months: Int
    var runs: Int
    var json: Bool
}

/// Median, minimum and maximum of a workload's runs.
struct Stats: Codable {
    var median: Double
    var min: Double
    var max: Double

    init(_ values: [Double]) {
        let sorted = values.sorted()
        median = sorted.isEmpty ? 0 : sorted[sorted.count / 2]
        min = sorted.first ?? 0
        max = sorted.last ?? 0
    }
}

/// Timing and memory readings shared by the workloads.
enum Measure {
    /// Wall seconds `body` takes.
    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let clock = ContinuousClock()
        let began = clock.now
        try body()
        return began.duration(to: clock.now).inSeconds
    }

    /// Wall seconds `body` takes.
    static func seconds(_ body: () async throws -> Void) async rethrows -> Double {
        let clock = ContinuousClock()
        let began = clock.now
        try await body()
        return began.duration(to: clock.now).inSeconds
    }

    /// VmHWM from /proc/self/status, in bytes.
    static func peakResidentBytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
        else { return 0 }
        return (Int(String(line.filter(\.isNumber))) ?? 0) * 1024
    }

    /// One JSON object, keys sorted.
    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
