/// A cell a restore refuses: of the wrong type, out of its column's range or too long.
struct BadCell: Error {
    var table: String
    var row: Int64
    var column: String
    var reason: String
}

/// One row of a table, or one element of a JSON column, being read: its cells, each
/// checked against its column's spec when the reader asks for it by name. Readers ask
/// in column order, so finding a name is one comparison.
struct SnapshotRecord {
    let table: String
    private(set) var row: Int64
    private let specs: [SnapshotCellSpec]
    private var cells: [SnapshotCell]
    private var base: Int
    /// For an element of a JSON column: the column and the element's position.
    private var within: (column: String, element: Int)?
    private var cursor = 0
    /// Which columns have been read, by position (at most 64 columns).
    private(set) var seen: UInt64 = 0

    init(
        table: String, row: Int64, specs: [SnapshotCellSpec], cells: [SnapshotCell], base: Int = 0,
        within: (column: String, element: Int)? = nil
    ) {
        self.table = table
        self.row = row
        self.specs = specs
        self.cells = cells
        self.base = base
        self.within = within
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
        let (cell, _) = try locate(name)
        switch cell {
        case .integer(let value): return .integer(value)
        case .text(let value): return .text(value)
        case .null: throw bad(name, "expected an integer or text of at most \(SnapshotLimits.textBytes) bytes, found null")
        case .other(let type, _):
            throw bad(name, "expected an integer or text of at most \(SnapshotLimits.textBytes) bytes, found \(type)")
        }
    }

    /// Hands each element of a JSON column to `body` as a record of its fields, which
    /// must read every field.
    mutating func forEachElement(_ name: String, _ body: (inout SnapshotRecord) throws -> Void) throws {
        let (cell, spec) = try locate(name)
        guard case .json(let fields, let maxBytes) = spec.kind else { throw bad(name, "is not a JSON column") }
        guard case .text(let text) = cell else {
            throw bad(name, "expected a JSON array of at most \(maxBytes) bytes, found \(Self.typeName(cell))")
        }
        switch SnapshotJSON.parse(text, width: fields.count) {
        case .failure(let malformed): throw bad(name, malformed.reason)
        case .success(let values):
            var element = SnapshotRecord(table: table, row: row, specs: fields, cells: values, within: (name, 0))
            for (index, base) in stride(from: 0, to: values.count, by: max(fields.count, 1)).enumerated() {
                element.base = base
                element.within = (name, index)
                element.cursor = 0
                element.seen = 0
                try body(&element)
                guard element.readAll else {
                    throw SnapshotReader.Problem(detail: "\(table).\(name) has fields this reader does not read: \(element.unread)")
                }
            }
        }
    }

    private mutating func optionalInteger(_ name: String, nullable: Bool) throws(BadCell) -> Int64? {
        let (cell, spec) = try locate(name)
        guard case .integer(let range) = spec.kind else { throw bad(name, "is not an integer column") }
        switch cell {
        case .integer(let value) where range.contains(value): return value
        case .null where nullable: return nil
        default:
            throw bad(
                name,
                "expected an integer from \(range.lowerBound) to \(range.upperBound), found \(Self.typeName(cell)) '\(Self.shown(cell))'")
        }
    }

    private mutating func optionalText(_ name: String, nullable: Bool) throws(BadCell) -> String? {
        let (cell, spec) = try locate(name)
        guard case .text(let maxBytes) = spec.kind else { throw bad(name, "is not a text column") }
        switch cell {
        case .text(let value) where value.utf8.count <= maxBytes: return value
        case .null where nullable: return nil
        default: throw bad(name, "expected text of at most \(maxBytes) bytes, found \(Self.typeName(cell))")
        }
    }

    /// The cell and spec of column `name`, marked as read.
    private mutating func locate(_ name: String) throws(BadCell) -> (SnapshotCell, SnapshotCellSpec) {
        if cursor >= specs.count || specs[cursor].name != name {
            guard let index = specs.firstIndex(where: { $0.name == name }) else { throw bad(name, "is not a column of the table") }
            cursor = index
        }
        let found = (cells[base + cursor], specs[cursor])
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

extension SnapshotRecord {
    /// A record of the current row of a `table.select` query.
    init<Row>(_ query: SQLiteStatement, of table: SnapshotTable<Row>) {
        self.init(table: table.name, row: 0, specs: table.specs, cells: [])
        cells.reserveCapacity(specs.count)
        reload(query)
    }

    /// Reads the query's current row into this record, reusing its storage.
    mutating func reload(_ query: SQLiteStatement) {
        cells.removeAll(keepingCapacity: true)
        for (offset, spec) in specs.enumerated() {
            let maxBytes: Int =
                switch spec.kind {
                case .integer: 0
                case .text(let bytes): bytes
                case .json(_, let bytes): bytes
                case .integerOrText: SnapshotLimits.textBytes
                }
            cells.append(query.cell(Int32(offset + 1), maxBytes: maxBytes))
        }
        row = query.int64(0)
        cursor = 0
        seen = 0
    }
}
