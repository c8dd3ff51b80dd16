/// Which environment of a site an operation touches.
public enum SiteEnvironment: String, Sendable, Hashable, Codable, CaseIterable {
    /// The production site.
    case live
    /// The staging copy.
    case staging
}

/// Everything a user can try to do in a company: the rows of DOMAIN.md's permission
/// table. Every company operation names one of these and asks ``Permissions``.
public enum Operation: Sendable, Hashable, Codable, CustomStringConvertible {
    /// List, view or download invoices.
    case viewInvoices
    /// Be a recipient of the month-end invoice emails.
    case receiveInvoiceEmails
    /// View company settings.
    case viewCompanySettings
    /// Edit the company's name, address or VAT number.
    case editCompanyDetails
    /// Edit the payment method.
    case editPaymentMethod
    /// Change the plan or billing cycle.
    case changePlan
    /// Add or remove add-ons.
    case manageAddOns
    /// Invite, remove or change company-level users.
    case manageCompanyUsers
    /// Invite or remove site-level users.
    case manageSiteUsers
    /// View and manage all sites (list them, add or remove sites).
    case manageAllSites
    /// View and manage one site's environment.
    case manageSite(SiteID, SiteEnvironment)
    /// Close the account.
    case closeAccount
    /// Transfer ownership to an Administrator.
    case transferOwnership

    /// Every operation, with `site` standing for the site-scoped ones: the table's rows.
    public static func allCases(site: SiteID) -> [Operation] {
        [
            .viewInvoices, .receiveInvoiceEmails, .viewCompanySettings, .editCompanyDetails,
            .editPaymentMethod, .changePlan, .manageAddOns, .manageCompanyUsers, .manageSiteUsers,
            .manageAllSites, .manageSite(site, .live), .manageSite(site, .staging), .closeAccount,
            .transferOwnership,
        ]
    }

    /// Words for messages: `view invoices`, `manage site shop (staging)`.
    public var description: String {
        switch self {
        case .viewInvoices: "view invoices"
        case .receiveInvoiceEmails: "receive invoice emails"
        case .viewCompanySettings: "view company settings"
        case .editCompanyDetails: "edit company details"
        case .editPaymentMethod: "edit the payment method"
        case .changePlan: "change plan"
        case .manageAddOns: "manage add-ons"
        case .manageCompanyUsers: "manage company users"
        case .manageSiteUsers: "manage site users"
        case .manageAllSites: "manage all sites"
        case .manageSite(let site, let environment): "manage site \(site) (\(environment.rawValue))"
        case .closeAccount: "close the account"
        case .transferOwnership: "transfer ownership"
        }
    }
}
