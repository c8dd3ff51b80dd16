/// The counters of an ``SMTPCircuitBreaker`` during one delivery, and why it opened.
struct SMTPBreakerState: Hashable {
    let policy: SMTPCircuitBreaker
    private(set) var failedSessions = 0
    private(set) var failedMessages = 0
    /// Set once the breaker has opened: the sentence the remaining messages fail with.
    private(set) var openReason: String?

    init(_ policy: SMTPCircuitBreaker) { self.policy = policy }

    var isOpen: Bool { openReason != nil }

    /// A message was delivered or bounced: the server is taking mail.
    mutating func progressed() {
        failedSessions = 0
        failedMessages = 0
    }

    /// A session ended at the connection, greeting or protocol level with `reason`.
    mutating func sessionFailed(_ reason: String) {
        failedSessions += 1
        if failedSessions >= policy.sessions, openReason == nil {
            openReason = "\(Self.count(failedSessions, "session")) in a row failed, the last with: \(reason)"
        }
    }

    /// A message ran out of attempts with `reason`.
    mutating func messageFailed(_ reason: String) {
        failedMessages += 1
        if failedMessages >= policy.messages, openReason == nil {
            openReason = "\(Self.count(failedMessages, "message")) in a row failed, the last with: \(reason)"
        }
    }

    private static func count(_ number: Int, _ noun: String) -> String { number == 1 ? "1 \(noun)" : "\(number) \(noun)s" }
}
