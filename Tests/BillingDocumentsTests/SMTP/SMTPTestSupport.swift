import BillingDocuments
import Foundation
import Synchronization

/// Retry quickly in tests: the server's faults are deterministic, so waiting proves nothing.
extension RetryPolicy {
    /// Ten attempts, 1 ms apart.
    static let quick = RetryPolicy(attempts: 10, firstDelay: .milliseconds(1), maxDelay: .milliseconds(1))
}

/// Short deadlines for tests: a real server on 127.0.0.1 answers in milliseconds.
extension SMTPDeadlines {
    /// 10 s per reply, 30 s per session: generous for aiosmtpd on a loaded machine.
    static let test = SMTPDeadlines(reply: .seconds(10), session: .seconds(30))
}

/// Sends `mails` through one ``SMTPDelivery`` and returns its report.
func deliver(
    _ mails: [OutgoingMail], to endpoint: SMTPEndpoint, retry: RetryPolicy = .quick, deadlines: SMTPDeadlines = .test,
    breaker: SMTPCircuitBreaker = .standard, clock: any Clock<Duration> = ContinuousClock()
) async -> DeliveryReport {
    let delivery = SMTPDelivery(endpoint: endpoint, retry: retry, deadlines: deadlines, breaker: breaker, clock: clock)
    for mail in mails { await delivery.send(mail) }
    return await delivery.finish()
}

/// A clock whose sleeps return at once, and that remembers what it was asked to wait.
///
/// Its time moves only by the sleeps, so a test sees the backoff a delivery chose without
/// spending it.
final class ImmediateClock: Clock, Sendable {
    struct Instant: InstantProtocol {
        var offset: Duration
        func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        func duration(to other: Instant) -> Duration { other.offset - offset }
        static func < (left: Instant, right: Instant) -> Bool { left.offset < right.offset }
    }

    private let slept = Mutex<[Duration]>([])

    /// The waits asked for so far, in order.
    var sleeps: [Duration] { slept.withLock { $0 } }
    var now: Instant { Instant(offset: sleeps.reduce(.zero, +)) }
    var minimumResolution: Duration { .nanoseconds(1) }

    func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        slept.withLock { list in list.append(max(.zero, deadline.offset - list.reduce(.zero, +))) }
    }
}

/// Messages with the awkward shapes a client must get right.
enum TestMail {
    static let sender = "invoices@billingsim.invalid"

    /// A message with a `Message-ID` made from `id`, the given body lines joined by CRLF,
    /// and a final CRLF unless `finalLineEnd` is false.
    static func make(id: Int, to: String = "user@example.test", body: [String], finalLineEnd: Bool = true) -> OutgoingMail {
        let headers = [
            "From: <\(sender)>", "To: <\(to)>", "Subject: Invoice \(id)", "Message-ID: <\(id).test@billingsim.invalid>",
            "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8",
        ]
        var text = (headers + [""] + body).joined(separator: "\r\n")
        if finalLineEnd { text += "\r\n" }
        return OutgoingMail(id: id, from: sender, to: to, data: Array(text.utf8))
    }

    /// Forty messages: some with lines that start with dots (a lone "." included), some
    /// without a final line end, two over 1 MB.
    static func forty(to recipient: (Int) -> String = { "user\($0)@example.test" }) -> [OutgoingMail] {
        (1...40).map { id in
            var body = ["Hello,", "your invoice \(id) is attached.", ""]
            if id % 4 == 0 { body += [".", "..", "...", ".starts with a dot", "..starts with two", "", "."] }
            if id == 13 || id == 31 { body += large(id: id) }
            if id % 5 == 0 { body += ["Total: 12.00 EUR"] }
            return make(id: id, to: recipient(id), body: body, finalLineEnd: id % 3 != 0)
        }
    }

    /// About 1.2 MB of 76-character lines, every hundredth one starting with a dot.
    static func large(id: Int) -> [String] {
        (0..<16_000).map { line in
            let text = "\(id)-\(line) " + String(repeating: "abcdefghij", count: 8)
            return String((line % 100 == 0 ? "." + text : text).prefix(76))
        }
    }

    /// What the server should store for `mail`: its data, plus the CRLF the client adds
    /// when the data does not end with one.
    static func expectedStored(_ mail: OutgoingMail) -> [UInt8] {
        mail.data.suffix(2) == [0x0D, 0x0A] ? mail.data : mail.data + [0x0D, 0x0A]
    }

    /// The `Message-ID:` header value in `data`.
    static func messageID(_ data: [UInt8]) -> String? {
        String(decoding: data, as: UTF8.self).split(separator: "\r\n")
            .first { $0.hasPrefix("Message-ID: ") }
            .map { String($0.dropFirst("Message-ID: ".count)) }
    }
}
