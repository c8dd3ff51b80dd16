internal import BillingCore

/// Due instants keyed by time: a binary min-heap of (instant, company index) ordered by
/// time, then company, so the clock visits only companies with work due, in a fixed
/// order. Stale entries (a company rescheduled since) are skipped when popped.
struct EventCalendar: Sendable {
    private var heap: [(time: Int64, company: Int32)] = []
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
        push((seconds, company))
    }

    /// The earliest live instant, if any.
    mutating func peek() -> Instant? {
        while let top = heap.first {
            if scheduled[Int(top.company)] == top.time { return Instant(seconds: top.time) }
            pop()
        }
        return nil
    }

    /// Removes and returns every company due at exactly `time`, in index order.
    mutating func popAll(at time: Instant) -> [Int32] {
        var due: [Int32] = []
        while let top = heap.first, top.time <= time.seconds {
            pop()
            if scheduled[Int(top.company)] == top.time {
                scheduled[Int(top.company)] = Int64.max
                due.append(top.company)
            }
        }
        return due
    }

    /// Every live entry, sorted: what a snapshot keeps.
    var entries: [(company: Int32, time: Instant)] {
        scheduled.enumerated().compactMap { $1 == Int64.max ? nil : (Int32($0), Instant(seconds: $1)) }
    }

    private static func less(_ a: (time: Int64, company: Int32), _ b: (time: Int64, company: Int32)) -> Bool {
        a.time != b.time ? a.time < b.time : a.company < b.company
    }

    private mutating func push(_ entry: (time: Int64, company: Int32)) {
        heap.append(entry)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard EventCalendar.less(heap[child], heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func pop() {
        let last = heap.removeLast()
        guard !heap.isEmpty else { return }
        heap[0] = last
        var parent = 0
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < heap.count, EventCalendar.less(heap[left], heap[smallest]) { smallest = left }
            if right < heap.count, EventCalendar.less(heap[right], heap[smallest]) { smallest = right }
            if smallest == parent { return }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
    }
}
