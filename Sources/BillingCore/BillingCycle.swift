/// How often a plan is billed.
public enum BillingCycle: String, Sendable, Hashable, Codable, CaseIterable {
    /// One plan invoice a month, add-ons and overages on it.
    case monthly
    /// One plan invoice a year; add-ons and overages on a monthly per-use invoice.
    case annual

    /// Months in one period.
    public var months: Int { self == .monthly ? 1 : 12 }

    /// The word invoices print: `monthly` or `yearly`.
    public var invoiceLabel: String { self == .monthly ? "monthly" : "yearly" }
}
