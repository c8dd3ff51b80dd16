internal import BillingCore
internal import BillingRuntime
internal import Foundation
internal import Synchronization

// A save's per-company rows: their values are computed on one thread while the
// connection's thread binds and inserts them, in the same order, so the file is the one
// a single thread writes and the Swift work of a save overlaps SQLite's.

/// Rows of the per-company tables, in insertion order: each row's table (its place in
/// ``CompanyRows/tables``) and its values, in column order, one after another.
struct RowBatch: Sendable {
    var tables: [UInt8] = []
    var values: [SQLiteValue] = []
}

/// Every row of the companies of an image, in the order a save inserts them: per company,
/// its row, then its details, sites, add-ons, members, invitations, pending lines and
/// invoices (with their emails).
struct CompanyRows: Sendable {
    /// The tables rows go to, by the code a ``RowBatch`` gives.
    static let tables: [(insert: String, columns: Int)] = [
        table(SnapshotSchema.companies), table(SnapshotSchema.details), table(SnapshotSchema.sites),
        table(SnapshotSchema.activeAddOns), table(SnapshotSchema.memberships), table(SnapshotSchema.invitations),
        table(SnapshotSchema.pendingLines), table(SnapshotSchema.invoices),
    ]

    private static func table<Row>(_ table: SnapshotTable<Row>) -> (insert: String, columns: Int) { (table.insert, table.columns.count) }

    let image: WorldImage

    /// Hands the rows to `send` in batches of about `size` rows; stops when `send`
    /// returns false.
    func produce(batchesOf size: Int, _ send: (consuming RowBatch) -> Bool) {
        let companies = Encoder(SnapshotSchema.companies, code: 0)
        let details = Encoder(SnapshotSchema.details, code: 1)
        let sites = Encoder(SnapshotSchema.sites, code: 2)
        let addOns = Encoder(SnapshotSchema.activeAddOns, code: 3)
        let members = Encoder(SnapshotSchema.memberships, code: 4)
        let invitations = Encoder(SnapshotSchema.invitations, code: 5)
        let pending = Encoder(SnapshotSchema.pendingLines, code: 6)
        let invoices = Encoder(SnapshotSchema.invoices, code: 7)
        let emails = EmailIndex(image.outbox, companies: image.companies.count)
        var batch = RowBatch()
        for offset in image.companies.indices {
            let s = image.companies[offset]
            let index = Int64(offset)
            companies.add(CompanyRow(index: index, state: s, nextDue: image.scheduled[offset]), to: &batch)
            details.add(s.detailsHistory, of: index, to: &batch)
            sites.add(s.sites, of: index, to: &batch)
            addOns.add(s.addOns, of: index, to: &batch)
            members.add(s.members, of: index, to: &batch)
            invitations.add(s.invitations, of: index, to: &batch)
            pending.add(s.pendingLines, of: index, to: &batch)
            let sent = emails.of(company: offset)
            var next = sent.startIndex
            for position in 0..<s.invoiceCount {
                var mine: [StoredEmail] = []
                while next < sent.endIndex, sent[next].invoice == position {
                    mine.append(sent[next].email)
                    next += 1
                }
                let row = InvoiceRow(company: index, position: Int64(position), invoice: s.invoice(at: position), emails: mine)
                invoices.add(row, to: &batch)
            }
            if batch.tables.count >= size {
                guard send(batch) else { return }
                batch = RowBatch()
            }
        }
        if !batch.tables.isEmpty { _ = send(batch) }
    }

    /// One table's values of a row.
    private struct Encoder<Row> {
        let values: [@Sendable (Row) -> SQLiteValue]
        let code: UInt8

        init(_ table: SnapshotTable<Row>, code: UInt8) {
            values = table.columns.map(\.value)
            self.code = code
        }

        func add(_ row: Row, to batch: inout RowBatch) {
            batch.tables.append(code)
            for index in values.indices { batch.values.append(values[index](row)) }
        }

        /// One row per item of a company, at positions 0, 1, 2, …
        func add<Value>(_ items: [Value], of company: Int64, to batch: inout RowBatch) where Row == Owned<Value> {
            for position in items.indices { add(Owned(company: company, position: Int64(position), value: items[position]), to: &batch) }
        }
    }
}

/// A bounded queue of batches from one producing thread to one consuming thread.
final class RowPipe: Sendable {
    private struct State {
        var batches: [RowBatch] = []
        var cancelled = false
    }

    private let state = Mutex(State())
    /// Signalled once per batch queued, and once more after the last.
    private let ready = DispatchSemaphore(value: 0)
    /// Places left in the queue.
    private let room: DispatchSemaphore
    /// Signalled when the producer has stopped.
    private let stopped = DispatchSemaphore(value: 0)

    init(capacity: Int) { room = DispatchSemaphore(value: capacity) }

    /// Runs `produce` on a new thread, handing it a function that queues a batch (waiting
    /// for room) and returns false once the consumer has given up.
    func start(_ produce: @escaping @Sendable (_ send: (consuming RowBatch) -> Bool) -> Void) {
        Thread { [self] in
            produce { batch in
                room.wait()
                let queued = state.withLock { state in
                    guard !state.cancelled else { return false }
                    state.batches.append(batch)
                    return true
                }
                if queued { ready.signal() }
                return queued
            }
            ready.signal()
            stopped.signal()
        }.start()
    }

    /// The next batch, in the order they were sent; `nil` after the last.
    func receive() -> RowBatch? {
        ready.wait()
        let batch = state.withLock { $0.batches.isEmpty ? nil : $0.batches.removeFirst() }
        if batch != nil { room.signal() }
        return batch
    }

    /// Stops the producer at its next batch and waits until it has: called once the
    /// consumer is done, whether it took every batch or failed.
    func close() {
        state.withLock { $0.cancelled = true }
        room.signal()
        stopped.wait()
    }
}
