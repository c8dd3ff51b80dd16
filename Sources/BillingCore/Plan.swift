/// The identifier of a plan in the catalog, for example `business`.
public typealias PlanID = String

/// A hosting plan: monthly and annual prices and the monthly allowances it includes.
public struct Plan: Sendable, Hashable, Codable, Identifiable {
    /// Catalog identifier, for example `business`.
    public var id: PlanID
    /// The name shown on invoices, for example `Business`.
    public var name: String
    /// Price of one month on a monthly cycle.
    public var monthly: PriceList
    /// Price of one year on an annual cycle: ten monthly prices unless the catalog says
    /// otherwise.
    public var annual: PriceList
    /// Visits included per month.
    public var visits: Int64
    /// Disk included, in GB.
    public var diskGB: Int64
    /// CDN traffic included per month, in GB.
    public var cdnGB: Int64

    /// A plan; `annual` defaults to ten times `monthly` ("two months free").
    public init(
        id: PlanID, name: String, monthly: PriceList, annual: PriceList? = nil,
        visits: Int64, diskGB: Int64, cdnGB: Int64
    ) {
        self.id = id
        self.name = name
        self.monthly = monthly
        self.annual = annual ?? monthly.times(10)
        self.visits = visits
        self.diskGB = diskGB
        self.cdnGB = cdnGB
    }

    /// The price of one period of `cycle` in `currency`.
    public func price(_ cycle: BillingCycle, in currency: Currency) -> Money? {
        cycle == .monthly ? monthly[currency] : annual[currency]
    }
}
