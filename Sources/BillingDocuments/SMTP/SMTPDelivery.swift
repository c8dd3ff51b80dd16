internal import Dispatch
internal import Synchronization

/// Delivers messages to one SMTP server over plain SMTP, one connection reused for all.
///
/// Each message ends up exactly once in the report: delivered (a 2xx reply to the end of
/// its data), bounced (a 5xx reply, or an address the server cannot take) or failed (still
/// transient failures when the retry attempts ran out, or not tried because the circuit
/// breaker had opened). A dropped connection is reopened for the next attempt or message.
///
/// The socket work blocks, so it runs on a serial dispatch queue of this delivery's own,
/// never on a thread of Swift's cooperative pool; `send(_:)` suspends until it is done.
/// Waits between retries use the injected clock. Every exchange has a deadline (see
/// ``SMTPDeadlines``) and replies are capped in size, so a hostile server costs bounded
/// time and memory. Send one message at a time, in order.
///
/// ```swift
/// guard let endpoint = SMTPEndpoint("localhost:2525") else { return }
/// let delivery = SMTPDelivery(endpoint: endpoint)
/// for mail in mails { await delivery.send(mail) }
/// print(await delivery.finish().summary)  // "48 delivered, 1 bounced, 1 failed"
/// ```
public final class SMTPDelivery: Sendable {
    /// The server.
    public let endpoint: SMTPEndpoint
    /// The name sent in `EHLO`/`HELO`.
    public let clientName: String
    /// How transient failures are retried.
    public let retry: RetryPolicy
    /// How long a reply and a session may take.
    public let deadlines: SMTPDeadlines
    /// When to stop trying a server that is not taking mail.
    public let breaker: SMTPCircuitBreaker

    private let clock: any Clock<Duration>
    private let progress: (@Sendable (DeliveryReport) -> Void)?
    private let queue: DispatchQueue
    /// The open connection, if any; touched only on `queue`.
    private let wire = Mutex(Wire())
    private let ledger: Mutex<Ledger>

    /// What a delivery has counted so far.
    private struct Ledger {
        var report = DeliveryReport()
        var breaker: SMTPBreakerState
    }

    /// A delivery to `endpoint`; it connects when the first message is sent.
    ///
    /// - Parameters:
    ///   - clientName: the host name the client gives in `EHLO`; the default is a
    ///     reserved name that claims nothing.
    ///   - retry: how often and how patiently to retry transient failures.
    ///   - deadlines: the longest a reply, and a session without a completed message, may take.
    ///   - breaker: after how many failed sessions or messages in a row to fail the rest at once.
    ///   - clock: what the waits between retries sleep on; tests pass one that does not wait.
    ///   - progress: called with the report so far after each message; keep it quick.
    public init(
        endpoint: SMTPEndpoint, clientName: String = "billingsim.invalid", retry: RetryPolicy = .standard,
        deadlines: SMTPDeadlines = .standard, breaker: SMTPCircuitBreaker = .standard,
        clock: any Clock<Duration> = ContinuousClock(), progress: (@Sendable (DeliveryReport) -> Void)? = nil
    ) {
        self.endpoint = endpoint
        self.clientName = clientName
        self.retry = retry
        self.deadlines = deadlines
        self.breaker = breaker
        self.clock = clock
        self.progress = progress
        queue = DispatchQueue(label: "billingsim.smtp.\(endpoint)")
        ledger = Mutex(Ledger(breaker: SMTPBreakerState(breaker)))
    }

    /// The report so far.
    public var report: DeliveryReport { ledger.withLock { $0.report } }

    /// Delivers one message, retrying transient failures with exponential backoff, and
    /// records whether it was delivered, bounced or failed.
    ///
    /// A message counts as delivered only when the server replies 2xx to the end of its
    /// data: under RFC 5321 §6.1 that reply is the moment the server takes responsibility
    /// for it. So a connection lost after the final `.` but before the reply is a transient
    /// failure, and the message is sent again. A server that had in fact kept the first copy
    /// then holds it twice: the duplicate RFC 1047 describes, which SMTP cannot rule out
    /// without extensions. The message's `Message-ID:` header is what lets a receiver
    /// notice and drop the second copy; losing a message would be worse.
    ///
    /// After a failed transaction on a connection that is still up, the client sends RSET
    /// so the next attempt or message starts clean. Once the circuit breaker is open the
    /// message fails at once, with the breaker's reason.
    public func send(_ mail: OutgoingMail) async {
        if let problem = Self.addressProblem(mail) {
            record { $0.report.bounced.append(.init(id: mail.id, to: mail.to, reply: problem)) }
            return
        }
        var attempt = 1
        while true {
            if let open = ledger.withLock({ $0.breaker.openReason }) {
                let tried = attempt == 1 ? "not tried" : "given up after \(Self.attempts(attempt - 1))"
                record { $0.report.failed.append(.init(id: mail.id, to: mail.to, reason: "\(tried): \(open)")) }
                return
            }
            let reason: String
            switch await onWire({ [endpoint, clientName, deadlines] wire in
                wire.attempt(mail, endpoint: endpoint, clientName: clientName, deadlines: deadlines)
            }) {
            case .success:
                record {
                    $0.report.delivered += 1
                    $0.breaker.progressed()
                }
                return
            case .failure(.permanent(let reply)):
                record {
                    $0.report.bounced.append(.init(id: mail.id, to: mail.to, reply: reply))
                    $0.breaker.progressed()
                }
                return
            case .failure(.transient(let text)):
                reason = text
            case .failure(.session(let text)):
                reason = text
                ledger.withLock { $0.breaker.sessionFailed(text) }
            }
            guard attempt < retry.attempts else {
                record {
                    $0.report.failed.append(.init(id: mail.id, to: mail.to, reason: "\(reason) (after \(Self.attempts(attempt)))"))
                    $0.breaker.messageFailed(reason)
                }
                return
            }
            if ledger.withLock({ !$0.breaker.isOpen }) {
                try? await clock.sleep(for: retry.delay(afterAttempt: attempt))
            }
            attempt += 1
        }
    }

    /// Ends the session with `QUIT` and returns what happened to every message sent so far.
    ///
    /// Sending more afterwards opens a new connection; the next report includes these too.
    public func finish() async -> DeliveryReport {
        await onWire { wire in wire.quit() }
        return report
    }

    private func record(_ change: (inout Ledger) -> Void) {
        let report = ledger.withLock { ledger in
            change(&ledger)
            return ledger.report
        }
        progress?(report)
    }

    /// Runs `body` on this delivery's own queue, where blocking is allowed, and resumes
    /// the caller with its result.
    private func onWire<T: Sendable>(_ body: @escaping @Sendable (inout Wire) -> T) async -> T {
        await withCheckedContinuation { continuation in
            queue.async {
                continuation.resume(returning: self.wire.withLock { body(&$0) })
            }
        }
    }

    private static func attempts(_ count: Int) -> String { count == 1 ? "1 attempt" : "\(count) attempts" }
}
