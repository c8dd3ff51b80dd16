internal import BillingCore
internal import BillingRuntime

/// Reads a world from an open snapshot database. Every value is checked as it is read;
/// anything that does not describe a world is a ``Problem`` naming the table and row.
struct SnapshotReader {
    /// A row that does not make sense.
    struct Problem: Error {
        var detail: String
    }

    let db: SQLiteConnection

    func read() throws -> WorldImage {
        let world = try readWorld()
        func text(_ key: String) throws(Problem) -> String {
            guard case .text(let value)? = world[key] else { throw Problem(detail: "world.\(key) is missing or not text") }
            return value
        }
        func number(_ key: String) throws(Problem) -> Int64 {
            guard case .integer(let value)? = world[key] else { throw Problem(detail: "world.\(key) is missing or not an integer") }
            if let range = SnapshotLimits.worldIntegers[key], !range.contains(value) {
                throw Problem(detail: "world.\(key) is \(value), expected \(range.lowerBound) to \(range.upperBound)")
            }
            return value
        }
        guard let seed = UInt64(try text("seed")) else { throw Problem(detail: "world.seed is not a whole number") }
        guard let numbering = NumberingScheme(rawValue: try text("numbering")) else {
            throw Problem(detail: "world.numbering is neither per-company nor seller-wide")
        }
        guard let sellerCountry = Country(rawValue: try text("seller_country")) else {
            throw Problem(detail: "world.seller_country is not a country code")
        }
        let seller = Seller(
            name: try text("seller_name"), address: try text("seller_address"), country: sellerCountry,
            vatNumber: try text("seller_vat_number"), seriesPrefix: try text("seller_series_prefix"))
        let settings = WorldSettings(
            seller: seller, catalog: try readCatalog(), taxes: try readTaxes(), numbering: numbering,
            immediateInvoiceThreshold: try number("immediate_invoice_threshold"), invitationLifetime: try number("invitation_lifetime"),
            exchangeRates: try readExchangeRates())
        let (companies, scheduled) = try readCompanies(catalog: settings.catalog)
        return WorldImage(
            seed: seed, start: Instant(seconds: try number("start")), settings: settings, now: Instant(seconds: try number("now")),
            nextMonthEnd: Instant(seconds: try number("next_month_end")), sellerNext: try number("seller_next"),
            users: try readUsers(), companies: companies, scheduled: scheduled, outbox: try readOutbox())
    }

    private func readWorld() throws -> [String: SQLiteValue] {
        let query = try db.prepare("SELECT key, value, typeof(value) FROM world")
        var values: [String: SQLiteValue] = [:]
        while try query.step() {
            values[query.text(0)] = query.text(2) == "integer" ? .integer(query.int64(1)) : .text(query.text(1))
        }
        return values
    }

    private func readTaxes() throws -> TaxTable {
        var table = TaxTable()
        let query = try db.prepare("SELECT country, effective, basis_points, rowid FROM tax_rates ORDER BY rowid")
        while try query.step() {
            guard let country = Country(rawValue: query.text(0)), let date = CivilDate(parsing: query.text(1)),
                (0...10_000).contains(query.int64(2))
            else { throw Problem(detail: "tax_rates rowid \(query.int64(3)): not a country, a date and a rate") }
            table.set(TaxRate(basisPoints: query.int64(2)), for: country, from: date)
        }
        return table
    }

    private func readExchangeRates() throws -> ExchangeRates {
        var rates = ExchangeRates()
        let query = try db.prepare("SELECT currency, effective, sek_per_unit, rowid FROM exchange_rates ORDER BY rowid")
        while try query.step() {
            guard let currency = Currency(rawValue: query.text(0)), currency != .sek, let date = CivilDate(parsing: query.text(1)) else {
                throw Problem(detail: "exchange_rates rowid \(query.int64(3)): not a currency other than SEK and a date")
            }
            rates.set(query.int64(2), for: currency, from: date)
        }
        return rates
    }

