internal import BillingCore
internal import BillingRuntime

/// The snapshot file's tables, each one list of columns (docs/snapshot-schema.md explains
/// each column). Instants are whole seconds since 1970-01-01 UTC, amounts minor units,
/// dates `YYYY-MM-DD`. A column added here is created, written, selected and checked;
/// the reader names it once to read it back.
enum SnapshotSchema {
    /// `PRAGMA user_version` of files this code writes and reads. Version 2 added
    /// `addons.disk_gb`, the lines' `credits` and `exchange_rates`; version 3 moved
    /// `payment_method` from `companies` to `company_details`; version 4 moved invoice
    /// lines and emails into JSON columns of `invoices`. Earlier versions are refused by
    /// a restore but may be replaced.
    static let version: Int64 = 4

    /// Versions of files BillingSim wrote, which a save may replace.
    static let written: ClosedRange<Int64> = 1...version

    /// Every table a snapshot must have, in the order they are written.
    static let tables = [
        world.name, taxRates.name, exchangeRates.name, plans.name, planPrices.name, addOns.name, addOnPrices.name,
        overagePrices.name, users.name, companies.name, details.name, sites.name, activeAddOns.name, memberships.name,
        invitations.name, pendingLines.name, invoices.name, totals.name,
    ]

    static let create = [
        world.create, taxRates.create, exchangeRates.create, plans.create, planPrices.create, addOns.create, addOnPrices.create,
        overagePrices.create, users.create, companies.create, details.create, sites.create, activeAddOns.create,
        memberships.create, invitations.create, pendingLines.create, invoices.create, totals.create,
    ].joined(separator: "\n")

    /// An index on `company` for each per-company table, made after the rows are in
    /// (cheaper than keeping it up to date while inserting): what joins on a company use.
    static let indexes = [
        details.name, sites.name, activeAddOns.name, memberships.name, invitations.name, pendingLines.name, invoices.name,
    ]
    .map { "CREATE INDEX \($0)_company ON \($0) (company);" }.joined(separator: "\n")

    typealias L = SnapshotLimits

    // MARK: Settings and catalog

    static let world = SnapshotTable<WorldRow>(
        "world",
        [
            .text("key", primaryKey: true) { $0.key },
            SnapshotColumn(spec: SnapshotCellSpec(name: "value", kind: .integerOrText, nullable: true)) { $0.value },
        ])

    static let taxRates = SnapshotTable<DatedRow>(
        "tax_rates",
        [.text("country") { $0.key }, .text("effective") { $0.effective }, .integer("basis_points", L.basisPoints) { $0.value }])

    static let exchangeRates = SnapshotTable<DatedRow>(
        "exchange_rates",
        [
            .text("currency") { $0.key }, .text("effective") { $0.effective },
            .integer("sek_per_unit", 1...ExchangeRates.maxRate) { $0.value },
        ])

    static let plans = SnapshotTable<Plan>(
        "plans",
        [
            .text("id", primaryKey: true) { $0.id }, .text("name") { $0.name }, .integer("visits", L.usage) { $0.visits },
            .integer("disk_gb", L.usage) { $0.diskGB }, .integer("cdn_gb", L.usage) { $0.cdnGB },
        ])

    static let planPrices = SnapshotTable<PriceRow>(
        "plan_prices",
        [
            .text("plan") { $0.item }, .text("cycle") { $0.cycle ?? "" }, .text("currency") { $0.currency },
            .integer("minor_units", L.planPrice) { $0.minorUnits },
        ])

    static let addOns = SnapshotTable<AddOn>(
        "addons",
        [
            .text("id", primaryKey: true) { $0.id }, .text("name") { $0.name }, .text("scope") { $0.scope.rawValue },
            .integer("disk_gb", L.usage) { $0.diskGB },
        ])

