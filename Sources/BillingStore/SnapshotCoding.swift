internal import BillingCore

// How values that are not plain numbers or text are written in snapshot columns, both
// ways, in one place.

enum SnapshotCoding {
    /// A role as (role, sites): `owner`, `administrator`, `developer`, `billing`,
    /// `site-administrator` / `site-developer` with sites joined by commas.
    static func encode(_ role: Role) -> (String, String?) {
        switch role {
        case .owner: ("owner", nil)
        case .administrator: ("administrator", nil)
        case .developer: ("developer", nil)
        case .billing: ("billing", nil)
        case .siteAdministrator(let sites): ("site-administrator", sites.joined(separator: ","))
        case .siteDeveloper(let sites): ("site-developer", sites.joined(separator: ","))
        }
    }

    static func role(_ name: String, sites: String?) -> Role? {
        let list = sites.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) } ?? []
        switch name {
        case "owner": return .owner
        case "administrator": return .administrator
        case "developer": return .developer
        case "billing": return .billing
        case "site-administrator": return .siteAdministrator(sites: list)
        case "site-developer": return .siteDeveloper(sites: list)
        default: return nil
        }
    }

    /// A line kind as (kind, item, site, cycle).
    static func encode(_ kind: InvoiceLine.Kind) -> (String, String?, String?, String?) {
        switch kind {
        case .plan(let plan, let cycle): ("plan", plan, nil, cycle.rawValue)
        case .addOn(let addOn, let site): ("add-on", addOn, site, nil)
        case .overage(let metric): ("overage", metric.rawValue, nil, nil)
        case .planCredit(let plan, let cycle): ("plan-credit", plan, nil, cycle.rawValue)
        case .planCharge(let plan, let cycle): ("plan-charge", plan, nil, cycle.rawValue)
        case .addOnCredit(let addOn, let site): ("add-on-credit", addOn, site, nil)
        }
    }

    static func lineKind(_ kind: String, item: String?, site: String?, cycle: String?) -> InvoiceLine.Kind? {
        let item = item ?? ""
        let cycle = cycle.flatMap(BillingCycle.init(rawValue:))
        switch kind {
        case "plan": return cycle.map { .plan(item, $0) }
        case "add-on": return .addOn(item, site: site)
        case "overage": return Metric(rawValue: item).map { .overage($0) }
        case "plan-credit": return cycle.map { .planCredit(item, $0) }
        case "plan-charge": return cycle.map { .planCharge(item, $0) }
        case "add-on-credit": return .addOnCredit(item, site: site)
        default: return nil
        }
    }

    /// A tax treatment as (tax, basis points): `domestic`, `destination` (with a rate),
    /// `reverse-charge`, `outside`.
    static func encode(_ tax: TaxTreatment) -> (String, Int64?) {
        switch tax {
        case .domestic(let rate): ("domestic", rate.basisPoints)
        case .destination(let rate): ("destination", rate.basisPoints)
        case .reverseCharge: ("reverse-charge", nil)
        case .outsideScope: ("outside", nil)
        }
    }

    static func tax(_ name: String, basisPoints: Int64?) -> TaxTreatment? {
        switch name {
        case "domestic": basisPoints.map { .domestic(TaxRate(basisPoints: $0)) }
        case "destination": basisPoints.map { .destination(TaxRate(basisPoints: $0)) }
        case "reverse-charge": .reverseCharge
        case "outside": .outsideScope
        default: nil
        }
    }
}
