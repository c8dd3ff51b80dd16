internal import BillingCore
internal import BillingRuntime

/// Writes one world into an open, empty database: schema, then every table, in one
/// transaction, with one prepared statement per table reused for every row.
struct SnapshotWriter {
    let db: SQLiteConnection
    /// Rows per batch handed from the thread computing the per-company rows to this one,
    /// and how many batches may wait.
    var batchRows = 4096
    var batchesWaiting = 4

    func write(_ image: WorldImage) throws(SQLiteError) {
        try db.execute("BEGIN")
        try db.execute(SnapshotSchema.create)
        try writeWorld(image)
        try writeCatalog(image.settings)
        let users = try Inserter(SnapshotSchema.users, db)
        for (id, user) in image.users.enumerated() { try users.add(Owned(company: 0, position: Int64(id), value: user)) }
        try writeCompanies(image)
        try writeTotals(image)
        try db.execute(SnapshotSchema.indexes)
        try db.execute("PRAGMA user_version = \(SnapshotSchema.version)")
        try db.execute("COMMIT")
    }

    private func writeWorld(_ image: WorldImage) throws(SQLiteError) {
        let world = try Inserter(SnapshotSchema.world, db)
        let seller = image.settings.seller
        let texts: [(String, String)] = [
            ("seed", String(image.seed)), ("numbering", image.settings.numbering.rawValue), ("seller_name", seller.name),
            ("seller_address", seller.address), ("seller_country", seller.country.rawValue),
            ("seller_vat_number", seller.vatNumber), ("seller_series_prefix", seller.seriesPrefix),
        ]
        for (key, value) in texts { try world.add(WorldRow(key: key, value: .text(value))) }
        let numbers: [(String, Int64)] = [
            ("start", image.start.seconds), ("now", image.now.seconds), ("next_month_end", image.nextMonthEnd.seconds),
            ("seller_next", image.sellerNext), ("immediate_invoice_threshold", image.settings.immediateInvoiceThreshold),
            ("invitation_lifetime", image.settings.invitationLifetime), ("email_count", Int64(image.outbox.count)),
        ]
        for (key, value) in numbers { try world.add(WorldRow(key: key, value: .integer(value))) }
    }

    private func writeCatalog(_ settings: WorldSettings) throws(SQLiteError) {
        let rates = try Inserter(SnapshotSchema.taxRates, db)
        for country in settings.taxes.changes.keys.sorted() {
            for change in settings.taxes.changes[country] ?? [] {
                try rates.add(DatedRow(key: country.rawValue, effective: change.effective.description, value: change.value.basisPoints))
            }
        }
        let exchange = try Inserter(SnapshotSchema.exchangeRates, db)
        for currency in settings.exchangeRates.changes.keys.sorted() {
            for change in settings.exchangeRates.changes[currency] ?? [] {
                try exchange.add(DatedRow(key: currency.code, effective: change.effective.description, value: change.value))
            }
        }
        let plans = try Inserter(SnapshotSchema.plans, db)
        let planPrices = try Inserter(SnapshotSchema.planPrices, db)
        for id in settings.catalog.planIDs {
            guard let plan = settings.catalog.plans[id] else { continue }
            try plans.add(plan)
            for (cycle, list) in [(BillingCycle.monthly, plan.monthly), (.annual, plan.annual)] {
                for currency in list.minorUnits.keys.sorted() {
                    try planPrices.add(
                        PriceRow(item: id, cycle: cycle.rawValue, currency: currency.code, minorUnits: list.minorUnits[currency] ?? 0))
                }
            }
        }
        let addOns = try Inserter(SnapshotSchema.addOns, db)
        let addOnPrices = try Inserter(SnapshotSchema.addOnPrices, db)
        for id in settings.catalog.addOnIDs {
            guard let addOn = settings.catalog.addOns[id] else { continue }
            try addOns.add(addOn)
            for currency in addOn.monthly.minorUnits.keys.sorted() {
                try addOnPrices.add(PriceRow(item: id, currency: currency.code, minorUnits: addOn.monthly.minorUnits[currency] ?? 0))
            }
        }
        let overage = try Inserter(SnapshotSchema.overagePrices, db)
        let prices = settings.catalog.overage
        for (metric, list) in [(Metric.visits, prices.per1000Visits), (.cdn, prices.perCDNGB), (.disk, prices.perDiskGB)] {
            for currency in list.minorUnits.keys.sorted() {
                try overage.add(PriceRow(item: metric.rawValue, currency: currency.code, minorUnits: list.minorUnits[currency] ?? 0))
            }
        }
    }

