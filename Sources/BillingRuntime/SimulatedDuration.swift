public import BillingCore

/// A step of simulated time, in calendar units.
public enum SimulatedDuration: Sendable, Hashable {
    /// Whole seconds.
    case seconds(Int64)
    /// Whole days.
    case days(Int)
    /// Calendar months: the same day of the month (clamped) at the same time.
    case months(Int)
    /// Calendar years: twelve months.
    case years(Int)

    /// `start` advanced by this duration.
    public func after(_ start: Instant) -> Instant {
        switch self {
        case .seconds(let n): return start.adding(seconds: n)
        case .days(let n): return start.adding(seconds: Int64(n) * Instant.secondsPerDay)
        case .months(let n): return Instant(start.date.addingMonths(n, anchorDay: start.date.day)).adding(seconds: start.secondOfDay)
        case .years(let n): return SimulatedDuration.months(12 * n).after(start)
        }
    }
}

/// Paces a simulation in real time: `simulatedSecondsPerSecond` simulated seconds pass
/// per wall-clock second (one day per 10 ms is 8,640,000).
public struct Pace: Sendable, Hashable {
    /// Simulated seconds per real second.
    public var simulatedSecondsPerSecond: Double

    /// A pace.
    public init(simulatedSecondsPerSecond: Double) { self.simulatedSecondsPerSecond = simulatedSecondsPerSecond }

    /// One simulated day per `milliseconds` real milliseconds.
    public static func dayPer(milliseconds: Double) -> Pace {
        Pace(simulatedSecondsPerSecond: 86_400_000 / milliseconds)
    }
}

/// Where an advance stands, for progress displays.
public struct AdvanceProgress: Sendable {
    /// The instant the advance started from.
    public var start: Instant
    /// The simulated instant reached.
    public var now: Instant
    /// The instant the advance goes to.
    public var target: Instant
    /// Company visits done so far in this advance.
    public var companyVisits: Int
}