    private func readCatalog() throws -> Catalog {
        var monthly: [String: [Currency: Int64]] = [:]
        var annual: [String: [Currency: Int64]] = [:]
        let prices = try db.prepare("SELECT plan, cycle, currency, minor_units FROM plan_prices ORDER BY rowid")
        while try prices.step() {
            guard let currency = Currency(rawValue: prices.text(2)), let cycle = BillingCycle(rawValue: prices.text(1)) else {
                throw Problem(detail: "a row of plan_prices has an unknown cycle or currency")
            }
            if cycle == .monthly { monthly[prices.text(0), default: [:]][currency] = prices.int64(3) }
            if cycle == .annual { annual[prices.text(0), default: [:]][currency] = prices.int64(3) }
        }
        var plans: [Plan] = []
        let planRows = try db.prepare("SELECT id, name, visits, disk_gb, cdn_gb FROM plans ORDER BY rowid")
        while try planRows.step() {
            let id = planRows.text(0)
            plans.append(
                Plan(
                    id: id, name: planRows.text(1), monthly: PriceList(monthly[id] ?? [:]), annual: PriceList(annual[id] ?? [:]),
                    visits: planRows.int64(2), diskGB: planRows.int64(3), cdnGB: planRows.int64(4)))
        }
        var addOnPrices: [String: [Currency: Int64]] = [:]
        let addOnPriceRows = try db.prepare("SELECT addon, currency, minor_units FROM addon_prices ORDER BY rowid")
        while try addOnPriceRows.step() {
            guard let currency = Currency(rawValue: addOnPriceRows.text(1)) else {
                throw Problem(detail: "a row of addon_prices has an unknown currency")
            }
            addOnPrices[addOnPriceRows.text(0), default: [:]][currency] = addOnPriceRows.int64(2)
        }
        var addOns: [AddOn] = []
        let addOnRows = try db.prepare("SELECT id, name, scope, disk_gb FROM addons ORDER BY rowid")
        while try addOnRows.step() {
            guard let scope = AddOn.Scope(rawValue: addOnRows.text(2)) else { throw Problem(detail: "an add-on has an unknown scope") }
            let id = addOnRows.text(0)
            addOns.append(
                AddOn(id: id, name: addOnRows.text(1), monthly: PriceList(addOnPrices[id] ?? [:]), scope: scope, diskGB: addOnRows.int64(3))
            )
        }
        var overage: [Metric: [Currency: Int64]] = [:]
        let overageRows = try db.prepare("SELECT metric, currency, minor_units FROM overage_prices ORDER BY rowid")
        while try overageRows.step() {
            guard let metric = Metric(rawValue: overageRows.text(0)), let currency = Currency(rawValue: overageRows.text(1)) else {
                throw Problem(detail: "a row of overage_prices has an unknown metric or currency")
            }
            overage[metric, default: [:]][currency] = overageRows.int64(2)
        }
        return Catalog(
            plans: plans, addOns: addOns,
            overage: OveragePrices(
                per1000Visits: PriceList(overage[.visits] ?? [:]), perCDNGB: PriceList(overage[.cdn] ?? [:]),
                perDiskGB: PriceList(overage[.disk] ?? [:])))
    }

    private func readUsers() throws -> [User] {
        var users: [User] = []
        let query = try db.prepare("SELECT id, email, name, invoice_email FROM users ORDER BY id")
        while try query.step() {
            guard query.int64(0) == Int64(users.count) else { throw Problem(detail: "user ids are not 0, 1, 2, … in order") }
            var user = User(email: query.text(1), name: query.text(2))
            user.notifications.invoiceByEmail = query.int64(3) != 0
            users.append(user)
        }
        return users
    }

    private func readOutbox() throws -> [OutboxMessage] {
        var messages: [OutboxMessage] = []
        let query = try db.prepare(
            "SELECT sent_at, recipient, company, invoice, number_prefix, number_sequence FROM outbox ORDER BY position")
        while try query.step() {
            guard let recipient = Int32(exactly: query.int64(1)), let company = Int32(exactly: query.int64(2)),
                let invoice = Int32(exactly: query.int64(3))
            else { throw Problem(detail: "an outbox row names a user, company or invoice out of range") }
            messages.append(
                OutboxMessage(
                    sentAt: Instant(seconds: query.int64(0)), recipient: UserID(recipient), company: company, invoice: invoice,
                    number: InvoiceNumber(prefix: query.text(4), sequence: query.int64(5))))
        }
        return messages
    }
}
