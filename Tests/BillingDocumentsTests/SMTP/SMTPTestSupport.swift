import BillingDocuments
import Foundation

/// Retry quickly in tests: the server's faults are deterministic, so waiting proves nothing.
extension RetryPolicy {
    /// Ten attempts, 1 ms apart.
    static let quick = RetryPolicy(attempts: 10, firstDelay: .milliseconds(1), maxDelay: .milliseconds(1))
}

/// Sends `mails` through one ``SMTPDelivery`` and returns its report.
///
/// The delivery blocks, so it runs on a thread of its own rather than on one of the few
/// threads that run every test's async code.
func deliver(
    _ mails: [OutgoingMail], to endpoint: SMTPEndpoint, retry: RetryPolicy = .quick, timeout: Duration = .seconds(10)
) async -> DeliveryReport {
    await withCheckedContinuation { continuation in
        Thread {
            let delivery = SMTPDelivery(endpoint: endpoint, retry: retry, timeout: timeout)
            for mail in mails { delivery.send(mail) }
            continuation.resume(returning: delivery.finish())
        }
        .start()
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
