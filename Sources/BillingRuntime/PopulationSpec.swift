/// The mix of a generated population. Percentages are whole numbers out of 100.
public struct PopulationSpec: Sendable, Hashable {
    /// Companies to generate.
    public var companies: Int
    /// Share of companies on annual plans (the rest are monthly).
    public var annualPercent: Int
    /// Share of users who turned invoice emails on.
    public var optInPercent: Int
    /// Partner users (for example accountants) holding the Billing role in many
    /// companies; 0 for one per 500 companies (at least one).
    public var partners: Int
    /// Share of companies that give a partner the Billing role.
    public var partnerPercent: Int
    /// Share of companies with at least one add-on.
    public var addOnPercent: Int
    /// Most users per company (at least 1, at most 8).
    public var maxUsers: Int

    /// A population with the default mix.
    public init(
        companies: Int, annualPercent: Int = 15, optInPercent: Int = 30, partners: Int = 0, partnerPercent: Int = 10,
        addOnPercent: Int = 20, maxUsers: Int = 8
    ) {
        self.companies = companies
        self.annualPercent = annualPercent
        self.optInPercent = optInPercent
        self.partners = partners
        self.partnerPercent = partnerPercent
        self.addOnPercent = addOnPercent
        self.maxUsers = maxUsers
    }

    /// The number of partner users this spec generates.
    public var partnerCount: Int {
        if partners > 0 { return partners }
        return companies == 0 ? 0 : max(1, companies / 500)
    }
}
