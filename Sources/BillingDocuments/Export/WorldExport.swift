internal import BillingCore
internal import BillingRuntime
internal import Foundation

/// Writes a world's documents to a folder: `invoices/<company>/<number>.pdf`,
/// `emails/<n>.eml`, `outbox.mbox`, `report.json` and `report.html`.
///
/// Rendering is streamed: companies and messages are rendered in batches on every core
/// and written as they come, so only a few batches of documents are in memory at once.
/// `report.html` shows the first ``detailLimit`` companies and recipients in detail;
/// `report.json` and the files hold everything.
///
/// ```swift
/// let result = try await WorldExport(title: "simulate", facts: []).write(await WorldDocuments(simulation), to: "out")
/// print(result.invoices, result.emails)
/// ```
public struct WorldExport: Sendable {
    /// The report's title.
    public var title: String
    /// Summary facts shown first in the report (the caller's: seed, months, outcome…).
    public var facts: [ReportModel.Fact]
    /// Companies and recipients shown in detail in `report.html`.
    public var detailLimit = 1000
    /// Batches rendered at once.
    public var width = max(1, ProcessInfo.processInfo.activeProcessorCount)

    /// An export titled `title` whose summary starts with `facts`.
    public init(title: String, facts: [ReportModel.Fact]) {
        self.title = title
        self.facts = facts
    }

    /// What an export wrote.
    public struct Result: Sendable, Hashable {
        /// Invoice PDFs written.
        public var invoices: Int
        /// Email messages written (and offered to the mail server, if any).
        public var emails: Int
    }

    /// Writes everything into the folder at `path` (new, empty, or an earlier export,
    /// which is replaced whole), offering each message to `delivery` too when given.
    public func write(_ world: WorldDocuments, to path: String, delivery: SMTPDelivery? = nil) async throws(ExportError) -> Result {
        let folder = try ExportFolder(path)
        do {
            let result = try await write(world, into: folder, under: "", delivery: delivery)
            try folder.commit()
            return result
        } catch {
            folder.discard()
            throw error
        }
    }

    /// Throws unless `path` can take an export (new, an empty folder, or an earlier
    /// export), so a command can refuse before it spends time simulating.
    public static func checkTarget(_ path: String) throws(ExportError) { try ExportFolder.check(path) }

    /// Writes everything into `under` inside `folder` (`""` for its top).
    func write(_ world: WorldDocuments, into folder: ExportFolder, under: String, delivery: SMTPDelivery?) async throws(ExportError)
        -> Result
    {
        let prefix = under.isEmpty ? "" : under + "/"
        try folder.makeFolder(prefix + "emails")
        try folder.makeFolder(prefix + "invoices")
        let json = try FileAppender(folder.url(prefix + "report.json"))
        try json.append("{\n\"companies\": [\n")
        var page = ReportModel(
            title: title, summary: facts, companies: [], companiesOmitted: 0, recipients: [], recipientsOmitted: 0, months: [])
        var tally = MonthTally()
        let invoices = try await writeInvoices(world, into: folder, prefix: prefix, json: json, page: &page, tally: &tally)
        try json.append("\n],\n\"emails\": [\n")
        let emails = try await writeEmails(world, into: folder, prefix: prefix, json: json, page: &page, tally: &tally, delivery: delivery)
        page.months = tally.rows
        page.summary += Self.facts(world.summary, now: world.now)
        try json.append("\n],\n\"months\": \(Self.encode(page.months.map(MonthJSON.init)))")
        try json.append(",\n\"summary\": \(Self.encode(Dictionary(page.summary.map { ($0.label, $0.value) }) { a, _ in a }))")
        try json.append(",\n\"title\": \(Self.encode(title))\n}\n")
        try json.close()
        try folder.write(Array(HTMLReport.render(page).utf8), to: prefix + "report.html")
        return Result(invoices: invoices, emails: emails)
    }

    /// The world's own facts: simulated time, counts, revenue per currency.
    static func facts(_ summary: WorldSummary, now: Instant) -> [ReportModel.Fact] {
        var facts = [
            ReportModel.Fact("Simulated time", now.description), ReportModel.Fact("Companies", "\(summary.companies)"),
            ReportModel.Fact("Users", "\(summary.users)"), ReportModel.Fact("Invoices", "\(summary.invoices)"),
            ReportModel.Fact("Emails", "\(summary.emails)"),
        ]
        for (currency, amount) in summary.revenue.sorted(by: { $0.key < $1.key }) {
            facts.append(ReportModel.Fact("Revenue \(currency.code)", Money.description(minorUnits: amount, currency)))
        }
        return facts
    }

    struct MonthJSON: Encodable {
        var month: String
        var invoices: Int
        var emails: Int
        var revenue: [String: String]
        init(_ row: ReportModel.MonthRow) {
            month = row.month
            invoices = row.invoices
            emails = row.emails
            revenue = Dictionary(row.revenue.map { ($0.currency, Money.decimalString(minorUnits: $0.minorUnits)) }) { a, _ in a }
        }
    }

    static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }
}
