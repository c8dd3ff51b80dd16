internal import BillingCore

/// The values a snapshot column may hold, checked in SQL before any row is read: the
/// bounds the scenario language and the world's operations keep to, so that nothing a
/// restored world computes can overflow, loop for centuries or allocate without bound.
enum SnapshotLimits {
    /// The earliest instant a snapshot holds: 1970-01-01.
    static let earliest: Int64 = 0
    /// The latest instant a snapshot holds: 2200-01-01 (a resume of at most 1,200 months
    /// from it still ends in year 2300).
    static let latest: Int64 = 7_258_118_400
    /// Instants: 1970-01-01 to 2200-01-01.
    static let instant = earliest...latest
    /// Plan and add-on prices: at most 1,000,000.00 (the scenario language's limit).
    static let price: ClosedRange<Int64> = 0...100_000_000
    /// Plan prices per cycle: an annual price left out is ten monthly ones, so up to
    /// 10,000,000.00 (a save of a world at the maximum prices must restore).
    static let planPrice: ClosedRange<Int64> = 0...1_000_000_000
    /// Overage prices: at most 10,000.00 a unit (the scenario language's limit).
    static let overagePrice: ClosedRange<Int64> = 0...1_000_000
    /// Signed unit prices on lines (credits are negative), up to a plan's annual price.
    static let unitPrice: ClosedRange<Int64> = -planPrice.upperBound...planPrice.upperBound
    /// Usage and allowances: at most a trillion a month (``CompanyState/usageLimit``).
    static let usage: ClosedRange<Int64> = 0...CompanyState.usageLimit
    /// A line's amount: at most a trillion units at the largest overage price.
    static let lineAmount: ClosedRange<Int64> = -1_000_000_000_000_000_000...1_000_000_000_000_000_000
    /// An invoice's amounts: a few of the largest lines, with tax.
    static let invoiceAmount: ClosedRange<Int64> = -4_000_000_000_000_000_000...4_000_000_000_000_000_000
    /// Balances: 0 to ``CompanyState/balanceLimit`` plus the largest credit invoice.
    static let balance: ClosedRange<Int64> = 0...4_000_000_000_000_000_000
    /// Invoice sequence numbers.
    static let sequence: ClosedRange<Int64> = 1...1_000_000_000_000
    /// Positions and counts within one company.
    static let position: ClosedRange<Int64> = 0...100_000_000
    /// Ids of users and indices of companies.
    static let index: ClosedRange<Int64> = 0...Int64(Int32.max)
    /// Month indices from an anchor: 230 years.
    static let monthIndex: ClosedRange<Int64> = 0...2_760
    /// Line quantities (a prorated credit is −1).
    static let quantity: ClosedRange<Int64> = -1...CompanyState.usageLimit
    /// Booleans.
    static let flag: ClosedRange<Int64> = 0...1
    /// Tax rates in basis points: 0% to 100%.
    static let basisPoints: ClosedRange<Int64> = 0...10_000
    /// Any 64-bit value (random state).
    static let any: ClosedRange<Int64> = Int64.min...Int64.max

    /// Bytes of a text cell: names, ids, addresses.
    static let textBytes = 4_096
    /// Bytes of a site list (a site role's sites, joined by commas).
    static let siteListBytes = 65_536

    /// The range of every `INTEGER` column, by `table.column`. A test checks that every
    /// integer column of ``SnapshotSchema/create`` is listed.
    static let integers: [String: ClosedRange<Int64>] = [
        "tax_rates.basis_points": basisPoints, "exchange_rates.sek_per_unit": 1...ExchangeRates.maxRate,
        "plans.visits": usage, "plans.disk_gb": usage, "plans.cdn_gb": usage, "addons.disk_gb": usage,
        "plan_prices.minor_units": planPrice, "addon_prices.minor_units": price, "overage_prices.minor_units": overagePrice,
        "users.id": index, "users.invoice_email": flag,
        "companies.idx": index, "companies.anchor_second": 0...86_399, "companies.period_index": monthIndex,
        "companies.period_start": instant, "companies.period_billed": flag, "companies.usage_index": monthIndex,
        "companies.usage_start": instant, "companies.visits": usage, "companies.cdn_gb": usage, "companies.disk_gb": usage,
        "companies.disk_peak_gb": usage, "companies.incurred_visits": usage, "companies.incurred_cdn_gb": usage,
        "companies.incurred_disk_gb": usage, "companies.balance": balance, "companies.next_sequence": sequence,
        "companies.emailed_count": position, "companies.closed": flag, "companies.settled_until": Int64.min...latest,
        "companies.profile_visits": 0...1_000_000_000, "companies.profile_cdn_gb": 0...1_000_000_000,
        "companies.profile_disk_gb": 0...1_000_000_000, "companies.random_state": any, "companies.next_due": instant,
        "company_details.company": index, "company_details.revision": position,
        "sites.company": index, "sites.position": position,
        "active_addons.company": index, "active_addons.position": position, "active_addons.since": instant,
        "memberships.company": index, "memberships.position": position, "memberships.user": index,
        "invitations.company": index, "invitations.position": position, "invitations.invitee": index,
        "invitations.invited_by": index, "invitations.created": instant, "invitations.expires": earliest...Int64(1) << 40,
        "pending_lines.company": index, "pending_lines.position": position, "pending_lines.quantity": quantity,
        "pending_lines.unit_price": unitPrice, "pending_lines.amount": lineAmount, "pending_lines.period_start": instant,
        "pending_lines.period_end": instant, "pending_lines.credits": position,
        "invoices.company": index, "invoices.position": position, "invoices.number_sequence": sequence,
        "invoices.created": instant, "invoices.period_start": instant, "invoices.period_end": instant,
        "invoices.subtotal": invoiceAmount, "invoices.tax_basis_points": basisPoints, "invoices.tax_amount": invoiceAmount,
        "invoices.total": invoiceAmount, "invoices.balance_applied": balance, "invoices.amount_due": balance,
        "invoices.balance_remaining": balance, "invoices.details_revision": position,
        "invoice_lines.company": index, "invoice_lines.invoice": position, "invoice_lines.position": position,
        "invoice_lines.quantity": quantity, "invoice_lines.unit_price": unitPrice, "invoice_lines.amount": lineAmount,
        "invoice_lines.credits": position,
        "invoice_lines.period_start": instant, "invoice_lines.period_end": instant,
        "outbox.position": position, "outbox.sent_at": instant, "outbox.recipient": index, "outbox.company": index,
        "outbox.invoice": position, "outbox.number_sequence": sequence,
    ]

    /// Text columns that may be longer than ``textBytes``.
    static let longTexts: [String: Int] = ["memberships.sites": siteListBytes, "invitations.sites": siteListBytes]

    /// The `world` keys holding integers, with their ranges; every other key holds text.
    static let worldIntegers: [String: ClosedRange<Int64>] = [
        "start": instant, "now": instant, "next_month_end": instant, "seller_next": sequence,
        "immediate_invoice_threshold": 0...CompanyState.balanceLimit, "invitation_lifetime": 0...3_155_760_000,
    ]
}
