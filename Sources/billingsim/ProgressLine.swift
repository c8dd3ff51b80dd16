import BillingCore
import BillingRuntime
import Foundation
import Synchronization

/// A progress line on stderr, redrawn in place at most five times a second; silent
/// unless stderr is a terminal.
final class ProgressLine: Sendable {
    private let last = Mutex<ContinuousClock.Instant?>(nil)
    private let started = ContinuousClock.now
    let enabled: Bool

    init(enabled: Bool) { self.enabled = enabled && isatty(STDERR_FILENO) == 1 }

    /// Draws `progress` unless the last frame was under 200 ms ago.
    func update(_ progress: AdvanceProgress) {
        guard enabled else { return }
        let now = ContinuousClock.now
        let due = last.withLock { previous -> Bool in
            if let previous, now - previous < .milliseconds(200) { return false }
            previous = now
            return true
        }
        guard due else { return }
        let seconds = max(0.001, (now - started).inSeconds)
        let rate = Int(Double(progress.companyVisits) / seconds)
        let span = max(1, progress.target.seconds - progress.start.seconds)
        let percent = (progress.now.seconds - progress.start.seconds) * 100 / span
        Output.error("\r\u{1B}[K  simulated \(progress.now.date) (\(percent)%)  \(progress.companyVisits) company visits  \(rate) visits/s")
    }

    /// Clears the line.
    func finish() {
        if enabled { Output.error("\r\u{1B}[K") }
    }
}
