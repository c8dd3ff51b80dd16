/// How VAT applies to one invoice, decided by the seller's and the buyer's country and
/// the buyer's VAT number.
public enum TaxTreatment: Sendable, Hashable, Codable {
    /// Buyer in the seller's country: the seller country's standard rate.
    case domestic(TaxRate)
    /// Buyer in another EU country with a VAT number of that country: no VAT, the buyer
    /// accounts for it. "EU" is the EU VAT area on the invoice's date (the United Kingdom
    /// until 2020-12-31).
    case reverseCharge
    /// Buyer in another EU country without a VAT number: the buyer country's rate.
    case destination(TaxRate)
    /// Buyer outside the EU, or a seller outside it with no rate of its own: no VAT.
    case outsideScope

    /// Whether it is the seller country's own VAT.
    public var isDomestic: Bool { if case .domestic = self { true } else { false } }

    /// The rate charged, `nil` when no VAT is charged.
    public var rate: TaxRate? {
        switch self {
        case .domestic(let rate), .destination(let rate): rate
        case .reverseCharge, .outsideScope: nil
        }
    }

    /// The note an invoice prints under reverse charge, in English and Swedish.
    public static let reverseChargeNote = "Reverse charge (Omvänd betalningsskyldighet)"

    /// Decides the treatment of an invoice created on `date`.
    ///
    /// - Parameters:
    ///   - seller: the seller's country (Sweden by default).
    ///   - buyer: the company's country at the time of issue.
    ///   - buyerVATNumber: the company's VAT number; empty or `nil` when it has none. One
    ///     that does not fit `buyer` (``VATNumber/fits(_:_:)``: a Swedish number on a
    ///     German company) counts as none; companies never hold one, they are refused.
    /// - Throws: ``TaxTableGap`` when VAT is due but `rates` has no rate for the
    ///   country on `date` (a date before the table's first one): never 0% by default.
    ///   A seller outside the EU charges its own buyers no VAT unless `rates` has a rate
    ///   for its country.
    public static func decide(
        seller: Country, buyer: Country, buyerVATNumber: String?, on date: CivilDate, rates: TaxTable
    ) throws(TaxTableGap) -> TaxTreatment {
        let sellerInEU = seller.isInEU(on: date)
        if buyer == seller {
            if let rate = rates.rate(for: seller, on: date) { return .domestic(rate) }
            guard !sellerInEU else { throw TaxTableGap(date: date, country: seller, firstDate: rates.firstDate(for: seller)) }
            return .outsideScope
        }
        guard sellerInEU, buyer.isInEU(on: date) else { return .outsideScope }
        if let number = buyerVATNumber, VATNumber.fits(number, buyer) { return .reverseCharge }
        guard let rate = rates.rate(for: buyer, on: date) else {
            throw TaxTableGap(date: date, country: buyer, firstDate: rates.firstDate(for: buyer))
        }
        return .destination(rate)
    }
}
