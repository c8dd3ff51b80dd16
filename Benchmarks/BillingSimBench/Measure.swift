import BillingCore
import Foundation

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

    /// CPU seconds the process has used so far, on all threads.
    static func cpuSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
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

extension Measure {
    /// Hands memory freed by earlier runs back to the system (`malloc_trim`), then
    /// resets VmHWM to the resident size left (Linux: `5` to /proc/self/clear_refs), so
    /// the next ``peakResidentBytes()`` is the peak of what runs after this, not of
    /// what an earlier run left in malloc's free lists.
    static func resetPeak() {
        _ = malloc_trim(0)
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    }

    /// The value at `fraction` (0.5: median, 0.99: 99th percentile) of `sorted`, nearest rank.
    static func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((fraction * Double(sorted.count)).rounded(.up))
        return sorted[min(sorted.count, max(1, rank)) - 1]
    }
}

/// glibc's `malloc_trim` (declared in <malloc.h>, which the Glibc module leaves out).
@_silgen_name("malloc_trim")
private func malloc_trim(_ pad: Int) -> Int32
