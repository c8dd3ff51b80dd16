/// One moment an SMTP exchange must be done by, and which deadline set it, for messages.
struct SMTPDeadline: Hashable {
    /// When time is up.
    var instant: ContinuousClock.Instant
    /// What the deadline is, for the error: "reply deadline of 30 seconds".
    var name: String

    /// The deadline `duration` from now.
    static func after(_ duration: Duration, _ kind: String) -> SMTPDeadline {
        SMTPDeadline(instant: .now + duration, name: "\(kind) deadline of \(duration)")
    }

    /// Whichever of the two comes first.
    func earlier(_ other: SMTPDeadline) -> SMTPDeadline { other.instant < instant ? other : self }

    /// Milliseconds left, for `poll`: 0 once it has passed, rounded up otherwise.
    var millisecondsLeft: Int32 {
        let left = instant - .now
        guard left > .zero else { return 0 }
        let (seconds, attoseconds) = left.components
        return Int32(clamping: seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000)
    }
}
