/// When SMTP delivery stops trying a server that is clearly not taking mail.
///
/// Once it opens, every remaining message fails at once, with the reason, instead of
/// spending its whole retry budget: a server that is down, silent or speaking garbage
/// fails a 4,000-message outbox in seconds, not hours. A message delivered or bounced
/// closes it again (both counters start over).
public struct SMTPCircuitBreaker: Sendable, Hashable {
    /// Opens after this many sessions in a row fail at the connection, greeting or protocol
    /// level (refused, timed out, dropped, a 4xx greeting, a reply that is not SMTP or over
    /// the caps) with no message delivered or bounced in between.
    public var sessions: Int
    /// Opens after this many messages in a row end failed (their retries ran out, on 4xx
    /// replies for example) with none delivered or bounced in between.
    public var messages: Int

    /// A breaker; thresholds below 1 count as 1. `Int.max` turns a rule off.
    public init(sessions: Int, messages: Int) {
        self.sessions = max(1, sessions)
        self.messages = max(1, messages)
    }

    /// Three failed sessions in a row, or ten failed messages in a row.
    public static let standard = SMTPCircuitBreaker(sessions: 3, messages: 10)
}
