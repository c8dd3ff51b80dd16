internal import BillingCore

/// The values a snapshot column may hold, checked as each cell is read (``SnapshotRecord``): the
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

    /// A generated company's simulated monthly traffic.
    static let profile: ClosedRange<Int64> = 0...1_000_000_000
    /// An email's place in the world's sending order.
    static let outboxPosition = index
    /// Bytes of a JSON column (an invoice's lines or emails): far more than any invoice
    /// the scenario language or a population can make, and bounded.
    static let jsonBytes = 64 << 20

    /// The `world` keys holding integers, with their ranges; every other key holds text.
    static let worldIntegers: [String: ClosedRange<Int64>] = [
        "start": instant, "now": instant, "next_month_end": instant, "seller_next": sequence,
        "immediate_invoice_threshold": 0...CompanyState.balanceLimit, "invitation_lifetime": 0...3_155_760_000,
        "email_count": 0...Int64(Int32.max),
    ]
}
