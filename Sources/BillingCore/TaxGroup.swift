/// The VAT of one treatment on one document. A document has one group, unless it credits
/// an invoice charged under another treatment: a credit reverses VAT at the rate and
/// treatment it was charged with (DOMAIN.md "Corrections and credit notes").
public struct TaxGroup: Sendable, Hashable {
    /// The treatment: a rate, reverse charge or none.
    public var treatment: TaxTreatment
    /// The sum of the lines taxed this way.
    public var base: Int64
    /// The VAT on ``base``, rounded half away from zero to the minor unit.
    public var tax: Int64

    /// A group.
    public init(treatment: TaxTreatment, base: Int64, tax: Int64) {
        self.treatment = treatment
        self.base = base
        self.tax = tax
    }

    /// Groups `amounts` by treatment, in order of first appearance, each taxed on its sum
    /// (tax is computed per document and rate). Sums wrap rather than trap: billing's
    /// bounds keep them exact, and a restore refuses a world whose groups would not be.
    public static func grouping(_ amounts: some Sequence<(TaxTreatment, Int64)>, currency: Currency) -> [TaxGroup] {
        var groups: [TaxGroup] = []
        for (treatment, amount) in amounts {
            if let index = groups.firstIndex(where: { $0.treatment == treatment }) {
                groups[index].base &+= amount
            } else {
                groups.append(TaxGroup(treatment: treatment, base: amount, tax: 0))
            }
        }
        for index in groups.indices {
            groups[index].tax = groups[index].treatment.rate?.tax(on: Money(minorUnits: groups[index].base, currency)).minorUnits ?? 0
        }
        return groups
    }
}

/// The earlier invoice a credit line reverses.
public struct CreditReference: Sendable, Hashable, Codable {
    /// Its position among the company's invoices.
    public var invoice: Int32
    /// Its number; `nil` only while it is a seller-wide draft.
    public var number: InvoiceNumber?
    /// The VAT treatment it was charged with, which the credit reverses.
    public var tax: TaxTreatment

    /// A reference to the invoice at `invoice`.
    public init(invoice: Int32, number: InvoiceNumber?, tax: TaxTreatment) {
        self.invoice = invoice
        self.number = number
        self.tax = tax
    }
}
