/// How long SMTP delivery waits for a server before it gives up on a session.
///
/// Each is a total, not a time between bytes: a tarpit that sends one byte every few
/// seconds cannot stretch it.
public struct SMTPDeadlines: Sendable, Hashable {
    /// The longest one exchange may take: connecting and the whole greeting, or sending a
    /// command and reading every line of its reply.
    public var reply: Duration
    /// The longest a connection is kept without a message completing on it (delivered or
    /// bounced): counted from connecting, and again from each completed message. It also
    /// bounds sending a message's data.
    public var session: Duration

    /// Deadlines; negative durations count as zero (which fails every exchange).
    public init(reply: Duration, session: Duration) {
        self.reply = max(.zero, reply)
        self.session = max(.zero, session)
    }

    /// 30 s per reply, 2 minutes per session without a completed message.
    public static let standard = SMTPDeadlines(reply: .seconds(30), session: .seconds(120))
}
