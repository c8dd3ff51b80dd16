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
/// per wall-clock second (one day per 10 ms is 8,640,000), measured on `realTime`.
public struct Pace: Sendable {
    /// Simulated seconds per real second.
    public var simulatedSecondsPerSecond: Double
    /// The real time paced against: the system's, or a test's.
    public var realTime: any RealTime

    /// A pace against `realTime` (default: the system's monotonic clock).
    public init(simulatedSecondsPerSecond: Double, realTime: any RealTime = SystemRealTime()) {
        self.simulatedSecondsPerSecond = simulatedSecondsPerSecond
        self.realTime = realTime
    }

    /// One simulated day per `milliseconds` real milliseconds.
    public static func dayPer(milliseconds: Double, realTime: any RealTime = SystemRealTime()) -> Pace {
        Pace(simulatedSecondsPerSecond: 86_400_000 / milliseconds, realTime: realTime)
    }
}

/// Real time as paced mode sees it, injected so that a test need not wait.
public protocol RealTime: Sendable {
    /// Seconds since a fixed origin.
    func seconds() async -> Double
    /// Returns once ``seconds()`` has reached `seconds` (at once if it has).
    func sleep(until seconds: Double) async
}

/// The system's monotonic clock.
public struct SystemRealTime: RealTime {
    private let origin = ContinuousClock.now

    /// The system clock, from now.
    public init() {}

    public func seconds() async -> Double {
        let elapsed = ContinuousClock.now - origin
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    public func sleep(until seconds: Double) async {
        try? await Task.sleep(until: origin.advanced(by: .nanoseconds(Int64(seconds * 1e9))), clock: .continuous)
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
