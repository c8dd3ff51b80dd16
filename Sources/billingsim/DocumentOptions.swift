import BillingCore
import BillingDocuments
import BillingRuntime
import Foundation

/// `--out DIR` and `--smtp HOST:PORT`: what `simulate` and `run` do with a finished
/// world's documents.
struct DocumentOptions {
    /// Export folder.
    var outPath: String?
    /// Mail server to deliver the outbox to.
    var smtp: SMTPEndpoint?
    /// Whether delivery may draw its progress line (still only on a terminal).
    var showsProgress = true

    /// True when neither is asked for: nothing is rendered.
    var isEmpty: Bool { outPath == nil && smtp == nil }

    /// Reads both options.
    static func parse(_ reader: inout ArgumentReader) throws(UsageError) -> DocumentOptions {
        var options = DocumentOptions()
        options.outPath = try reader.option("--out")
        if let text = try reader.option("--smtp") {
            guard let endpoint = SMTPEndpoint(text) else {
                throw UsageError(message: "--smtp expects HOST:PORT with a port from 1 to 65535, got '\(text)'", command: reader.command)
            }
            options.smtp = endpoint
        }
        return options
    }

    /// What publishing one world did: lines for the report and the exit code they call for.
    struct Outcome {
        var lines: [String] = []
        /// Problems, for standard error.
        var errors: [String] = []
        var code = ExitCode.success
        var delivery: DeliveryReport?

        /// Adds the outcome of delivering `report`. What the server said is printed with its
        /// control characters escaped and its length capped (``SMTPText``).
        mutating func record(_ report: DeliveryReport) {
            delivery = report
            lines.append("mail: \(report.summary)")
            let safe = { (text: String) in SMTPText.printable(text, limit: 2 * SMTPText.maximumLength) }
            for bounce in report.bounced { lines.append("  bounced #\(bounce.id) to \(safe(bounce.to)): \(safe(bounce.reply))") }
            for failure in report.failed { lines.append("  failed #\(failure.id) to \(safe(failure.to)): \(safe(failure.reason))") }
            if !report.failed.isEmpty { code = max(code, ExitCode.temporaryFailure) }
        }
    }

    /// Throws when `--out` names a folder that cannot take an export, before any work.
    func checkTarget() throws(ExportError) {
        if let outPath { try WorldExport.checkTarget(outPath) }
    }

    /// Prints why `--out` cannot take an export and returns true, before any work; false
    /// when it can (or is not given).
    func refusesTarget() -> Bool {
        do {
            try checkTarget()
            return false
        } catch {
            Output.error("error: \(error)\n")
            return true
        }
    }

    /// Publishes `simulation` as asked, adds what that did to `report` and prints its
    /// problems; the exit code they call for (success when nothing is asked).
    func publish(
        _ simulation: Simulation, title: String, facts: [ReportModel.Fact], into report: inout SimulateReport
    ) async -> Int32 {
        guard !isEmpty else { return ExitCode.success }
        let outcome = await publish(simulation, title: title, facts: facts)
        report.documents = outcome.lines
        Output.error(outcome.errors.map { $0 + "\n" }.joined())
        return outcome.code
    }

    /// Exports and delivers `simulation`'s documents as asked.
    func publish(_ simulation: Simulation, title: String, facts: [ReportModel.Fact]) async -> Outcome {
        var outcome = Outcome()
        let world = await WorldDocuments(simulation)
        let progress = MailProgress(total: smtp == nil ? 0 : await simulation.emailCount, enabled: showsProgress)
        let delivery = smtp.map { SMTPDelivery(endpoint: $0, progress: progress.update) }
        let export = WorldExport(title: title, facts: facts)
        if let outPath {
            let clock = ContinuousClock()
            let began = clock.now
            do {
                let result = try await export.write(world, to: outPath, delivery: delivery)
                let seconds = String(format: "%.2f", (clock.now - began).inSeconds)
                outcome.lines.append("export: \(outPath) (\(result.invoices) PDFs, \(result.emails) emails, \(seconds) s)")
            } catch {
                outcome.errors.append("error: \(error)")
                outcome.code = ExitCode.cannotCreate
            }
        } else if let delivery {
            _ = await export.deliver(world, via: delivery)
        }
        if let delivery {
            let report = await delivery.finish()
            progress.finish()
            outcome.record(report)
        }
        return outcome
    }
}
