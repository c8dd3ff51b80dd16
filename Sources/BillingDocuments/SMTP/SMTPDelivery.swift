internal import Glibc

/// Delivers messages to one SMTP server over plain SMTP, one connection reused for all.
///
/// Each message ends up exactly once in the report: delivered (a 2xx reply to the end of
/// its data), bounced (a 5xx reply, or an address the server cannot take) or failed (still
/// transient failures when the retry attempts ran out). A dropped connection is reopened
/// for the next attempt or message.
///
/// Not `Sendable`: it owns a socket and is confined to the one caller that made it. Calls
/// block, sleeping between retries, which suits a command-line tool.
///
/// ```swift
/// guard let endpoint = SMTPEndpoint("localhost:2525") else { return }
/// let delivery = SMTPDelivery(endpoint: endpoint)
/// for mail in mails { delivery.send(mail) }
/// print(delivery.finish().summary)  // "48 delivered, 1 bounced, 1 failed"
/// ```
public final class SMTPDelivery {
    /// The server.
    public let endpoint: SMTPEndpoint
    /// The name sent in `EHLO`/`HELO`.
    public let clientName: String
    /// How transient failures are retried.
    public let retry: RetryPolicy
    /// How long one connect, read or write may block before the attempt counts as failed.
    public let timeout: Duration

    private var connection: SMTPConnection?
    private var report = DeliveryReport()
    /// True after a message ran out of attempts without ever reaching the server: later
    /// messages get one attempt each instead of the whole backoff, so a server that is
    /// down fails a large outbox in seconds rather than hours. Reaching it again clears it.
    private var unreachable = false

    /// A delivery to `endpoint`; it connects when the first message is sent.
    ///
    /// - Parameters:
    ///   - clientName: the host name the client gives in `EHLO`; the default is a
    ///     reserved name that claims nothing.
    ///   - retry: how often and how patiently to retry transient failures.
    ///   - timeout: the longest a connect, read or write may block; 30 s by default.
    public init(
        endpoint: SMTPEndpoint, clientName: String = "billingsim.invalid", retry: RetryPolicy = .standard,
        timeout: Duration = .seconds(30)
    ) {
        self.endpoint = endpoint
        self.clientName = clientName
        self.retry = retry
        self.timeout = timeout
    }

    deinit {
        connection?.close()
    }

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
    /// so the next attempt or message starts clean.
    public func send(_ mail: OutgoingMail) {
        if let problem = Self.addressProblem(mail) {
            report.bounced.append(.init(id: mail.id, to: mail.to, reply: problem))
            return
        }
        var attempt = 1
        while true {
            let reason: String
            var reachedServer = true
            do throws(SMTPAttemptError) {
                try attemptDelivery(of: mail)
                unreachable = false
                report.delivered += 1
                return
            } catch {
                switch error {
                case .permanent(let reply):
                    unreachable = false
                    report.bounced.append(.init(id: mail.id, to: mail.to, reply: reply))
                    return
                case .transient(let text):
                    reason = text
                    unreachable = false
                case .unreachable(let text):
                    reason = text
                    reachedServer = false
                }
            }
            guard attempt < (unreachable ? 1 : retry.attempts) else {
                let tries = attempt == 1 ? "1 attempt" : "\(attempt) attempts"
                report.failed.append(.init(id: mail.id, to: mail.to, reason: "\(reason) (after \(tries))"))
                unreachable = !reachedServer
                return
            }
            Self.sleep(for: retry.delay(afterAttempt: attempt))
            attempt += 1
        }
    }

    /// Ends the session with `QUIT` and returns what happened to every message sent so far.
    ///
    /// Sending more afterwards opens a new connection; the next report includes these too.
    public func finish() -> DeliveryReport {
        connection?.quit()
        connection = nil
        return report
    }

    /// One try: reuse or open the connection, then run the transaction. On a failure the
    /// connection is reset with RSET, or dropped when that is not possible.
    private func attemptDelivery(of mail: OutgoingMail) throws(SMTPAttemptError) {
        let current: SMTPConnection
        if let connection, connection.isOpen {
            current = connection
        } else {
            connection = nil
            current = try SMTPConnection.open(to: endpoint, clientName: clientName, timeout: timeout)
            connection = current
        }
        let needsUTF8 = !mail.from.allSatisfy(\.isASCII) || !mail.to.allSatisfy(\.isASCII)
        if needsUTF8, !current.extensions.contains("SMTPUTF8") {
            throw .permanent(
                "not sent: the address \(mail.from.allSatisfy(\.isASCII) ? mail.to : mail.from) is not ASCII "
                    + "and \(endpoint) does not offer SMTPUTF8")
        }
        do {
            try Self.transaction(mail, on: current, smtpUTF8: needsUTF8)
        } catch {
            reset(current)
            throw error
        }
    }

    /// Sends RSET on a connection that is still up; drops it if even that fails.
    private func reset(_ current: SMTPConnection) {
        guard current.isOpen else {
            connection = nil
            return
        }
        do throws(SMTPAttemptError) {
            try current.check(try current.command("RSET"), step: "RSET")
        } catch {
            current.close()
            connection = nil
        }
    }

    /// Sleeps the whole `duration`, resuming after signals.
    private static func sleep(for duration: Duration) {
        let (seconds, attoseconds) = duration.components
        var request = timespec(tv_sec: Int(seconds), tv_nsec: Int(attoseconds / 1_000_000_000))
        var remaining = timespec()
        while nanosleep(&request, &remaining) != 0, errno == EINTR {
            request = remaining
        }
    }
}

@available(*, unavailable)
extension SMTPDelivery: Sendable {}
