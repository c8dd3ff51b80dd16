/// The identifier of a site within its company, for example `shop`.
public typealias SiteID = String

/// What a user is in one company. Company-level roles see the company; site-level roles
/// see only the sites they list.
public enum Role: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Exactly one per company: an Administrator who may also close the account and
    /// transfer ownership.
    case owner
    /// Manages everything but the account's existence and ownership.
    case administrator
    /// Manages all sites and site-level users; sees no billing.
    case developer
    /// Company Billing: billing details and company settings, invoices, no sites.
    case billing
    /// Site Administrator of the listed sites (live and staging).
    case siteAdministrator(sites: [SiteID])
    /// Site Developer of the listed sites (staging only).
    case siteDeveloper(sites: [SiteID])

    /// True for Owner, Administrator, Developer and Billing.
    public var isCompanyLevel: Bool {
        switch self {
        case .owner, .administrator, .developer, .billing: true
        case .siteAdministrator, .siteDeveloper: false
        }
    }

    /// The same role with its site list sorted and unique, so equal roles compare equal.
    public var normalized: Role {
        switch self {
        case .siteAdministrator(let sites): .siteAdministrator(sites: Array(Set(sites)).sorted())
        case .siteDeveloper(let sites): .siteDeveloper(sites: Array(Set(sites)).sorted())
        default: self
        }
    }

    /// `Owner`, `Billing`, `Site Administrator (blog, shop)`, …
    public var description: String {
        switch self {
        case .owner: "Owner"
        case .administrator: "Administrator"
        case .developer: "Developer"
        case .billing: "Billing"
        case .siteAdministrator(let sites): "Site Administrator (\(sites.joined(separator: ", ")))"
        case .siteDeveloper(let sites): "Site Developer (\(sites.joined(separator: ", ")))"
        }
    }
}
