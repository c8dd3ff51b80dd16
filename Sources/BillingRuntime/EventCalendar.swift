internal import BillingCore

/// Due instants keyed by time: each company is filed in the bucket of the instant it is
/// due at, and a binary min-heap holds the distinct instants, so the clock visits only
/// companies with work due, in a fixed order (time, then company index). Most companies
/// fall due at the same few instants (midnights), so a step takes one bucket and sorts
/// it instead of sifting a heap entry per company. Stale entries (a company rescheduled
/// since) are skipped when their bucket is taken.
struct EventCalendar: Sendable {
    private var times: [Int64] = []
    private var buckets: [Int64: [Int32]] = [:]
    /// The instant each company is scheduled at now; `Int64.max` for none.
    private(set) var scheduled: [Int64] = []

    /// Makes room for companies up to `count`.
    mutating func grow(to count: Int) {
        if scheduled.count < count { scheduled += repeatElement(Int64.max, count: count - scheduled.count) }
    }

    /// Schedules `company` at `time` (`nil`: nothing due) unless it is already due
    /// earlier. Keeping the earlier entry is always safe: a visit with nothing due does
    /// nothing and reschedules, so an operation racing a visit can never lose a due.
    mutating func schedule(_ company: Int32, at time: Instant?) {
        guard let seconds = time?.seconds, seconds < scheduled[Int(company)] else { return }
        scheduled[Int(company)] = seconds
        if buckets[seconds] == nil { push(seconds) }
        buckets[seconds, default: []].append(company)
    }

    /// The earliest instant with a live entry, if any.
    mutating func peek() -> Instant? {
        while let top = times.first {
            if buckets[top]?.contains(where: { scheduled[Int($0)] == top }) == true { return Instant(seconds: top) }
            popTime()
            buckets[top] = nil
        }
        return nil
    }

    /// Removes and returns every company due at or before `time`, by time, then index.
    mutating func popAll(at time: Instant) -> [Int32] {
        var due: [Int32] = []
        while let top = times.first, top <= time.seconds {
            popTime()
            var bucket = buckets.removeValue(forKey: top) ?? []
            bucket.sort()
            for company in bucket where scheduled[Int(company)] == top {
                // Cleared first: a company filed twice in one bucket is taken once.
                scheduled[Int(company)] = Int64.max
                due.append(company)
            }
        }
        return due
    }

    /// Every live entry, sorted: what a snapshot keeps.
    var entries: [(company: Int32, time: Instant)] {
        scheduled.enumerated().compactMap { $1 == Int64.max ? nil : (Int32($0), Instant(seconds: $1)) }
    }

    private mutating func push(_ time: Int64) {
        times.append(time)
        var child = times.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard times[child] < times[parent] else { break }
            times.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func popTime() {
        let last = times.removeLast()
        guard !times.isEmpty else { return }
        times[0] = last
        var parent = 0
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < times.count, times[left] < times[smallest] { smallest = left }
            if right < times.count, times[right] < times[smallest] { smallest = right }
            if smallest == parent { return }
            times.swapAt(parent, smallest)
            parent = smallest
        }
    }
}
