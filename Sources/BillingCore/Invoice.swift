/// A finalized (or, in the seller-wide scheme, briefly a draft) invoice.
///
/// Amounts are minor units of ``currency``; ``Money`` views are computed. The buyer's
/// details at the time of issue are the company's details revision ``detailsRevision``.
public struct Invoice: Sendable, Hashable, Codable {
    /// Why the invoice was issued.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// A plan period billed in advance (with add-ons, overages and pending lines on
        /// monthly plans).
        case plan
        /// The monthly per-use invoice of an annual plan: add-ons and overages.
        case perUse = "per-use"
        /// A plan change whose net charge exceeded the threshold, issued at once.
        case proration
        /// The last document of a closed account: usage so far, pending lines and the
        /// unused time credited (see ``CompanyState/closeAccount(by:at:settings:)``).
        case final
    }

    /// The number; `nil` only for a seller-wide draft waiting for its barrier.
    public var number: InvoiceNumber?
    /// Why it was issued.
    public var kind: Kind
    /// The billing cycle it belongs to (per-use invoices are monthly).
    public var cycle: BillingCycle
    /// The creation date: the instant it was finalized.
    public var created: Instant
    /// Start of the service billed.
    public var periodStart: Instant
    /// End (exclusive) of the service billed.
    public var periodEnd: Instant
    /// The currency of every amount.
    public var currency: Currency
    /// The line items.
    public var lines: [InvoiceLine]
    /// Sum of the lines.
    public var subtotal: Int64
    /// VAT treatment: rate, reverse charge or none.
    public var tax: TaxTreatment
    /// VAT amount: per ``taxGroups``, each rate applied to its lines' sum, rounded half
    /// away from zero.
    public var taxAmount: Int64
    /// Subtotal plus VAT: the amount charged.
    public var total: Int64
    /// Account balance used to pay this invoice.
    public var balanceApplied: Int64
    /// What the customer pays: total minus balance applied, never negative.
    public var amountDue: Int64
    /// The account balance left after this invoice.
    public var balanceRemaining: Int64
    /// Index into the company's details history: name, address, country, VAT number as
    /// they were at issue.
    public var detailsRevision: Int32

    /// The amount charged (``total``) as money.
    public var totalMoney: Money { Money(minorUnits: total, currency) }
    /// ``amountDue`` as money.
    public var amountDueMoney: Money { Money(minorUnits: amountDue, currency) }
    /// ``subtotal`` as money.
    public var subtotalMoney: Money { Money(minorUnits: subtotal, currency) }
    /// ``taxAmount`` as money.
    public var taxMoney: Money { Money(minorUnits: taxAmount, currency) }
    /// The service period as people read it: its start, an en dash and its last
    /// included day (`2026-01-01 – 2026-01-31`); ``periodEnd`` stays exclusive.
    public var printedPeriod: String { InvoiceLine.printedPeriod(periodStart, periodEnd) }

    /// Whether it is a credit note (Swedish "kreditfaktura"): its lines sum below zero.
    /// Numbered in the same series; its negative total becomes account balance.
    public var isCreditNote: Bool { subtotal < 0 }
    /// The invoices its credit lines reverse, each once, in line order.
    public var creditedNumbers: [InvoiceNumber] {
        var numbers: [InvoiceNumber] = []
        for case let number? in lines.map({ $0.credits?.number }) where !numbers.contains(number) { numbers.append(number) }
        return numbers
    }
    /// VAT per treatment: the document's own for its charges, and the credited invoice's
    /// for each credit; their taxes add up to ``taxAmount``.
    public var taxGroups: [TaxGroup] { TaxGroup.grouping(lines.map { ($0.credits?.tax ?? tax, $0.amount) }, currency: currency) }
    /// ``balanceApplied`` as money.
    public var balanceAppliedMoney: Money { Money(minorUnits: balanceApplied, currency) }
    /// ``balanceRemaining`` as money.
    public var balanceRemainingMoney: Money { Money(minorUnits: balanceRemaining, currency) }

    /// An invoice, as it was stored (snapshots); billing makes them with `finalize`.
    public init(
        number: InvoiceNumber?, kind: Kind, cycle: BillingCycle, created: Instant, periodStart: Instant, periodEnd: Instant,
        currency: Currency, lines: [InvoiceLine], subtotal: Int64, tax: TaxTreatment, taxAmount: Int64, total: Int64,
        balanceApplied: Int64, amountDue: Int64, balanceRemaining: Int64, detailsRevision: Int32
    ) {
        self.number = number
        self.kind = kind
        self.cycle = cycle
        self.created = created
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.currency = currency
        self.lines = lines
        self.subtotal = subtotal
        self.tax = tax
        self.taxAmount = taxAmount
        self.total = total
        self.balanceApplied = balanceApplied
        self.amountDue = amountDue
        self.balanceRemaining = balanceRemaining
        self.detailsRevision = detailsRevision
    }
}
