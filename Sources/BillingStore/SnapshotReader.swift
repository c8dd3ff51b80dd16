internal import BillingCore
internal import BillingRuntime

/// Reads a world from an open snapshot database. Every cell is checked against its
/// column as it is read (``BadCell``); rows that do not describe a world are a
/// ``Problem`` naming the table and row.
struct SnapshotReader {
    /// Rows that do not make sense together.
    struct Problem: Error, Sendable {
        var detail: String
    }

    let db: SQLiteConnection

    /// Rows from rowid `first` up to, not including, `end`; `nil` for no end.
    struct Rowids {
        var first = Int64.min
        var end: Int64?
    }

    /// Reads every row of `table` (or those of `rowids`) in rowid order, handing each to `each`. A reader must
    /// read every column it is handed: one it leaves unread is a column written but never
    /// restored, which the round-trip tests then see as a refused file.
    func forEachRow<Row>(
        _ table: SnapshotTable<Row>, rowids: Rowids = Rowids(), _ each: (inout SnapshotRecord) throws -> Void
    ) throws {
        let query = try db.prepare(table.select)
        try query.bind(1, rowids.first)
        try query.bind(2, rowids.end)
        guard try query.step() else { return }
        // One record for every row, its storage reused.
        var record = SnapshotRecord(query, of: table)
        while true {
            try each(&record)
            guard record.readAll else { throw Problem(detail: "\(table.name) has columns this reader does not read: \(record.unread)") }
            guard try query.step() else { return }
            record.next()
        }
    }

    /// The rows of a table taken one at a time, for a reader that walks two tables side by
    /// side in company order.
    struct Cursor<Row> {
        private let query: SQLiteStatement
        private var record: SnapshotRecord
        /// True when every row has been taken.
        private(set) var done = false

        init(_ table: SnapshotTable<Row>, rowids: Rowids, db: SQLiteConnection) throws {
            query = try db.prepare(table.select)
            try query.bind(1, rowids.first)
            try query.bind(2, rowids.end)
            done = try !query.step()
            record = SnapshotRecord(query, of: table)
        }

        /// Moves to the next row.
        mutating func advance() throws {
            guard try query.step() else {
                done = true
                return
            }
            record.next()
        }

        /// `body` on the current row (its storage reused), or `nil` when there is none.
        mutating func read<T>(_ body: (inout SnapshotRecord) throws -> T?) throws -> T? {
            guard !done else { return nil }
            return try body(&record)
        }
    }

    /// The world's settings, clock and users: everything but the companies.
    struct Header {
        var seed: UInt64
        var start: Instant
        var now: Instant
        var nextMonthEnd: Instant
        var sellerNext: Int64
        var settings: WorldSettings
        var users: [User]
        /// The number of emails sent, as the save counted them.
        var emailCount: Int
    }

    /// The `world` table's keys, each checked.
    struct WorldKeys {
        private let values: [String: SQLiteValue]

        init(_ values: [String: SQLiteValue]) { self.values = values }

        func text(_ key: String) throws(Problem) -> String {
            guard case .text(let value)? = values[key] else { throw Problem(detail: "world.\(key) is missing or not text") }
            return value
        }

        func number(_ key: String) throws(Problem) -> Int64 {
            guard case .integer(let value)? = values[key] else { throw Problem(detail: "world.\(key) is missing or not an integer") }
            if let range = SnapshotLimits.worldIntegers[key], !range.contains(value) {
                throw Problem(detail: "world.\(key) is \(value), expected \(range.lowerBound) to \(range.upperBound)")
            }
            return value
        }

        func instant(_ key: String) throws(Problem) -> Instant { Instant(seconds: try number(key)) }

        var seed: UInt64 {
            get throws(Problem) {
                guard let seed = UInt64(try text("seed")) else { throw Problem(detail: "world.seed is not a whole number") }
                return seed
            }
        }

        var numbering: NumberingScheme {
            get throws(Problem) {
                guard let numbering = NumberingScheme(rawValue: try text("numbering")) else {
                    throw Problem(detail: "world.numbering is neither per-company nor seller-wide")
                }
                return numbering
            }
        }
    }

    /// The `world` table.
    func readWorldKeys() throws -> WorldKeys { WorldKeys(try readWorld()) }

    /// The world's settings, clock and users.
    func readHeader() throws -> Header {
        let world = try readWorldKeys()
        guard let sellerCountry = Country(rawValue: try world.text("seller_country")) else {
            throw Problem(detail: "world.seller_country is not a country code")
        }
        let seller = Seller(
            name: try world.text("seller_name"), address: try world.text("seller_address"), country: sellerCountry,
            vatNumber: try world.text("seller_vat_number"), seriesPrefix: try world.text("seller_series_prefix"))
        let settings = WorldSettings(
            seller: seller, catalog: try readCatalog(), taxes: try readTaxes(), numbering: try world.numbering,
            immediateInvoiceThreshold: try world.number("immediate_invoice_threshold"),
            invitationLifetime: try world.number("invitation_lifetime"), exchangeRates: try readExchangeRates())
        return Header(
            seed: try world.seed, start: try world.instant("start"), now: try world.instant("now"),
            nextMonthEnd: try world.instant("next_month_end"), sellerNext: try world.number("seller_next"), settings: settings,
            users: try readUsers(), emailCount: Int(try world.number("email_count")))
    }

