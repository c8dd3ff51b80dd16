/// Every way a company or user operation can fail. A failed operation changes nothing.
public enum BillingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The user's role does not allow the operation (or they have none in the company).
    case denied(AccessDenied)
    /// The text is not an email address.
    case invalidEmail(String)
    /// No user with this email (or id) exists.
    case unknownUser(String)
    /// No company with this id exists.
    case unknownCompany(String)
    /// A company with this id exists already.
    case duplicateCompany(String)
    /// The invoice-number prefix given for a company is another series' already.
    case numberPrefixTaken(prefix: String, company: String)
    /// The catalog has no plan with this id.
    case unknownPlan(String)
    /// The catalog has no add-on with this id.
    case unknownAddOn(String)
    /// The plan or add-on has no price in the company's currency.
    case notSoldIn(item: String, currency: Currency)
    /// The company has no site with this id.
    case unknownSite(String)
    /// The company has a site with this id already.
    case duplicateSite(String)
    /// The add-on is per site and needs a site, or per company and takes none.
    case addOnScope(addOn: String, needsSite: Bool)
    /// The add-on is already active there.
    case addOnAlreadyActive(String)
    /// The add-on is not active there.
    case addOnNotActive(String)
    /// The user already holds a role in the company.
    case alreadyMember(user: String, company: String)
    /// The user holds no role in the company.
    case notMember(user: String, company: String)
    /// There is no pending invitation for this email in the company.
    case noInvitation(email: String, company: String)
    /// The invitation expired before it was accepted.
    case invitationExpired(email: String, company: String)
    /// Nobody can be invited as, or changed into, the Owner: ownership is transferred.
    case ownerOnlyByTransfer
    /// The Owner cannot be removed or demoted except through a transfer.
    case ownerCannotBeRemoved(String)
    /// Ownership goes only to an Administrator of the same company.
    case transferNeedsAdministrator(String)
    /// A site role names no sites.
    case emptySiteRole
    /// Notification settings can only be changed by the user themselves.
    case notificationsAreSelfOnly(actor: String, target: String)
    /// The account is closed: nothing more can be done in it.
    case accountClosed(String)
    /// The world would start before the VAT table's first date (or the table lacks an
    /// EU member state): one of its invoices could need a rate the table does not hold.
    case beforeTaxTable(TaxTableGap)
    /// The VAT number does not fit the company's country (its prefix or its shape; see
    /// ``VATNumber``): `number` as it was given. Changing only the country checks the
    /// number the company has against the new one.
    case invalidVATNumber(number: String, country: Country, reason: VATNumber.Problem)
    /// A value is out of range (negative usage, an amount in the wrong currency, …).
    case invalidValue(String)

    /// A message for people: what happened, and what to do where it helps.
    public var description: String {
        switch self {
        case .denied(let denial): "access denied: \(denial)"
        case .invalidEmail(let text): "'\(text)' is not an email address"
        case .unknownUser(let email): "no user \(email)"
        case .unknownCompany(let id): "no company \(id)"
        case .duplicateCompany(let id): "company \(id) exists already"
        case .numberPrefixTaken(let prefix, let id):
            "the invoice number prefix \(prefix) of company \(id) is already another series' (a company's or the seller's): "
                + "give it another prefix, so that no two documents share a number"
        case .unknownPlan(let id): "the catalog has no plan '\(id)'"
        case .unknownAddOn(let id): "the catalog has no add-on '\(id)'"
        case .notSoldIn(let item, let currency): "\(item) has no price in \(currency.code)"
        case .unknownSite(let id): "no site '\(id)' in this company"
        case .duplicateSite(let id): "site '\(id)' exists already"
        case .addOnScope(let addOn, let needsSite):
            needsSite ? "add-on \(addOn) is per site: name the site" : "add-on \(addOn) is per company: name no site"
        case .addOnAlreadyActive(let addOn): "add-on \(addOn) is already active there"
        case .addOnNotActive(let addOn): "add-on \(addOn) is not active there"
        case .alreadyMember(let user, let company): "\(user) already has a role in company \(company)"
        case .notMember(let user, let company): "\(user) has no role in company \(company)"
        case .noInvitation(let email, let company): "no pending invitation for \(email) to company \(company)"
        case .invitationExpired(let email, let company): "the invitation of \(email) to company \(company) has expired"
        case .ownerOnlyByTransfer: "nobody becomes Owner except by a transfer of ownership"
        case .ownerCannotBeRemoved(let user): "\(user) is the Owner: transfer ownership first"
        case .transferNeedsAdministrator(let user): "ownership can only go to an Administrator, and \(user) is not one"
        case .emptySiteRole: "a site role needs at least one site"
        case .notificationsAreSelfOnly(let actor, let target):
            "\(actor) may not change the notification settings of \(target): only users change their own"
        case .accountClosed(let id): "the account of company \(id) is closed"
        case .beforeTaxTable(let gap): "\(gap)"
        case .invalidVATNumber(let number, let country, let reason):
            "'\(number)' is not a VAT number for a company in \(country): \(reason)"
        case .invalidValue(let text): text
        }
    }
}
