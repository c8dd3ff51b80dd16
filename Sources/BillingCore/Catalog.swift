/// Everything the seller sells: plans, add-ons and overage prices.
public struct Catalog: Sendable, Hashable, Codable {
    /// Plans by identifier.
    public var plans: [PlanID: Plan] { didSet { setItems() } }
    /// Add-ons by identifier.
    public var addOns: [AddOnID: AddOn] { didSet { setItems() } }
    /// Prices of usage above the allowances.
    public var overage: OveragePrices
    /// Plan and add-on identifiers, sorted, without repeats: what a company's stored
    /// invoice lines index into. Kept with the catalog so that every company of a world
    /// shares one copy.
    public private(set) var itemIDs: [String]
    /// The position of each identifier in ``itemIDs``: one hash instead of a scan of
    /// string comparisons for every line billed.
    var itemPositions: [String: Int]

    /// A catalog.
    public init(plans: [Plan], addOns: [AddOn], overage: OveragePrices = .standard) {
        self.plans = Dictionary(plans.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        self.addOns = Dictionary(addOns.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        self.overage = overage
        self.itemIDs = []
        self.itemPositions = [:]
        setItems()
    }

    private mutating func setItems() {
        itemIDs = Array(Set(plans.keys).union(addOns.keys)).sorted()
        itemPositions = Dictionary(uniqueKeysWithValues: itemIDs.enumerated().map { ($1, $0) })
    }

    /// Plan identifiers in sorted order, for deterministic iteration.
    public var planIDs: [PlanID] { plans.keys.sorted() }
    /// Add-on identifiers in sorted order.
    public var addOnIDs: [AddOnID] { addOns.keys.sorted() }

    /// A catalog modelled on Kinsta's public plans (prices in USD and EUR, SEK ten times).
    public static let standard = Catalog(
        plans: [
            Plan(id: "starter", name: "Starter", monthly: .usdEurSek(3_500), visits: 25_000, diskGB: 10, cdnGB: 100),
            Plan(id: "pro", name: "Pro", monthly: .usdEurSek(7_000), visits: 50_000, diskGB: 20, cdnGB: 200),
            Plan(id: "business", name: "Business", monthly: .usdEurSek(11_500), visits: 100_000, diskGB: 30, cdnGB: 300),
            Plan(id: "agency", name: "Agency", monthly: .usdEurSek(34_000), visits: 400_000, diskGB: 100, cdnGB: 1_000),
            Plan(id: "enterprise", name: "Enterprise", monthly: .usdEurSek(67_500), visits: 1_000_000, diskGB: 250, cdnGB: 2_500),
        ],
        addOns: [
            AddOn(id: "redis", name: "Redis", monthly: .usdEurSek(10_000), scope: .site),
            AddOn(id: "disk20", name: "Extra disk 20 GB", monthly: .usdEurSek(2_000), scope: .company, diskGB: 20),
            AddOn(id: "proxy", name: "Reverse proxy", monthly: .usdEurSek(5_000), scope: .site),
            AddOn(id: "backups", name: "Hourly backups", monthly: .usdEurSek(5_000), scope: .site),
        ])
}

extension Catalog {
    private enum CodingKeys: String, CodingKey {
        case plans, addOns, overage
    }

    /// A catalog as ``encode(to:)`` wrote it; the item identifiers are derived.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        plans = try container.decode([PlanID: Plan].self, forKey: .plans)
        addOns = try container.decode([AddOnID: AddOn].self, forKey: .addOns)
        overage = try container.decode(OveragePrices.self, forKey: .overage)
        itemIDs = []
        itemPositions = [:]
        setItems()
    }

    /// Plans, add-ons and overage prices; the item identifiers are derived.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(plans, forKey: .plans)
        try container.encode(addOns, forKey: .addOns)
        try container.encode(overage, forKey: .overage)
    }
}
