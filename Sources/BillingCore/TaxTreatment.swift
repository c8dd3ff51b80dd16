/// How VAT applies to one invoice, decided by the seller's and the buyer's country and
/// the buyer's VAT number.
public enum TaxTreatment: Sendable, Hashable, Codable {
    /// Buyer in the seller's country: the seller country's standard rate.
    case domestic(TaxRate)
    /// Buyer in another EU country with a VAT number: no VAT, the buyer accounts for it.
    /// "EU" is the EU VAT area on the invoice's date (the United Kingdom until 2020-12-31).
    case reverseCharge
    /// Buyer in another EU country without a VAT number: the buyer country's rate.
    case destination(TaxRate)
    /// Buyer outside the EU (or no rate known): no VAT.
    case outsideScope

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
    ///   - buyerVATNumber: the company's VAT number; empty or `nil` when it has none.
    public static func decide(
        seller: Country, buyer: Country, buyerVATNumber: String?, on date: CivilDate, rates: TaxTable
    ) -> TaxTreatment {
        if buyer == seller {
            return rates.rate(for: seller, on: date).map(TaxTreatment.domestic) ?? .outsideScope
        }
        guard seller.isInEU(on: date), buyer.isInEU(on: date) else { return .outsideScope }
        if let number = buyerVATNumber, !number.isEmpty { return .reverseCharge }
        return rates.rate(for: buyer, on: date).map(TaxTreatment.destination) ?? .outsideScope
    }
}
