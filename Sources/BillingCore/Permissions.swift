/// The permission table of DOMAIN.md as one decision function.
///
/// Every company operation asks ``allows(_:_:)`` before it changes anything. Changing
/// one's own notification settings is not here: it is a user setting, allowed to the
/// user alone (``UserDirectory``-level, see `NotificationSettings`).
public enum Permissions {
    /// Whether a user holding `role` (or no role: `nil`) may perform `operation`.
    public static func allows(_ role: Role?, _ operation: Operation) -> Bool {
        guard let role else { return false }
        switch role {
        case .owner:
            return true
        case .administrator:
            return operation != .closeAccount && operation != .transferOwnership
        case .developer:
            switch operation {
            case .manageSiteUsers, .manageAllSites, .manageSite: return true
            default: return false
            }
        case .billing:
            switch operation {
            case .viewInvoices, .receiveInvoiceEmails, .viewCompanySettings, .editCompanyDetails,
                .editPaymentMethod:
                return true
            default: return false
            }
        case .siteAdministrator(let sites):
            if case .manageSite(let site, _) = operation { return sites.contains(site) }
            return false
        case .siteDeveloper(let sites):
            if case .manageSite(let site, .staging) = operation { return sites.contains(site) }
            return false
        }
    }

    /// True for the roles that may receive invoice emails: Owner, Administrator, Billing.
    public static func receivesInvoices(_ role: Role) -> Bool { allows(role, .receiveInvoiceEmails) }
}
