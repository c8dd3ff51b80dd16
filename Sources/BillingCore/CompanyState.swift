/// Everything one customer company owns, as a value: details, plan, sites, add-ons,
/// usage, members, invitations, invoices and balance.
///
/// Every operation is a mutating method that checks ``Permissions`` first and throws
/// ``BillingError`` without changing anything when it fails. The runtime's `Company`
/// actor owns one of these; tests and the baseline loop use it directly.
public struct CompanyState: Sendable, Hashable {
    /// The company's identifier, for example `acme`.
    public let id: String
    /// Its position in the world, for fixed-order merges.
    public let index: Int32
    /// Every revision of the company's details; the last is current.
    public internal(set) var detailsHistory: [CompanyDetails] {
        didSet { buyer = Buyer(detailsHistory) }
    }
    /// What issuing an invoice needs of the current details, kept inline: reading the
    /// history's buffer for every invoice was a cache miss each at scale.
    var buyer: Buyer
    /// The currency of every amount.
    public let currency: Currency
    /// The current plan.
    public internal(set) var plan: PlanID
    /// The current billing cycle.
    public internal(set) var cycle: BillingCycle
    /// Anniversary or calendar-month periods.
    public internal(set) var anchorMode: AnchorMode
    /// Where the current periods are counted from.
    public internal(set) var anchor: BillingAnchor
    /// Month index (from the anchor) of the current plan period's nominal start.
    public internal(set) var periodIndex: Int
    /// Start of the current plan period (later than its nominal start only for a
    /// prorated first calendar-month period).
    public internal(set) var periodStart: Instant
    /// Whether the current plan period has been invoiced.
    public internal(set) var periodBilled: Bool
    /// Month index of the current usage window.
    public internal(set) var usageIndex: Int
    /// Start of the current usage window.
    public internal(set) var usageStart: Instant
    /// Usage in the current window.
    public internal(set) var usage: Usage
    /// Sites, in creation order.
    public internal(set) var sites: [Site]
    /// Add-ons in use, in the order they were added.
    public internal(set) var addOns: [ActiveAddOn]
    /// Account balance (credit) in minor units: applied to the next invoices.
    public internal(set) var balance: Int64
    /// Memberships, sorted by user.
    public internal(set) var members: [Membership]
    /// Invitations, in the order they were made.
    public internal(set) var invitations: [Invitation]
    /// Invoices in the order they were created, compact; read them with
    /// ``invoice(at:)``, ``invoices`` and ``lines(of:)``.
    var invoiceStore: [InvoiceRecord]
    /// Every line of the company: each invoice's lines in invoice order, then the
    /// pending lines (those waiting for the next invoice) at the end.
    var lineStore: [LineRecord]
    /// What line records' ``LineRecord/item`` index: the world catalog's
    /// ``Catalog/itemIDs`` (one copy shared by all companies), adopted with the first
    /// line, then any name the catalog lacks appended.
    var itemNames: [String]
    /// Sites named by lines, sorted: what ``LineRecord/site`` indexes.
    var lineSites: [SiteID]
    /// The credit lines that reverse an invoiced charge, by line: each line's index in
    /// ``lineStore`` and the credited invoice's position. Rare, so kept beside the lines.
    var lineCredits: [LineCredit]
    /// Number prefixes other than ``numberPrefix`` (the seller's series), in order of
    /// first use: what ``InvoiceRecord/series`` 2, 3, … name.
    var otherPrefixes: [String]
    /// The prefix of the company's own invoice series.
    public internal(set) var numberPrefix: String
    /// The next sequence number of the company's own series.
    public internal(set) var nextSequence: Int64
    /// Invoices before this index have been emailed at a month end.
    public internal(set) var emailedCount: Int
    /// Closed accounts are billed no more.
    public internal(set) var closed: Bool
    /// The latest instant billing has been run to (by the clock or before an
    /// operation): operations never happen earlier than this.
    public internal(set) var settledUntil: Instant
    /// Simulated monthly traffic (generated companies); `nil` for scripted ones.
    public internal(set) var profile: UsageProfile?
    /// The company's own random stream, derived from the world seed and its index.
    public internal(set) var random: SplitMix64