    static let addOnPrices = SnapshotTable<PriceRow>(
        "addon_prices",
        [.text("addon") { $0.item }, .text("currency") { $0.currency }, .integer("minor_units", L.price) { $0.minorUnits }])

    static let overagePrices = SnapshotTable<PriceRow>(
        "overage_prices",
        [.text("metric") { $0.item }, .text("currency") { $0.currency }, .integer("minor_units", L.overagePrice) { $0.minorUnits }])

    static let users = SnapshotTable<Owned<User>>(
        "users",
        [
            .integer("id", L.index, primaryKey: true) { $0.position }, .text("email") { $0.value.email },
            .text("name") { $0.value.name }, .integer("invoice_email", L.flag) { $0.value.notifications.invoiceByEmail ? 1 : 0 },
        ])

    // MARK: Companies

    static let companies = SnapshotTable<CompanyRow>(
        "companies",
        [
            .integer("idx", L.index, primaryKey: true) { $0.index }, .text("id") { $0.state.id },
            .text("currency") { $0.state.currency.code }, .text("plan") { $0.state.plan }, .text("cycle") { $0.state.cycle.rawValue },
            .text("anchor_mode") { $0.state.anchorMode.rawValue }, .text("anchor_date") { $0.state.anchor.date.description },
            .integer("anchor_second", 0...86_399) { Int64($0.state.anchor.secondOfDay) },
            .integer("period_index", L.monthIndex) { Int64($0.state.periodIndex) },
            .integer("period_start", L.instant) { $0.state.periodStart.seconds },
            .integer("period_billed", L.flag) { $0.state.periodBilled ? 1 : 0 },
            .integer("usage_index", L.monthIndex) { Int64($0.state.usageIndex) },
            .integer("usage_start", L.instant) { $0.state.usageStart.seconds },
            .integer("visits", L.usage) { $0.state.usage.visits }, .integer("cdn_gb", L.usage) { $0.state.usage.cdnGB },
            .integer("disk_gb", L.usage) { $0.state.usage.diskGB }, .integer("disk_peak_gb", L.usage) { $0.state.usage.diskPeakGB },
            .integer("incurred_visits", L.usage) { $0.state.usage.incurredVisits },
            .integer("incurred_cdn_gb", L.usage) { $0.state.usage.incurredCDN },
            .integer("incurred_disk_gb", L.usage) { $0.state.usage.incurredDisk },
            .integer("balance", L.balance) { $0.state.balance }, .text("number_prefix") { $0.state.numberPrefix },
            .integer("next_sequence", L.sequence) { $0.state.nextSequence },
            .integer("emailed_count", L.position) { Int64($0.state.emailedCount) },
            .integer("closed", L.flag) { $0.state.closed ? 1 : 0 },
            .integer("settled_until", Int64.min...L.latest) { $0.state.settledUntil.seconds },
            .optionalInteger("profile_visits", L.profile) { $0.state.profile?.visits },
            .optionalInteger("profile_cdn_gb", L.profile) { $0.state.profile?.cdnGB },
            .optionalInteger("profile_disk_gb", L.profile) { $0.state.profile?.diskGB },
            .integer("random_state", L.any) { Int64(bitPattern: $0.state.random.state) },
            .optionalInteger("next_due", L.instant) { $0.nextDue?.seconds },
        ])

    static let details = SnapshotTable<Owned<CompanyDetails>>(
        "company_details",
        [
            .integer("company", L.index) { $0.company }, .integer("revision", L.position) { $0.position },
            .text("name") { $0.value.name }, .text("address") { $0.value.address }, .text("country") { $0.value.country.rawValue },
            .text("vat_number") { $0.value.vatNumber }, .text("payment_method") { $0.value.paymentMethod },
        ])

    static let sites = SnapshotTable<Owned<Site>>(
        "sites",
        [
            .integer("company", L.index) { $0.company }, .integer("position", L.position) { $0.position },
            .text("id") { $0.value.id }, .text("name") { $0.value.name },
        ])

