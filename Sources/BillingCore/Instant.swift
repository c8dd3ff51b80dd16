/// A point in simulated time: whole seconds since 1970-01-01T00:00:00Z.
///
/// Simulated time is data, never the wall clock.
public struct Instant: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// Seconds since the Unix epoch, UTC.
    public var seconds: Int64

    /// The instant `seconds` seconds after the epoch.
    public init(seconds: Int64) { self.seconds = seconds }

    /// Midnight UTC at the start of `date`.
    public init(_ date: CivilDate) { self.seconds = date.daysSinceEpoch * Instant.secondsPerDay }

    /// Seconds in a day (simulated time has no leap seconds).
    public static let secondsPerDay: Int64 = 86_400

    /// The calendar date this instant falls on.
    public var date: CivilDate { CivilDate(daysSinceEpoch: floorDiv(seconds, Instant.secondsPerDay)) }

    /// Seconds since midnight of ``date``.
    public var secondOfDay: Int64 { seconds - floorDiv(seconds, Instant.secondsPerDay) * Instant.secondsPerDay }

    /// The first instant of the next calendar month (the next month end, when invoice
    /// emails go out).
    public var nextMonthStart: Instant { Instant(date.firstOfNextMonth) }

    /// True when this instant is midnight on the first of a month.
    public var isMonthStart: Bool { secondOfDay == 0 && date.day == 1 }

    /// The last day a period ending (exclusively) at this instant includes: the day of
    /// the second before it. A January period's end, 2026-02-01, gives 2026-01-31.
    public var lastIncludedDay: CivilDate { adding(seconds: -1).date }

    /// `this + seconds`.
    public func adding(seconds delta: Int64) -> Instant { Instant(seconds: seconds + delta) }

    /// `YYYY-MM-DD` at midnight, `YYYY-MM-DDTHH:MM:SSZ` otherwise.
    public var description: String {
        let s = secondOfDay
        guard s != 0 else { return date.description }
        func two(_ v: Int64) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(date)T\(two(s / 3600)):\(two(s / 60 % 60)):\(two(s % 60))Z"
    }

    public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.seconds < rhs.seconds }
}

private func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
}
