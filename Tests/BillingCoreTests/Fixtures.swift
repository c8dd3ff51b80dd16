import BillingCore
import Testing

// Shared builders for the BillingCore tests: dates, users and companies as plain values.

/// Midnight UTC of a date that exists; the tests only name real dates.
func day(_ year: Int, _ month: Int, _ day: Int) -> CivilDate {
    guard let date = CivilDate(year: year, month: month, day: day) else {
        preconditionFailure("the tests named a date that does not exist: \(year)-\(month)-\(day)")
    }
    return date
}

/// Midnight UTC of `year-month-day`, plus an optional time of day.
func at(_ year: Int, _ month: Int, _ dayOfMonth: Int, _ hour: Int64 = 0, _ minute: Int64 = 0, _ second: Int64 = 0)
    -> Instant
{
    Instant(day(year, month, dayOfMonth)).adding(seconds: hour * 3600 + minute * 60 + second)
}

/// The people of the tests. Ids are fixed so denials and dumps are predictable.
enum People {
    static let owner = UserRef(id: UserID(0), email: "olga@acme.se")
    static let admin = UserRef(id: UserID(1), email: "adam@acme.se")
    static let developer = UserRef(id: UserID(2), email: "dev@acme.se")
    static let billing = UserRef(id: UserID(3), email: "bo@partner.se")
    static let siteAdmin = UserRef(id: UserID(4), email: "sia@acme.se")
    static let siteDeveloper = UserRef(id: UserID(5), email: "sid@acme.se")
    static let outsider = UserRef(id: UserID(6), email: "eve@elsewhere.com")
    static let newcomer = UserRef(id: UserID(7), email: "nina@acme.se")
    static let another = UserRef(id: UserID(8), email: "otto@acme.se")
}

/// Details of a company in `country`, with an optional VAT number.
func details(_ country: String, vat: String = "", name: String = "Acme AB") -> CompanyDetails {
    guard let code = Country(rawValue: country) else { preconditionFailure("bad country code \(country)") }
    return CompanyDetails(name: name, address: "Storgatan 1, Stockholm", country: code, vatNumber: vat)
}

/// A company `acme` with Olga as Owner, by default a US company on the monthly Business
/// plan (no VAT, so amounts are easy to check), signing up at `start`.
func company(
    id: String = "acme", country: String = "US", vat: String = "", currency: Currency = .usd,
    plan: PlanID = "business", cycle: BillingCycle = .monthly, anchorMode: AnchorMode = .anniversary,
    start: Instant = at(2026, 1, 15), numberPrefix: String? = nil
) -> CompanyState {
    CompanyState(
        id: id, index: 0, details: details(country, vat: vat), currency: currency, plan: plan, cycle: cycle,
        anchorMode: anchorMode, owner: People.owner.id, start: start, numberPrefix: numberPrefix)
}

/// A company with sites `a` and `b` and one member of every role: the site roles are
/// scoped to site `a`.
func staffedCompany() -> CompanyState {
    var state = company()
    state.setUpSite(Site(id: "a", name: "Shop"))
    state.setUpSite(Site(id: "b", name: "Blog"))
    state.addMember(People.admin.id, .administrator)
    state.addMember(People.developer.id, .developer)
    state.addMember(People.billing.id, .billing)
    state.addMember(People.siteAdmin.id, .siteAdministrator(sites: ["a"]))
    state.addMember(People.siteDeveloper.id, .siteDeveloper(sites: ["a"]))
    return state
}

/// The default world settings: Swedish seller, standard catalog and EU tax table.
let standard = WorldSettings()

/// Runs `body` on a copy of `state` and expects it to throw exactly `expected` and to
/// leave the copy equal to `state`: a failed operation changes nothing.
func expectFailure(
    _ expected: BillingError, in state: CompanyState, sourceLocation: SourceLocation = #_sourceLocation,
    _ body: (inout CompanyState) throws(BillingError) -> Void
) {
    var copy = state
    var caught: BillingError?
    do {
        try body(&copy)
    } catch {
        caught = error
    }
    #expect(caught == expected, sourceLocation: sourceLocation)
    #expect(copy == state, "the failed operation changed the company", sourceLocation: sourceLocation)
}

/// Expects `body` to be denied to `actor` for `operation` in `state`'s company, naming
/// the user's email, the operation and the company id, and to change nothing.
func expectDenied(
    _ actor: UserRef, _ operation: Operation, in state: CompanyState,
    sourceLocation: SourceLocation = #_sourceLocation, _ body: (inout CompanyState) throws(BillingError) -> Void
) {
    let denial = AccessDenied(user: actor.email, operation: operation, company: state.id)
    expectFailure(.denied(denial), in: state, sourceLocation: sourceLocation, body)
}

/// A credit's reference to acme's first invoice (position 0, `ACME-000001`), or the one at
/// `position`, charged under `tax` (none, for the default US company).
func creditOf(_ position: Int32 = 0, tax: TaxTreatment = .outsideScope) -> CreditReference {
    CreditReference(invoice: position, number: InvoiceNumber(prefix: "ACME", sequence: Int64(position) + 1), tax: tax)
}
