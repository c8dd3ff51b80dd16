/// How often, and how patiently, a message is tried again after a transient failure.
///
/// The wait before attempt *n* + 1 is `firstDelay` doubled *n* − 1 times, capped at
/// `maxDelay`: with ``standard`` that is 200 ms, 400 ms, 800 ms, 1.6 s.
public struct RetryPolicy: Sendable, Hashable {
    /// How many times a message is tried in all, at least 1.
    public var attempts: Int
    /// The wait after the first failed attempt.
    public var firstDelay: Duration
    /// The longest wait between two attempts.
    public var maxDelay: Duration

    /// A policy; `attempts` below 1 counts as 1, negative delays as zero.
    public init(attempts: Int, firstDelay: Duration, maxDelay: Duration) {
        self.attempts = max(1, attempts)
        self.firstDelay = max(.zero, firstDelay)
        self.maxDelay = max(.zero, maxDelay)
    }

    /// Five attempts, waiting 200 ms, then doubling up to 5 s.
    public static let standard = RetryPolicy(attempts: 5, firstDelay: .milliseconds(200), maxDelay: .seconds(5))

    /// The wait after failed attempt `attempt` (counted from 1) before the next one.
    public func delay(afterAttempt attempt: Int) -> Duration {
        var delay = firstDelay
        var doublings = attempt - 1
        while doublings > 0, delay < maxDelay {
            delay = delay * 2
            doublings -= 1
        }
        return min(delay, maxDelay)
    }
}
