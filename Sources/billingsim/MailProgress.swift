import BillingDocuments
import Foundation
import Synchronization

/// `mail: 120/4000 delivered, 3 bounced, 1 failed` on stderr while an outbox is
/// delivered, redrawn in place at most five times a second; silent unless stderr is a
/// terminal, so pipes and CI logs get only the final report.
final class MailProgress: Sendable {
    private struct State {
        var total: Int
        var last: ContinuousClock.Instant?
    }

    private let state: Mutex<State>
    let enabled: Bool

    /// A progress line for an outbox of `total` messages (more may be announced with
    /// ``expect(_:)``); `enabled` false keeps it silent.
    init(total: Int, enabled: Bool = true) {
        state = Mutex(State(total: total))
        self.enabled = enabled && isatty(STDERR_FILENO) == 1
    }

    /// Adds `count` messages to the total: another world's outbox is about to be delivered.
    func expect(_ count: Int) {
        state.withLock { $0.total += count }
    }

    /// Draws `report` unless the last frame was under 200 ms ago (the last message is
    /// always drawn).
    func update(_ report: DeliveryReport) {
        guard enabled else { return }
        let now = ContinuousClock.now
        let total = state.withLock { state -> Int? in
            if let previous = state.last, now - previous < .milliseconds(200), report.total < state.total { return nil }
            state.last = now
            return state.total
        }
        guard let total else { return }
        Output.error("\r\u{1B}[K  mail: \(report.progress(of: total))")
    }

    /// Clears the line.
    func finish() {
        if enabled { Output.error("\r\u{1B}[K") }
    }
}
