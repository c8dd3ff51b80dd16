import BillingCore
import BillingRuntime
import Foundation
import Testing

@testable import BillingStore

/// docs/snapshot-schema.md stays true to the code: every `sql` block on it runs against
/// a real snapshot and returns rows, and every table and column of the schema is on it.
@Suite("docs/snapshot-schema.md")
struct SchemaDocTests {
    /// The package root, from this file's place in Tests/BillingStoreTests/.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func document() throws -> String {
        try String(contentsOf: root.appendingPathComponent("docs/snapshot-schema.md"), encoding: .utf8)
    }

    /// The bodies of the doc's fenced `sql` blocks, in order.
    static func sqlBlocks(_ doc: String) -> [String] {
        var blocks: [String] = []
        var current: [Substring]?
        for line in doc.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if current == nil, trimmed == "```sql" {
                current = []
            } else if let lines = current, trimmed == "```" {
                blocks.append(lines.joined(separator: "\n"))
                current = nil
            } else if current != nil {
                current?.append(line)
            }
        }
        return blocks
    }

    /// Each table of `SnapshotSchema.create` with its columns and their declared types
    /// (whitespace collapsed: `INTEGER NOT NULL`; empty for an untyped column).
    static func schemaTables() -> [(name: String, columns: [(name: String, type: String)])] {
        SnapshotSchema.create.split(separator: ";").compactMap { statement in
            let text = statement.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            let head = "CREATE TABLE "
            guard text.hasPrefix(head), let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")") else {
                return nil
            }
            let name = text[text.index(text.startIndex, offsetBy: head.count)..<open].trimmingCharacters(in: .whitespaces)
            let columns = text[text.index(after: open)..<close].split(separator: ",").map { item in
                let parts = item.trimmingCharacters(in: .whitespaces).split(separator: " ", maxSplits: 1)
                return (name: String(parts[0]), type: parts.count > 1 ? String(parts[1]) : "")
            }
            return (name, columns)
        }
    }

    /// The lines under each "### `table`" heading, up to the next heading of any level.
    static func tableSections(_ doc: String) -> [String: [String]] {
        var sections: [String: [String]] = [:]
        var current: String?
        for line in doc.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("#") {
                current = nil
                if line.hasPrefix("### `") || line.hasPrefix("#### `"), line.hasSuffix("`") {
                    let name = String(line.drop { $0 == "#" }.dropFirst(2).dropLast())
                    current = name
                    sections[name] = []
                }
            } else if let name = current {
                sections[name, default: []].append(line)
            }
        }
        return sections
    }

    @Test("Every sql block runs against a snapshot and returns at least one row")
    func examplesRun() async throws {
        let doc = try Self.document()
        let blocks = Self.sqlBlocks(doc)
        #expect(blocks.count >= 7, "expected the example queries, found \(blocks.count) sql blocks")

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bs-doc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("world.db").path

        // The world of the doc's sample output:
        // billingsim simulate --companies 300 --months 3 --seed 1 --snapshot world.db
        let start = Instant(CivilDate(year: 2026, month: 1, day: 1) ?? CivilDate(daysSinceEpoch: 0))
        let simulation = try Simulation(seed: 1, start: start)
        try await simulation.populate(PopulationSpec(companies: 300))
        await simulation.advance(by: .months(3))
        try Snapshot.save(await simulation.image(), to: path)

        let db = try SQLiteConnection(path: path, readOnly: true)
        #expect(try db.integer("PRAGMA user_version") == SnapshotSchema.version)
        for (number, block) in blocks.enumerated() {
            var sql = block.trimmingCharacters(in: .whitespacesAndNewlines)
            if sql.hasSuffix(";") { sql.removeLast() }
            #expect(!sql.contains(";"), "sql block \(number + 1) holds more than one statement:\n\(block)")
            do {
                let statement = try db.prepare(sql)
                #expect(try statement.step(), "sql block \(number + 1) returns no row:\n\(block)")
            } catch {
                Issue.record("sql block \(number + 1) fails: \(error)\n\(block)")
            }
        }

        // Every world key the writer stores, and every text enum value in this world, is named.
        let keys = try db.prepare("SELECT key FROM world")
        while try keys.step() {
            #expect(doc.contains("| `\(keys.text(0))` |"), "world key '\(keys.text(0))' is not in the doc")
        }
        let enums = [
            "memberships.role", "pending_lines.kind", "invoices.kind", "invoices.tax", "invoices.cycle",
            "companies.anchor_mode", "companies.currency", "addons.scope", "overage_prices.metric", "plan_prices.cycle",
        ]
        for name in enums {
            let parts = name.split(separator: ".")
            let values = try db.prepare("SELECT DISTINCT \(parts[1]) FROM \(parts[0])")
            while try values.step() {
                #expect(doc.contains("`\(values.text(0))`"), "\(name) value '\(values.text(0))' is not in the doc")
            }
        }
        let numbering = try db.prepare("SELECT value FROM world WHERE key = 'numbering'")
        #expect(try numbering.step())
        #expect(doc.contains("`\(numbering.text(0))`"), "world.numbering value '\(numbering.text(0))' is not in the doc")
    }

    @Test("Every table and column of the schema is documented with its type, and nothing else")
    func everyColumnDocumented() throws {
        let doc = try Self.document()
        let tables = Self.schemaTables()
        #expect(tables.map(\.name) == SnapshotSchema.tables)
        let sections = Self.tableSections(doc)
        for table in tables {
            guard let lines = sections[table.name] else {
                Issue.record("no '### `\(table.name)`' section in docs/snapshot-schema.md")
                continue
            }
            for column in table.columns {
                let row = "| `\(column.name)` | \(column.type.isEmpty ? "(none)" : column.type) |"
                #expect(lines.contains { $0.hasPrefix(row) }, "\(table.name).\(column.name): no row starting '\(row)'")
            }
            let documented = lines.filter { $0.hasPrefix("| `") }.compactMap { $0.split(separator: "`").dropFirst().first }
            let known = Set(table.columns.map(\.name))
            for name in documented where !known.contains(String(name)) {
                Issue.record("the doc's '\(table.name)' section names a column '\(name)' the schema does not have")
            }
        }
        // The fields of each JSON column, in order, under "#### `table.column`".
        var jsonColumns: Set<String> = []
        for case (let name, .json(let fields, _)) in SnapshotSchema.invoices.specs.map({ ($0.name, $0.kind) }) {
            let section = "invoices.\(name)"
            jsonColumns.insert(section)
            let documented = (sections[section] ?? []).filter { $0.hasPrefix("| `") }
            let expected = fields.map { "| `\($0.name)` | \($0.declaration) |" }
            #expect(
                documented.count == expected.count, "\(section): \(documented.count) fields on the page, \(expected.count) in the schema")
            for (line, row) in zip(documented, expected) { #expect(line.hasPrefix(row), "\(section): '\(line)' where '\(row)' belongs") }
        }
        for name in sections.keys where !SnapshotSchema.tables.contains(name) && !jsonColumns.contains(name) {
            Issue.record("the doc has a section for a table '\(name)' the schema does not have")
        }
    }
}
