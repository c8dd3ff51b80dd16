/// A metered quantity with an allowance and an overage price.
public enum Metric: String, Sendable, Hashable, Codable, CaseIterable {
    /// Site visits; overage per started block of 1,000.
    case visits
    /// CDN traffic in GB.
    case cdn
    /// Disk in GB (the period's peak).
    case disk
}

/// One line of an invoice. Descriptions are built from the kind and the catalog when
/// shown, so a line stays a few integers in memory.
public struct InvoiceLine: Sendable, Hashable, Codable {
    /// What a line bills.
    public enum Kind: Sendable, Hashable, Codable {
        /// The plan for one period of a cycle.
        case plan(PlanID, BillingCycle)
        /// An add-on (with its site for per-site add-ons).
        case addOn(AddOnID, site: SiteID?)
        /// Usage above the allowance.
        case overage(Metric)
        /// Credit for the unused time of the old plan after a change.
        case planCredit(PlanID, BillingCycle)
        /// Charge for the remaining time of the new plan after a change.
        case planCharge(PlanID, BillingCycle)
        /// Credit for the unused time of a removed add-on.
        case addOnCredit(AddOnID, site: SiteID?)
    }

    /// What the line bills.
    public var kind: Kind
    /// Units billed: 1 for plans and add-ons, blocks or GB for overages.
    public var quantity: Int64
    /// Price per unit in minor units (before proration).
    public var unitPrice: Int64
    /// The amount in minor units: quantity × unit price, prorated and rounded; negative
    /// for credits.
    public var amount: Int64
    /// Start of the service period the line covers.
    public var periodStart: Instant
    /// End (exclusive) of the service period the line covers.
    public var periodEnd: Instant
    /// For a credit, the invoice whose charge it reverses (its VAT is reversed at that
    /// invoice's treatment); `nil` for charges, and for credits of a charge not yet
    /// invoiced, which share its document.
    public var credits: CreditReference?

    /// A line.
    public init(
        kind: Kind, quantity: Int64, unitPrice: Int64, amount: Int64, periodStart: Instant, periodEnd: Instant,
        credits: CreditReference? = nil
    ) {
        self.kind = kind
        self.quantity = quantity
        self.unitPrice = unitPrice
        self.amount = amount
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.credits = credits
    }

    /// The line's period as people read it: `2026-01-01 – 2026-01-31`.
    public var printedPeriod: String { InvoiceLine.printedPeriod(periodStart, periodEnd) }

    /// A period from `start` to the exclusive `end` as people read it: the start, an en
    /// dash and the last included day.
    public static func printedPeriod(_ start: Instant, _ end: Instant) -> String { "\(start) – \(end.lastIncludedDay)" }

    /// The text an invoice prints for this line, with names from `catalog`.
    public func description(in catalog: Catalog) -> String {
        func planName(_ id: PlanID) -> String { catalog.plans[id]?.name ?? id }
        func addOnName(_ id: AddOnID, _ site: SiteID?) -> String {
            let name = catalog.addOns[id]?.name ?? id
            return site.map { "\(name), site \($0)" } ?? name
        }
        switch kind {
        case .plan(let plan, let cycle): return "\(planName(plan)) plan (\(cycle.invoiceLabel))"
        case .addOn(let id, let site): return "Add-on: \(addOnName(id, site))"
        case .overage(.visits): return "Overage: visits (per 1,000)"
        case .overage(.cdn): return "Overage: CDN (GB)"
        case .overage(.disk): return "Overage: disk (GB)"
        case .planCredit(let plan, let cycle): return "Unused time on \(planName(plan)) plan (\(cycle.invoiceLabel))"
        case .planCharge(let plan, let cycle): return "Remaining time on \(planName(plan)) plan (\(cycle.invoiceLabel))"
        case .addOnCredit(let id, let site): return "Unused time on add-on: \(addOnName(id, site))"
        }
    }
}

extension InvoiceLine.Kind {
    /// The plan or add-on the line names; `nil` for overage.
    public var item: String? {
        switch self {
        case .plan(let id, _), .planCredit(let id, _), .planCharge(let id, _), .addOn(let id, _), .addOnCredit(let id, _): id
        case .overage: nil
        }
    }
}