    /// A company that signs up at `start` with `owner` as its Owner. Its first plan
    /// invoice is due at `start` (see ``runDue(until:settings:)``).
    public init(
        id: String, index: Int32, details: CompanyDetails, currency: Currency, plan: PlanID,
        cycle: BillingCycle, anchorMode: AnchorMode = .anniversary, owner: UserID, start: Instant,
        numberPrefix: String? = nil, profile: UsageProfile? = nil,
        seed: UInt64 = 0
    ) {
        self.id = id
        self.index = index
        self.detailsHistory = [details]
        self.buyer = Buyer([details])
        self.currency = currency
        self.plan = plan
        self.cycle = cycle
        self.anchorMode = anchorMode
        self.anchor = BillingAnchor(start: start, mode: anchorMode)
        self.periodIndex = 0
        self.periodStart = start
        self.periodBilled = false
        self.usageIndex = 0
        self.usageStart = start
        self.usage = Usage()
        self.sites = []
        self.addOns = []
        self.balance = 0
        self.members = [Membership(user: owner, role: .owner)]
        self.invitations = []
        self.invoiceStore = []
        self.lineStore = []
        self.itemNames = []
        self.lineSites = []
        self.lineCredits = []
        self.otherPrefixes = []
        self.numberPrefix = numberPrefix ?? CompanyState.defaultPrefix(for: id)
        self.nextSequence = 1
        self.emailedCount = 0
        self.closed = false
        self.settledUntil = Instant(seconds: Int64.min)
        self.profile = profile
        self.random = SplitMix64(seed: seed, stream: UInt64(UInt32(bitPattern: index)))
    }

    /// The current details.
    public var details: CompanyDetails { detailsHistory[detailsHistory.count - 1] }

    /// The current payment method, for example `Visa •••• 4242`.
    public var paymentMethod: String { details.paymentMethod }

    /// End (exclusive) of the current plan period.
    public var periodEnd: Instant { anchor.boundary(periodIndex + cycle.months) }

    /// Nominal start of the current plan period: the denominator of proration.
    public var periodNominalStart: Instant { anchor.boundary(periodIndex) }

    /// End (exclusive) of the current usage window.
    public var usageEnd: Instant { anchor.boundary(usageIndex + 1) }

    /// Nominal start of the current usage window: the denominator of per-use proration.
    public var usageNominalStart: Instant { anchor.boundary(usageIndex) }

    /// The account balance as money.
    public var balanceMoney: Money { Money(minorUnits: balance, currency) }

    /// The role of `user` here, `nil` when they have none.
    public func role(of user: UserID) -> Role? {
        members.first(where: { $0.user == user })?.role
    }

    /// The next instant at which this company has billing work due; `nil` once closed.
    public var nextDue: Instant? {
        guard !closed else { return nil }
        if !periodBilled { return periodStart }
        return min(usageEnd, periodEnd)
    }

    /// Throws ``BillingError/denied(_:)`` unless `actor` may perform `operation`, and
    /// ``BillingError/accountClosed(_:)`` on a closed account.
    public func authorize(_ actor: UserRef, _ operation: Operation) throws(BillingError) {
        guard Permissions.allows(role(of: actor.id), operation) else {
            throw .denied(AccessDenied(user: actor.email, operation: operation, company: id))
        }
        if closed { throw .accountClosed(id) }
    }

    /// Takes `prefix` for the company's own series; only before its first invoice, when
    /// the world gives it another prefix than it asked for.
    public mutating func adopt(numberPrefix prefix: String) {
        precondition(invoiceCount == 0, "a series prefix changes only before the first invoice")
        numberPrefix = prefix
    }

    /// Upper-case letters and digits of `id`, at most 8: `acme` gives `ACME`.
    public static func defaultPrefix(for id: String) -> String {
        var kept: String
        if id.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII ids (every generated one) by bytes: the Unicode-aware path below
            // cost more than the rest of drafting a generated company.
            let bytes = id.utf8.lazy.filter { ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) }
            kept = String(decoding: bytes.prefix(8).map { $0 >= 0x61 ? $0 - 0x20 : $0 }, as: UTF8.self)
        } else {
            // Upper-casing may turn a non-ASCII letter into ASCII ones ("ß" gives "SS").
            kept = String(id.uppercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber) }.prefix(8))
        }
        return kept.isEmpty ? "C" : kept
    }
}

/// The current buyer as invoices need it: country and VAT number (they decide the
/// tax) and the revision of the details they print.
struct Buyer: Sendable, Hashable {
    var country: Country
    var vatNumber: String
    var revision: Int32

    init(_ history: [CompanyDetails]) {
        country = history.last?.country ?? .sweden
        vatNumber = history.last?.vatNumber ?? ""
        revision = Int32(history.count - 1)
    }
}
