public import BillingCore

/// What a new company starts with.
public struct CompanySpec: Sendable, Hashable {
    /// Identifier, unique in the world.
    public var id: String
    /// Name, address, country, VAT number, payment method.
    public var details: CompanyDetails
    /// The billing currency.
    public var currency: Currency
    /// The plan.
    public var plan: PlanID
    /// Monthly or annual.
    public var cycle: BillingCycle
    /// Anniversary (default) or calendar-month periods.
    public var anchorMode: AnchorMode
    /// Invoice series prefix; derived from the id when `nil`.
    public var numberPrefix: String?

    /// A company spec.
    public init(
        id: String, details: CompanyDetails, currency: Currency, plan: PlanID, cycle: BillingCycle,
        anchorMode: AnchorMode = .anniversary, numberPrefix: String? = nil
    ) {
        self.id = id
        self.details = details
        self.currency = currency
        self.plan = plan
        self.cycle = cycle
        self.anchorMode = anchorMode
        self.numberPrefix = numberPrefix
    }
}
