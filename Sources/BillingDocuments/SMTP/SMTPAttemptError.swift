/// Why one attempt at a message stopped short of delivery.
enum SMTPAttemptError: Error, Hashable {
    /// Worth trying again later: a 4xx reply, or the connection failed, dropped or timed
    /// out. Carries the reason the report shows if no attempt succeeds.
    case transient(String)
    /// Transient too, but the server could not even be reached (connection refused, no
    /// route, connect timed out).
    case unreachable(String)
    /// Refused for good: a 5xx reply (as text), or a message that cannot be sent at all.
    case permanent(String)
}
