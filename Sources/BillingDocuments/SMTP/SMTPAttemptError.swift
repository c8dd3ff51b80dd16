/// Why one attempt at a message stopped short of delivery.
enum SMTPAttemptError: Error, Hashable {
    /// Worth trying again later on the same session: a 4xx reply to a command of the
    /// transaction. Carries the reason the report shows if no attempt succeeds.
    case transient(String)
    /// Worth trying again on a new session, and counted by the circuit breaker: the
    /// connection was refused, dropped or timed out, the greeting or EHLO was not 2xx, a
    /// 421, or a reply that is not SMTP or breaks the caps.
    case session(String)
    /// Refused for good: a 5xx reply (as text), or a message that cannot be sent at all.
    case permanent(String)
}
