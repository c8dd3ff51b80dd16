import BillingCore
import BillingDocuments
import BillingRuntime
import Foundation

/// Renders every invoice PDF and every email (with its PDF attached) of one generated
/// world in memory, on every core, then exports the whole world to a folder: documents
/// per second for rendering alone and for the export with its disk writes.
enum DocumentsWorkload {
    struct Figures: Codable {
        var workload = "documents"
        var companies: Int
        var months: Int
        var runs: Int
        var pdfs: Int
        var emails: Int
        var renderedBytes: Int
        var renderSeconds: Stats
        var exportSeconds: Stats
        var documentsPerSecond: Double
        var exportDocumentsPerSecond: Double
        var peakMemoryBytes: Int
    }

    static func run(_ options: WorkloadOptions) async throws -> String {
        let world = try Simulation(seed: 1, start: PopulationWorkload.start)
        try await world.populate(PopulationSpec(companies: options.companies))
        await world.advance(by: .months(options.months))
        let documents = await WorldDocuments(world)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("billingsim-bench-docs-\(getpid())")
        defer { try? FileManager.default.removeItem(at: folder) }
        var renders: [Double] = []
        var exports: [Double] = []
        var counts = (pdfs: 0, emails: 0, bytes: 0)
        for _ in 0..<options.runs {
            renders.append(await Measure.seconds { counts = await render(documents) })
            try? FileManager.default.removeItem(at: folder)
            exports.append(
                try await Measure.seconds { _ = try await WorldExport(title: "bench", facts: []).write(documents, to: folder.path) })
        }
        let total = Double(counts.pdfs + counts.emails)
        let figures = Figures(
            companies: options.companies, months: options.months, runs: options.runs, pdfs: counts.pdfs, emails: counts.emails,
            renderedBytes: counts.bytes, renderSeconds: Stats(renders), exportSeconds: Stats(exports),
            documentsPerSecond: total / max(Stats(renders).median, 1e-9),
            exportDocumentsPerSecond: total / max(Stats(exports).median, 1e-9),
            peakMemoryBytes: Measure.peakResidentBytes())
        if options.json { return try Measure.json(figures) }
        return String(
            format: """
                documents: %d companies, %d months, %d PDFs + %d emails, %d runs
                  render  median %.2f s (min %.2f, max %.2f), %.0f documents/s, %.1f MiB rendered
                  export  median %.2f s (min %.2f, max %.2f), %.0f documents/s (with disk writes)
                  peak memory %d MiB
                """, options.companies, options.months, counts.pdfs, counts.emails, options.runs, figures.renderSeconds.median,
            figures.renderSeconds.min, figures.renderSeconds.max, figures.documentsPerSecond, Double(counts.bytes) / 1_048_576,
            figures.exportSeconds.median, figures.exportSeconds.min, figures.exportSeconds.max, figures.exportDocumentsPerSecond,
            figures.peakMemoryBytes / 1_048_576)
    }

    /// Renders every PDF and every email once, in chunks of companies and messages on
    /// every core; returns how many of each and their total size.
    private static func render(_ world: WorldDocuments) async -> (pdfs: Int, emails: Int, bytes: Int) {
        let companies = world.companyCount
        let messages = world.messages
        let width = ProcessInfo.processInfo.activeProcessorCount
        return await withTaskGroup(of: (Int, Int, Int).self) { group in
            for part in 0..<width {
                group.addTask {
                    var pdfs = 0
                    var emails = 0
                    var bytes = 0
                    for index in stride(from: part, to: companies, by: width) {
                        for document in world.company(at: Int32(index)).documents {
                            bytes += InvoicePDF.render(document).count
                            pdfs += 1
                        }
                    }
                    for position in stride(from: part, to: messages.count, by: width) {
                        let mail = world.mail(messages[position], position: position + 1)
                        bytes += mail.message(attaching: InvoicePDF.render(mail.document)).count
                        emails += 1
                    }
                    return (pdfs, emails, bytes)
                }
            }
            var total = (pdfs: 0, emails: 0, bytes: 0)
            for await (pdfs, emails, bytes) in group {
                total.pdfs += pdfs
                total.emails += emails
                total.bytes += bytes
            }
            return total
        }
    }
}