    static let activeAddOns = SnapshotTable<Owned<ActiveAddOn>>(
        "active_addons",
        [
            .integer("company", L.index) { $0.company }, .integer("position", L.position) { $0.position },
            .text("addon") { $0.value.id }, .optionalText("site") { $0.value.site },
            .integer("since", L.instant) { $0.value.since.seconds },
        ])

    static let memberships = SnapshotTable<Owned<Membership>>(
        "memberships",
        [
            .integer("company", L.index) { $0.company }, .integer("position", L.position) { $0.position },
            .integer("user", L.index) { Int64($0.value.user.rawValue) }, .text("role") { SnapshotCoding.encode($0.value.role).0 },
            .optionalText("sites", maxBytes: L.siteListBytes) { SnapshotCoding.encode($0.value.role).1 },
        ])

    static let invitations = SnapshotTable<Owned<Invitation>>(
        "invitations",
        [
            .integer("company", L.index) { $0.company }, .integer("position", L.position) { $0.position },
            .integer("invitee", L.index) { Int64($0.value.invitee.rawValue) },
            .text("role") { SnapshotCoding.encode($0.value.role).0 },
            .optionalText("sites", maxBytes: L.siteListBytes) { SnapshotCoding.encode($0.value.role).1 },
            .integer("invited_by", L.index) { Int64($0.value.invitedBy.rawValue) },
            .integer("created", L.instant) { $0.value.created.seconds },
            .integer("expires", L.earliest...Int64(1) << 40) { $0.value.expires.seconds },
            .text("status") { $0.value.status.rawValue },
        ])

    /// The fields of a line, as columns of `pending_lines` and as the elements of
    /// `invoices.lines`.
    static let lineFields: [SnapshotColumn<InvoiceLine>] = [
        .text("kind") { SnapshotCoding.encode($0.kind).0 }, .optionalText("item") { SnapshotCoding.encode($0.kind).1 },
        .optionalText("site") { SnapshotCoding.encode($0.kind).2 }, .optionalText("cycle") { SnapshotCoding.encode($0.kind).3 },
        .integer("quantity", L.quantity) { $0.quantity }, .integer("unit_price", L.unitPrice) { $0.unitPrice },
        .integer("amount", L.lineAmount) { $0.amount }, .integer("period_start", L.instant) { $0.periodStart.seconds },
        .integer("period_end", L.instant) { $0.periodEnd.seconds },
        .optionalInteger("credits", L.position) { $0.credits.map { Int64($0.invoice) } },
    ]

    static let pendingLines = SnapshotTable<Owned<InvoiceLine>>(
        "pending_lines",
        [.integer("company", L.index) { $0.company }, .integer("position", L.position) { $0.position }]
            + lineFields.map { $0.pulledBack(\.value) })

    /// The fields of one month-end email, as the elements of `invoices.emails`.
    static let emailFields: [SnapshotColumn<StoredEmail>] = [
        .integer("position", L.outboxPosition) { $0.position }, .integer("recipient", L.index) { $0.recipient },
        .integer("sent_at", L.instant) { $0.sentAt },
    ]