    /// The `totals` table, by currency.
    func readTotals() throws -> [Currency: CurrencyTotals] {
        var totals: [Currency: CurrencyTotals] = [:]
        try forEachRow(SnapshotSchema.totals) { row in
            let code = try row.text("currency")
            let invoices = try row.integer("invoices")
            guard let currency = Currency(rawValue: code), let revenue = Int128(try row.text("revenue")),
                let due = Int128(try row.text("amount_due"))
            else { throw Problem(detail: "totals row \(row.row): not a currency and two whole numbers") }
            totals[currency] = CurrencyTotals(invoices: invoices, revenue: revenue, amountDue: due)
        }
        return totals
    }

    private func readWorld() throws -> [String: SQLiteValue] {
        var values: [String: SQLiteValue] = [:]
        try forEachRow(SnapshotSchema.world) { row in values[try row.text("key")] = try row.integerOrText("value") }
        return values
    }

    private func readTaxes() throws -> TaxTable {
        var table = TaxTable()
        try forEachRow(SnapshotSchema.taxRates) { row in
            guard let country = Country(rawValue: try row.text("country")), let date = CivilDate(parsing: try row.text("effective"))
            else { throw Problem(detail: "tax_rates rowid \(row.row): not a country, a date and a rate") }
            table.set(TaxRate(basisPoints: try row.integer("basis_points")), for: country, from: date)
        }
        return table
    }

    private func readExchangeRates() throws -> ExchangeRates {
        var rates = ExchangeRates()
        try forEachRow(SnapshotSchema.exchangeRates) { row in
            guard let currency = Currency(rawValue: try row.text("currency")), currency != .sek,
                let date = CivilDate(parsing: try row.text("effective"))
            else { throw Problem(detail: "exchange_rates rowid \(row.row): not a currency other than SEK and a date") }
            rates.set(try row.integer("sek_per_unit"), for: currency, from: date)
        }
        return rates
    }

    private func readCatalog() throws -> Catalog {
        var monthly: [String: [Currency: Int64]] = [:]
        var annual: [String: [Currency: Int64]] = [:]
        try forEachRow(SnapshotSchema.planPrices) { row in
            let plan = try row.text("plan")
            guard let cycle = BillingCycle(rawValue: try row.text("cycle")), let currency = Currency(rawValue: try row.text("currency"))
            else { throw Problem(detail: "a row of plan_prices has an unknown cycle or currency") }
            let price = try row.integer("minor_units")
            if cycle == .monthly { monthly[plan, default: [:]][currency] = price }
            if cycle == .annual { annual[plan, default: [:]][currency] = price }
        }
        var plans: [Plan] = []
        try forEachRow(SnapshotSchema.plans) { row in
            let id = try row.text("id")
            plans.append(
                Plan(
                    id: id, name: try row.text("name"), monthly: PriceList(monthly[id] ?? [:]), annual: PriceList(annual[id] ?? [:]),
                    visits: try row.integer("visits"), diskGB: try row.integer("disk_gb"), cdnGB: try row.integer("cdn_gb")))
        }
        var addOnPrices: [String: [Currency: Int64]] = [:]
        try forEachRow(SnapshotSchema.addOnPrices) { row in
            let addOn = try row.text("addon")
            guard let currency = Currency(rawValue: try row.text("currency")) else {
                throw Problem(detail: "a row of addon_prices has an unknown currency")
            }
            addOnPrices[addOn, default: [:]][currency] = try row.integer("minor_units")
        }
        var addOns: [AddOn] = []
        try forEachRow(SnapshotSchema.addOns) { row in
            let id = try row.text("id")
            let name = try row.text("name")
            guard let scope = AddOn.Scope(rawValue: try row.text("scope")) else { throw Problem(detail: "an add-on has an unknown scope") }
            addOns.append(
                AddOn(id: id, name: name, monthly: PriceList(addOnPrices[id] ?? [:]), scope: scope, diskGB: try row.integer("disk_gb")))
        }
        var overage: [Metric: [Currency: Int64]] = [:]
        try forEachRow(SnapshotSchema.overagePrices) { row in
            guard let metric = Metric(rawValue: try row.text("metric")), let currency = Currency(rawValue: try row.text("currency"))
            else { throw Problem(detail: "a row of overage_prices has an unknown metric or currency") }
            overage[metric, default: [:]][currency] = try row.integer("minor_units")
        }
        return Catalog(
            plans: plans, addOns: addOns,
            overage: OveragePrices(
                per1000Visits: PriceList(overage[.visits] ?? [:]), perCDNGB: PriceList(overage[.cdn] ?? [:]),
                perDiskGB: PriceList(overage[.disk] ?? [:])))
    }

    private func readUsers() throws -> [User] {
        var users: [User] = []
        try forEachRow(SnapshotSchema.users) { row in
            guard try row.integer("id") == Int64(users.count) else { throw Problem(detail: "user ids are not 0, 1, 2, … in order") }
            var user = User(email: try row.text("email"), name: try row.text("name"))
            user.notifications.invoiceByEmail = try row.integer("invoice_email") != 0
            users.append(user)
        }
        return users
    }
}