    private func writeTotals(_ image: WorldImage) throws(SQLiteError) {
        let rows = try Inserter(SnapshotSchema.totals, db)
        let totals = CurrencyTotals.of(image.companies)
        for currency in totals.keys.sorted() {
            guard let total = totals[currency] else { continue }
            try rows.add(
                TotalsRow(
                    currency: currency.code, invoices: total.invoices, revenue: String(total.revenue), amountDue: String(total.amountDue)))
        }
    }

    /// The companies and everything they own: each row's values computed on a second
    /// thread (``CompanyRows``) while this one binds and inserts them, in the same order.
    private func writeCompanies(_ image: WorldImage) throws(SQLiteError) {
        let statements = try CompanyRows.tables.map { table throws(SQLiteError) in try db.prepare(table.insert) }
        let pipe = RowPipe(capacity: batchesWaiting)
        let rows = batchRows
        pipe.start { send in CompanyRows(image: image).produce(batchesOf: rows, send) }
        defer { pipe.close() }
        while let batch = pipe.receive() {
            var at = 0
            for code in batch.tables {
                let columns = CompanyRows.tables[Int(code)].columns
                try statements[Int(code)].insert(batch.values[at..<at + columns])
                at += columns
            }
        }
    }
}

/// One table's prepared insert.
private struct Inserter<Row> {
    /// Each column's value of a row, in column order.
    let values: [@Sendable (Row) -> SQLiteValue]
    let statement: SQLiteStatement

    init(_ table: SnapshotTable<Row>, _ db: SQLiteConnection) throws(SQLiteError) {
        values = table.columns.map(\.value)
        statement = try db.prepare(table.insert)
    }

    func add(_ row: Row) throws(SQLiteError) {
        for index in values.indices { try statement.bind(Int32(index + 1), values[index](row)) }
        try statement.insert()
    }
}

/// The outbox grouped by company, and within a company by invoice, each group in
/// sending order: what `invoices.emails` stores.
struct EmailIndex {
    struct Entry {
        var invoice: Int
        var email: StoredEmail
    }

    private var entries: [Entry] = []
    private var starts: [Int]

    init(_ outbox: [OutboxMessage], companies: Int) {
        starts = Array(repeating: 0, count: companies + 1)
        for message in outbox where Int(message.company) < companies { starts[Int(message.company) + 1] += 1 }
        for company in 0..<companies { starts[company + 1] += starts[company] }
        var fill = starts
        entries = Array(repeating: Entry(invoice: 0, email: StoredEmail(position: 0, recipient: 0, sentAt: 0)), count: starts[companies])
        for (position, message) in outbox.enumerated() where Int(message.company) < companies {
            let company = Int(message.company)
            entries[fill[company]] = Entry(
                invoice: Int(message.invoice),
                email: StoredEmail(position: Int64(position), recipient: Int64(message.recipient.rawValue), sentAt: message.sentAt.seconds))
            fill[company] += 1
        }
        for company in 0..<companies where starts[company + 1] - starts[company] > 1 {
            entries[starts[company]..<starts[company + 1]].sort { ($0.invoice, $0.email.position) < ($1.invoice, $1.email.position) }
        }
    }

    /// The emails about `company`'s invoices, by invoice, in sending order.
    func of(company: Int) -> ArraySlice<Entry> { entries[starts[company]..<starts[company + 1]] }
}