    static let invoices = SnapshotTable<InvoiceRow>(
        "invoices",
        [
            .integer("company", L.index) { $0.company }, .integer("position", L.position) { $0.position },
            .optionalText("number_prefix") { $0.invoice.number?.prefix },
            .optionalInteger("number_sequence", L.sequence) { $0.invoice.number?.sequence },
            .text("kind") { $0.invoice.kind.rawValue }, .text("cycle") { $0.invoice.cycle.rawValue },
            .integer("created", L.instant) { $0.invoice.created.seconds },
            .integer("period_start", L.instant) { $0.invoice.periodStart.seconds },
            .integer("period_end", L.instant) { $0.invoice.periodEnd.seconds }, .text("currency") { $0.invoice.currency.code },
            .integer("subtotal", L.invoiceAmount) { $0.invoice.subtotal }, .text("tax") { SnapshotCoding.encode($0.invoice.tax).0 },
            .optionalInteger("tax_basis_points", L.basisPoints) { SnapshotCoding.encode($0.invoice.tax).1 },
            .integer("tax_amount", L.invoiceAmount) { $0.invoice.taxAmount },
            .integer("total", L.invoiceAmount) { $0.invoice.total },
            .integer("balance_applied", L.balance) { $0.invoice.balanceApplied },
            .integer("amount_due", L.balance) { $0.invoice.amountDue },
            .integer("balance_remaining", L.balance) { $0.invoice.balanceRemaining },
            .integer("details_revision", L.position) { Int64($0.invoice.detailsRevision) },
            .json("lines", maxBytes: L.jsonBytes, fields: lineFields) { $0.invoice.lines },
            .json("emails", maxBytes: L.jsonBytes, fields: emailFields) { $0.emails },
        ])
}

// MARK: Totals

extension SnapshotSchema {
    /// What `inspect` reads without reading the invoices: per currency, the invoices and
    /// their exact totals (decimal text: they may pass `Int64.max`). A restore checks
    /// them against the invoices.
    static let totals = SnapshotTable<TotalsRow>(
        "totals",
        [
            .text("currency", primaryKey: true) { $0.currency }, .integer("invoices", 0...Int64.max) { $0.invoices },
            .text("revenue", maxBytes: 64) { $0.revenue }, .text("amount_due", maxBytes: 64) { $0.amountDue },
        ])
}

/// One currency's invoices and their exact totals, in minor units.
struct CurrencyTotals: Equatable, Sendable {
    var invoices: Int64 = 0
    var revenue: Int128 = 0
    var amountDue: Int128 = 0

    /// The totals of `companies`' invoices, by currency. Each addend is below 2^63, so the
    /// sums cannot overflow.
    static func of(_ companies: [CompanyState]) -> [Currency: CurrencyTotals] {
        var totals: [Currency: CurrencyTotals] = [:]
        for state in companies where state.invoiceCount > 0 {
            var sum = totals[state.currency] ?? CurrencyTotals()
            for position in 0..<state.invoiceCount {
                let amounts = state.invoiceAmounts(at: position)
                sum.revenue += Int128(amounts.total)
                sum.amountDue += Int128(amounts.amountDue)
            }
            sum.invoices += Int64(state.invoiceCount)
            totals[state.currency] = sum
        }
        return totals
    }
}

/// A `totals` row.
struct TotalsRow {
    var currency: String
    var invoices: Int64
    var revenue: String
    var amountDue: String
}

// MARK: Rows

/// A `world` row: a setting's name and value.
struct WorldRow {
    var key: String
    var value: SQLiteValue
}

/// A dated rate: a country's VAT rate or a currency's exchange rate from a date on.
struct DatedRow {
    var key: String
    var effective: String
    var value: Int64
}

/// A price of a plan (per cycle), an add-on or an overage metric, in one currency.
struct PriceRow {
    var item: String
    var cycle: String?
    var currency: String
    var minorUnits: Int64
}

/// A row of a per-company table (or `users`): the company's index, the thing's position
/// (or the user's id) and the thing.
struct Owned<Value> {
    var company: Int64
    var position: Int64
    var value: Value
}

/// A `companies` row: the company, its index and when the clock visits it next.
struct CompanyRow {
    var index: Int64
    var state: CompanyState
    var nextDue: Instant?
}

/// An `invoices` row: the invoice with its lines and the month-end emails sent of it.
struct InvoiceRow {
    var company: Int64
    var position: Int64
    var invoice: Invoice
    var emails: [StoredEmail]
}

/// One month-end email as `invoices.emails` stores it: its place in the world's
/// sending order, its recipient's user id and when it was sent.
struct StoredEmail {
    var position: Int64
    var recipient: Int64
    var sentAt: Int64
}
