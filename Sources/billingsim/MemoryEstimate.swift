import Foundation
import Glibc

/// How much memory a generated world needs, so that `simulate` refuses at once a size
/// that cannot fit instead of running for minutes and being killed.
///
/// Measured (Benchmarks/RESULTS.md, `simulate` at 100,000 companies for 3 to 24 months):
/// a world holds about 3,200 bytes per company from the start (state, members, users) and
/// about 420 bytes more per company-month (invoices, their lines, outbox messages), which
/// gives the ~8 KB per company-year seen at 12 months. The estimate rounds both up a
/// little; it is meant to catch sizes that are off by a large factor, not to be exact.
struct MemoryEstimate {
    /// Bytes per company before any month is simulated.
    static let bytesPerCompany = 3_500
    /// Bytes per company per simulated month.
    static let bytesPerCompanyMonth = 450
    /// The process itself: code, runtime, buffers.
    static let fixedBytes = 64 << 20

    var companies: Int
    var months: Int

    /// Bytes one company needs over `months`.
    static func perCompany(months: Int) -> Int { bytesPerCompany + bytesPerCompanyMonth * months }

    /// Estimated peak resident bytes of the run.
    var bytes: Double { Double(Self.fixedBytes) + Double(companies) * Double(Self.perCompany(months: months)) }

    /// The most companies that fit in `limit` bytes for `months`.
    static func companiesFitting(_ limit: UInt64, months: Int) -> Int {
        let room = limit > UInt64(fixedBytes) ? limit - UInt64(fixedBytes) : 0
        return Int(room / UInt64(perCompany(months: months)))
    }

    /// The memory this process may use: physical memory, or a smaller cgroup limit
    /// (`/sys/fs/cgroup/memory.max`, as in a container); `nil` when unknown. The
    /// environment variable `BILLINGSIM_MEMORY_LIMIT` (bytes) replaces both, for tests
    /// and for a user who wants a tighter bound.
    static func available() -> UInt64? {
        if let text = ProcessInfo.processInfo.environment["BILLINGSIM_MEMORY_LIMIT"], let bytes = UInt64(text) {
            return bytes
        }
        let pages = sysconf(Int32(_SC_PHYS_PAGES))
        let pageSize = sysconf(Int32(_SC_PAGESIZE))
        var limit: UInt64? = pages > 0 && pageSize > 0 ? UInt64(pages) * UInt64(pageSize) : nil
        if let text = try? String(contentsOfFile: "/sys/fs/cgroup/memory.max", encoding: .utf8),
            let cgroup = UInt64(text.trimmingCharacters(in: .whitespacesAndNewlines))
        {
            limit = min(limit ?? cgroup, cgroup)
        }
        return limit
    }

    /// The usage message when the world cannot fit in `limit` bytes, else `nil`.
    func refusal(limit: UInt64) -> String? {
        guard bytes > Double(limit) else { return nil }
        let fitting = Self.companiesFitting(limit, months: months)
        return "--companies \(companies) for \(months) months needs about \(Self.gigabytes(bytes)) of memory "
            + "(\(Self.perCompany(months: months)) bytes per company), more than the \(Self.gigabytes(Double(limit))) "
            + "this machine has; at most about \(fitting) companies fit for \(months) months"
    }

    private static func gigabytes(_ bytes: Double) -> String {
        String(format: "%.1f GB", bytes / 1_000_000_000)
    }
}
