/// A cell a restore refuses: of the wrong type, out of its column's range or too long.
struct BadCell: Error {
    var table: String
    var row: Int64
    var column: String
    var reason: String
}

/// One row of a table, or one element of a JSON column, being read: its cells, each
/// checked against its column's spec when the reader asks for it by name. Readers ask
/// in column order, so finding a name is one comparison. A table's record reads each
/// cell from its query's current row when asked; an element's, from the parsed values.
struct SnapshotRecord {
    let table: String
    private(set) var row: Int64 = 0
    private let specs: [SnapshotCellSpec]
    /// A table's record: the query, positioned on the row.
    private let query: SQLiteStatement?
    /// An element's record: the values of every element of the column, this one's from
    /// `base`.
    private var cells: [SnapshotCell] = []
    private var base = 0
    /// For an element of a JSON column: the column and the element's position.
    private var within: (column: String, element: Int)?
    private var cursor = 0
    /// Which columns have been read, by position (at most 64 columns).
    private(set) var seen: UInt64 = 0
    /// The values of the last JSON column read, kept to reuse their storage.
    private var parsed: [SnapshotCell] = []

    /// A record of the current row of a `table.select` query; ``next()`` after each step.
    init<Row>(_ query: SQLiteStatement, of table: SnapshotTable<Row>) {
        self.table = table.name
        self.specs = table.specs
        self.query = query
        next()
    }

    /// The record of the elements of JSON column `column` of `table`'s `row`.
    private init(elementsOf column: String, table: String, row: Int64, specs: [SnapshotCellSpec], cells: [SnapshotCell]) {
        self.table = table
        self.row = row
        self.specs = specs
        self.query = nil
        self.cells = cells
        self.within = (column, 0)
    }

    /// Moves to the query's current row (after a step): no column read yet.
    mutating func next() {
        row = query?.int64(0) ?? 0
        cursor = 0
        seen = 0
    }

    /// True when every column has been read.
    var readAll: Bool { seen == (specs.count == 64 ? UInt64.max : (UInt64(1) << specs.count) - 1) }

    /// The names of the columns not read yet.
    var unread: [String] { specs.indices.filter { seen & (1 << $0) == 0 }.map { specs[$0].name } }

    mutating func integer(_ name: String) throws(BadCell) -> Int64 {
        guard let value = try optionalInteger(name, nullable: false) else { throw bad(name, "a null") }
        return value
    }

    mutating func optionalInteger(_ name: String) throws(BadCell) -> Int64? { try optionalInteger(name, nullable: true) }

    mutating func text(_ name: String) throws(BadCell) -> String {
        guard let value = try optionalText(name, nullable: false) else { throw bad(name, "a null") }
        return value
    }

    mutating func optionalText(_ name: String) throws(BadCell) -> String? { try optionalText(name, nullable: true) }

    /// `world.value`: an integer or a text.
    mutating func integerOrText(_ name: String) throws(BadCell) -> SQLiteValue {
        let index = try locate(name)
        switch cell(index, maxBytes: SnapshotLimits.textBytes) {
        case .integer(let value): return .integer(value)
        case .text(let value): return .text(value)
        case .null: throw bad(name, "expected an integer or text of at most \(SnapshotLimits.textBytes) bytes, found null")
        case .other(let type, _):
            throw bad(name, "expected an integer or text of at most \(SnapshotLimits.textBytes) bytes, found \(type)")
        }
    }

    /// Hands each element of a JSON column to `body` as a record of its fields, which
    /// must read every field. The text is parsed where SQLite holds it.
    mutating func forEachElement(_ name: String, _ body: (inout SnapshotRecord) throws -> Void) throws {
        let index = try locate(name)
        guard case .json(let fields, let maxBytes) = specs[index].kind, let query else { throw bad(name, "is not a JSON column") }
        guard
            let malformed = query.withText(
                Int32(index + 1), maxBytes: maxBytes, { SnapshotJSON.parse($0, width: fields.count, into: &parsed) })
        else { throw bad(name, "expected a JSON array of at most \(maxBytes) bytes, found \(Self.typeName(cell(index, maxBytes: 0)))") }
        if let reason = malformed { throw bad(name, reason.reason) }
        var element = SnapshotRecord(elementsOf: name, table: table, row: row, specs: fields, cells: parsed)
        for (position, base) in stride(from: 0, to: parsed.count, by: max(fields.count, 1)).enumerated() {
            element.base = base
            element.within = (name, position)
            element.cursor = 0
            element.seen = 0
            try body(&element)
            guard element.readAll else {
                throw SnapshotReader.Problem(detail: "\(table).\(name) has fields this reader does not read: \(element.unread)")
            }
        }
    }

    private mutating func optionalInteger(_ name: String, nullable: Bool) throws(BadCell) -> Int64? {
        let index = try locate(name)
        guard case .integer(let range) = specs[index].kind else { throw bad(name, "is not an integer column") }
        if let query {
            if let value = query.integer(Int32(index + 1)), range.contains(value) { return value }
            if nullable, query.isNull(Int32(index + 1)) { return nil }
        } else {
            switch cells[base + index] {
            case .integer(let value) where range.contains(value): return value
            case .null where nullable: return nil
            default: break
            }
        }
        let cell = cell(index, maxBytes: 0)
        throw bad(
            name, "expected an integer from \(range.lowerBound) to \(range.upperBound), found \(Self.typeName(cell)) '\(Self.shown(cell))'")
    }

    private mutating func optionalText(_ name: String, nullable: Bool) throws(BadCell) -> String? {
        let index = try locate(name)
        guard case .text(let maxBytes) = specs[index].kind else { throw bad(name, "is not a text column") }
        switch cell(index, maxBytes: maxBytes) {
        case .text(let value) where value.utf8.count <= maxBytes: return value
        case .null where nullable: return nil
        case let cell: throw bad(name, "expected text of at most \(maxBytes) bytes, found \(Self.typeName(cell))")
        }
    }

    /// Column `index` as a cell, text longer than `maxBytes` not copied.
    private func cell(_ index: Int, maxBytes: Int) -> SnapshotCell {
        query?.cell(Int32(index + 1), maxBytes: maxBytes) ?? cells[base + index]
    }

    /// The position of column `name`, marked as read.
    private mutating func locate(_ name: String) throws(BadCell) -> Int {
        if cursor >= specs.count || specs[cursor].name != name {
            guard let index = specs.firstIndex(where: { $0.name == name }) else { throw bad(name, "is not a column of the table") }
            cursor = index
        }
        let found = cursor
        seen |= 1 << cursor
        cursor += 1
        return found
    }

    private func bad(_ column: String, _ reason: String) -> BadCell {
        guard let within else { return BadCell(table: table, row: row, column: column, reason: reason) }
        return BadCell(table: table, row: row, column: within.column, reason: "element \(within.element), \(column): \(reason)")
    }

    private static func typeName(_ cell: SnapshotCell) -> String {
        switch cell {
        case .integer: "integer"
        case .text: "text"
        case .null: "null"
        case .other(let type, _): type
        }
    }

    private static func shown(_ cell: SnapshotCell) -> String {
        switch cell {
        case .integer(let value): String(value)
        case .text(let value): String(decoding: value.utf8.prefix(40), as: UTF8.self)
        case .null: ""
        case .other(_, let shown): shown
        }
    }
}
