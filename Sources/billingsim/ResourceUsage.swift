import Foundation

/// Process resource figures from `/proc/self/status`.
enum ResourceUsage {
    /// Peak resident memory (VmHWM) in bytes; 0 where `/proc` is unavailable.
    static func peakResidentBytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let digits = line.filter(\.isNumber)
            return (Int(digits) ?? 0) * 1024
        }
        return 0
    }
}
