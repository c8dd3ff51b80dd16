public import BillingCore

/// Why a ``WorldImage`` cannot be restored: an invariant that every world a
/// ``Simulation`` makes keeps, broken (by a hand-edited or crafted snapshot). Companies
/// are named by index and id, their rows by position: the keys of the snapshot tables
/// (`companies.idx`, `invoices.company` and `invoices.position`, …).
public enum WorldInconsistency: Error, Sendable, Hashable, CustomStringConvertible {
    /// The schedule has another number of entries than there are companies.
    case scheduleCount(entries: Int, companies: Int)
    /// The simulated instant is before the start, or the next month end does not follow it.
    case clock(String)
    /// Two users share an email, or an email is not in normal form (`users.id`).
    case userEmail(user: Int, email: String)
    /// A company's index is not its position.
    case companyIndex(company: Int, id: String, index: Int32)
    /// Two companies share an id.
    case duplicateCompany(company: Int, id: String)
    /// A company's number prefix is another company's, or the seller's series prefix.
    case duplicatePrefix(company: Int, id: String, prefix: String)
    /// A company has no details.
    case noDetails(company: Int, id: String)
    /// A company's details name a country that does not exist (`company_details`).
    case unknownCountry(company: Int, id: String, revision: Int, country: String)
    /// A company's VAT number does not fit the country of the same details, or is not in
    /// the normal form every company keeps (``VATNumber``; `company_details`).
    case vatNumber(company: Int, id: String, revision: Int, number: String, detail: String)
    /// The seller's country does not exist (`world.seller_country`).
    case unknownSellerCountry(String)
    /// The world starts before the first date of its VAT table, or the table has no rate
    /// for an EU member state (`world.start`, `tax_rates`).
    case taxTable(TaxTableGap)
    /// A company's plan is not in the catalog, or has no price in its cycle and currency.
    case planNotSold(company: Int, id: String, plan: String, cycle: BillingCycle, currency: Currency)
    /// An add-on in use is not in the catalog, has no price in the company's currency,
    /// or its site does not fit its scope (`active_addons.position`).
    case addOn(company: Int, id: String, position: Int, detail: String)
    /// Not exactly one member is the Owner.
    case owners(company: Int, id: String, count: Int)
    /// A user is a member twice (`memberships.position`).
    case duplicateMember(company: Int, id: String, position: Int, user: Int32)
    /// A member, an invitation or an email names a user that does not exist.
    case unknownUser(company: Int, id: String, what: String, user: Int32)
    /// Two sites share an id (`sites.position`).
    case duplicateSite(company: Int, id: String, position: Int, site: String)
    /// A site role names a site the company does not have (`memberships.position`).
    case unknownSite(company: Int, id: String, position: Int, site: String)
    /// An invoice names a details revision that does not exist (`invoices.position`).
    case detailsRevision(company: Int, id: String, invoice: Int, revision: Int32)
    /// More invoices emailed than exist, or a draft counted as emailed.
    case emailedCount(company: Int, id: String, emailed: Int, invoices: Int)
    /// An invoice's number is wrong: a draft where numbers are per company, a draft
    /// before a numbered invoice, another series' prefix, a number used twice or not
    /// below the series' next number (`invoices.position`).
    case invoiceNumber(company: Int, id: String, invoice: Int, detail: String)
    /// An invoice's amounts do not add up: subtotal and lines, tax, total, balance
    /// applied and amount due (`invoices.position`).
    case invoiceTotals(company: Int, id: String, invoice: Int, detail: String)
    /// The lines waiting for the next invoice add up to more than an invoice can hold.
    case pendingTotal(company: Int, id: String)
    /// The company's periods or usage window do not fit its anchor, or its next due
    /// instant is not after `world.now`, or the schedule disagrees with it.
    case schedule(company: Int, id: String, detail: String)
    /// An email names an invoice that does not exist, or not by its number (`outbox.position`).
    case email(position: Int, detail: String)

    /// What is wrong, naming the row.
    public var description: String {
        func company(_ index: Int, _ id: String) -> String { "company \(index) ('\(id)')" }
        return switch self {
        case .scheduleCount(let entries, let companies): "\(entries) schedule entries for \(companies) companies"
        case .clock(let detail): "world: \(detail)"
        case .userEmail(let user, let email): "users id \(user): the email '\(email)' appears twice or is not in normal form"
        case .companyIndex(let index, let id, let stored): "companies idx \(index): '\(id)' has index \(stored)"
        case .duplicateCompany(let index, let id): "companies idx \(index): another company also has the id '\(id)'"
        case .duplicatePrefix(let index, let id, let prefix):
            "companies idx \(index) ('\(id)'): the number prefix '\(prefix)' is another series' too (a company's or the seller's)"
        case .noDetails(let index, let id): "\(company(index, id)) has no company_details row"
        case .unknownCountry(let index, let id, let revision, let country):
            "company_details of \(company(index, id)), revision \(revision): '\(country)' is not an ISO 3166-1 country"
        case .vatNumber(let index, let id, let revision, let number, let detail):
            "company_details of \(company(index, id)), revision \(revision): the VAT number '\(number)' \(detail)"
        case .unknownSellerCountry(let country): "world.seller_country: '\(country)' is not an ISO 3166-1 country"
        case .taxTable(let gap): "world.start and tax_rates: \(gap)"
        case .planNotSold(let index, let id, let plan, let cycle, let currency):
            "companies idx \(index) ('\(id)'): the plan '\(plan)' has no \(cycle.rawValue) price in \(currency.code)"
        case .addOn(let index, let id, let position, let detail): "active_addons of \(company(index, id)), position \(position): \(detail)"
        case .owners(let index, let id, let count): "memberships of \(company(index, id)): \(count) Owners, expected exactly 1"
        case .duplicateMember(let index, let id, let position, let user):
            "memberships of \(company(index, id)), position \(position): user \(user) is already a member"
        case .unknownUser(let index, let id, let what, let user):
            "\(what) of \(company(index, id)) names user \(user), which does not exist"
        case .duplicateSite(let index, let id, let position, let site):
            "sites of \(company(index, id)), position \(position): the site id '\(site)' is used twice"
        case .unknownSite(let index, let id, let position, let site):
            "memberships of \(company(index, id)), position \(position): the role names the site '\(site)', which does not exist"
        case .detailsRevision(let index, let id, let invoice, let revision):
            "invoices of \(company(index, id)), position \(invoice): details revision \(revision) does not exist"
        case .emailedCount(let index, let id, let emailed, let invoices):
            "companies idx \(index) ('\(id)'): emailed_count \(emailed) for \(invoices) numbered invoices"
        case .invoiceNumber(let index, let id, let invoice, let detail): "invoices of \(company(index, id)), position \(invoice): \(detail)"
        case .invoiceTotals(let index, let id, let invoice, let detail): "invoices of \(company(index, id)), position \(invoice): \(detail)"
        case .pendingTotal(let index, let id): "pending_lines of \(company(index, id)) add up to more than an invoice can hold"
        case .schedule(let index, let id, let detail): "companies idx \(index) ('\(id)'): \(detail)"
        case .email(let position, let detail): "outbox position \(position): \(detail)"
        }
    }
}
