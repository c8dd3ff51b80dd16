/// What happened to every message handed to an ``SMTPDelivery``.
///
/// Each message is counted exactly once: delivered, bounced or failed.
public struct DeliveryReport: Sendable, Hashable {
    /// A message the server refused for good (a 5xx reply), or that could not be sent at all.
    public struct Bounce: Sendable, Hashable {
        /// The message's ``OutgoingMail/id``.
        public var id: Int
        /// The envelope recipient.
        public var to: String
        /// The server's reply, as `550 5.1.1 No such user`, with control characters escaped
        /// and at most ``SMTPText/maximumLength`` characters; for a message refused before
        /// sending (a non-ASCII address the server cannot take), the reason it was not sent.
        public var reply: String

        /// A bounce.
        public init(id: Int, to: String, reply: String) {
            self.id = id
            self.to = to
            self.reply = reply
        }
    }

    /// A message still not delivered when its retry attempts ran out.
    public struct Failure: Sendable, Hashable {
        /// The message's ``OutgoingMail/id``.
        public var id: Int
        /// The envelope recipient.
        public var to: String
        /// Why the last attempt failed: a 4xx reply, a refused connection, a deadline, or
        /// the circuit breaker's reason (`not tried: …`); server text in it is escaped.
        public var reason: String

        /// A failure.
        public init(id: Int, to: String, reason: String) {
            self.id = id
            self.to = to
            self.reason = reason
        }
    }

    /// How many messages the server accepted (a 2xx reply to the end of their data).
    public var delivered: Int
    /// The messages refused for good, in the order they were sent.
    public var bounced: [Bounce]
    /// The messages given up on after the last retry, in the order they were sent.
    public var failed: [Failure]

    /// A report.
    public init(delivered: Int = 0, bounced: [Bounce] = [], failed: [Failure] = []) {
        self.delivered = delivered
        self.bounced = bounced
        self.failed = failed
    }

    /// How many messages the report covers.
    public var total: Int { delivered + bounced.count + failed.count }

    /// One line for people: `48 delivered, 1 bounced, 1 failed`.
    public var summary: String {
        "\(delivered) delivered, \(bounced.count) bounced, \(failed.count) failed"
    }

    /// The summary while delivery is under way, out of `total` messages:
    /// `120/4000 delivered, 3 bounced, 1 failed`.
    public func progress(of total: Int) -> String {
        "\(delivered)/\(total) delivered, \(bounced.count) bounced, \(failed.count) failed"
    }
}
