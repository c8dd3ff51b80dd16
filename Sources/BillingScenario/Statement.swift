public import BillingCore
public import BillingRuntime

/// One line of a scenario, parsed: what it says and where it was written.
public struct Statement: Sendable, Hashable {
    /// What a statement does.
    public indirect enum Kind: Sendable, Hashable {
        // The world, before anything else.
        /// `seed N`.
        case seed(UInt64)
        /// `start INSTANT`.
        case start(Instant)
        /// `seller "Name" country CC …`.
        case seller(Seller)
        /// `numbering per-company|seller-wide`.
        case numbering(NumberingScheme)
        /// `catalog empty`.
        case catalogEmpty
        /// `plan ID "Name" monthly PRICES …`.
        case plan(Plan)
        /// `addon ID "Name" monthly PRICES per site|company`.
        case addOn(AddOn)
        /// `overage visits|cdn|disk PRICES`.
        case overage(Metric, PriceList)
        /// `vat CC RATE from DATE`.
        case vat(Country, TaxRate, CivilDate)
        /// `exchange CUR SEK RATE from DATE`: kronor per unit, in ten-thousandths.
        case exchange(Currency, sekPerUnit: Int64, CivilDate)

        // Users, companies, populations.
        /// `user EMAIL ["Name"]`.
        case user(email: String, name: String)
        /// `company ID "Name" owner EMAIL …`; without `country`, the company is in the
        /// seller's country, known only once the world is.
        case company(CompanySpec, owner: String, inSellerCountry: Bool)
        /// `generate N companies …`.
        case generate(PopulationSpec)

        // What happens.
        /// `[as EMAIL:] ACTION`; without a user, the company's Owner acts.
        case action(Action, user: String?)
        /// `usage C [site S] METRIC N`.
        case usage(company: String, site: SiteID?, Metric, Int64)
        /// `credit C AMOUNT [CUR]`.
        case credit(company: String, Amount)
        /// `advance N days|months|years`.
        case advance(SimulatedDuration)
        /// `advance to INSTANT`.
        case advanceTo(Instant)
        /// `on INSTANT: STATEMENT`.
        case on(Instant, Statement)
        /// `expect …`.
        case expect(Expectation)
        /// `save snapshot "path"`: the whole world to an SQLite file (path relative to
        /// the scenario's folder, resolved when parsed).
        case saveSnapshot(String)
        /// `restore snapshot "path"`: replaces the world with the one saved there.
        case restoreSnapshot(String)
    }

    /// What it does.
    public var kind: Kind
    /// Where it starts.
    public var location: SourceLocation
    /// The line as written, for reports and diagnostics.
    public var text: String

    /// A statement.
    public init(_ kind: Kind, at location: SourceLocation, text: String) {
        self.kind = kind
        self.location = location
        self.text = text
    }

    /// True for `expect …`, also after `on …:`.
    var isExpectation: Bool {
        switch kind {
        case .expect: true
        case .on(_, let inner): inner.isExpectation
        default: false
        }
    }

    /// True for statements that describe the world and must come first.
    var isWorld: Bool {
        switch kind {
        case .seed, .start, .seller, .numbering, .catalogEmpty, .plan, .addOn, .overage, .vat: true
        default: false
        }
    }
}

/// An amount as written: minor units, and the currency when one was given.
public struct Amount: Sendable, Hashable, CustomStringConvertible {
    /// Minor units (hundredths).
    public var minorUnits: Int64
    /// The currency written after the amount, if any.
    public var currency: Currency?

    /// An amount.
    public init(minorUnits: Int64, currency: Currency?) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    /// `12.50` or `12.50 USD`.
    public var description: String {
        let text = Money(minorUnits: minorUnits, .usd).decimalString
        return currency.map { "\(text) \($0.code)" } ?? text
    }
}
