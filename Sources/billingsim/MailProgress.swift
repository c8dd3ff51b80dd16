import BillingDocuments
import Foundation
import Synchronization

/// `mail: 120/4000 delivered, 3 bounced, 1 failed` on stderr while an outbox is
/// delivered, redrawn in place at most five times a second; silent unless stderr is a
/// terminal, so pipes and CI logs get only the final report.
final class MailProgress: Sendable {
    private let total: Int
    private let last = Mutex<ContinuousClock.Instant?>(nil)
    let enabled: Bool

    /// A progress line for an outbox of `total` messages.
    init(total: Int) {
        self.total = total
        enabled = total > 0 && isatty(STDERR_FILENO) == 1
    }

    /// Draws `report` unless the last frame was under 200 ms ago (the last message is
    /// always drawn).
    func update(_ report: DeliveryReport) {
        guard enabled else { return }
        let now = ContinuousClock.now
        let due = last.withLock { previous -> Bool in
            if let previous, now - previous < .milliseconds(200), report.total < total { return false }
            previous = now
            return true
        }
        guard due else { return }
        Output.error("\r\u{1B}[K  mail: \(report.progress(of: total))")
    }

    /// Clears the line.
    func finish() {
        if enabled { Output.error("\r\u{1B}[K") }
    }
}
