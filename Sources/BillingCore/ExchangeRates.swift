/// Dated exchange rates to Swedish kronor, as data: the Swedish VAT on an invoice in
/// another currency is also stated in SEK (Swedish VAT act, ch. 17 § 29), at the rate in
/// effect on the invoice's creation date.
public struct ExchangeRates: Sendable, Hashable, Codable {
    /// One rate taking effect on a date.
    public struct Change: Sendable, Hashable, Codable {
        /// The first day the rate applies.
        public var effective: CivilDate
        /// Kronor per unit of the currency, in ten-thousandths: 11.2000 SEK is 112_000.
        public var sekPerUnit: Int64

        /// A rate of `sekPerUnit` ten-thousandths of a krona from `effective`.
        public init(effective: CivilDate, sekPerUnit: Int64) {
            self.effective = effective
            self.sekPerUnit = sekPerUnit
        }
    }

    /// Changes per currency, sorted by date.
    public private(set) var changes: [Currency: [Change]]

    /// No rates (the default: BillingSim ships none it could not source; a world sets
    /// its own).
    public init() { changes = [:] }

    /// The most rates a world holds, and the largest rate: 1,000,000 SEK per unit.
    public static let maxChanges = 100_000
    public static let maxRate: Int64 = 10_000_000_000

    /// Adds (or replaces) the rate of `currency` from `effective` on.
    public mutating func set(_ sekPerUnit: Int64, for currency: Currency, from effective: CivilDate) {
        var list = changes[currency, default: []].filter { $0.effective != effective }
        list.append(Change(effective: effective, sekPerUnit: sekPerUnit))
        list.sort { $0.effective < $1.effective }
        changes[currency] = list
    }

    /// The rate of `currency` on `date`; `nil` when none is set by then.
    public func rate(for currency: Currency, on date: CivilDate) -> Change? {
        changes[currency]?.last { $0.effective <= date }
    }

    /// `amount` in SEK öre at `rate`, rounded half away from zero.
    public static func sek(_ amount: Int64, at rate: Change) -> Int64 {
        Rounding.scale(amount, by: rate.sekPerUnit, over: 10_000)
    }
}

/// The Swedish VAT of an invoice in another currency, and the rate that states it in SEK.
public struct SwedishVAT: Sendable, Hashable {
    /// The VAT in the invoice's currency.
    public var vat: Int64
    /// The rate of the invoice's creation date; `nil` when the world holds none then.
    public var rate: ExchangeRates.Change?
    /// The VAT in SEK öre at that rate.
    public var sek: Int64? { rate.map { ExchangeRates.sek(vat, at: $0) } }
}

extension Invoice {
    /// Its Swedish VAT stated in SEK, when a Swedish seller charges Swedish VAT on an
    /// invoice in another currency; `nil` otherwise.
    public func swedishVAT(seller: Seller, rates: ExchangeRates) -> SwedishVAT? {
        guard seller.country == .sweden, currency != .sek else { return nil }
        let swedish = taxGroups.filter(\.treatment.isDomestic)
        guard !swedish.isEmpty else { return nil }
        return SwedishVAT(vat: swedish.reduce(0) { $0 + $1.tax }, rate: rates.rate(for: currency, on: created.date))
    }
}
