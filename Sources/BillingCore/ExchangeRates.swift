/// Dated exchange rates to Swedish kronor, as data: the Swedish VAT on an invoice in
/// another currency is also stated in SEK (Swedish VAT act, ch. 17 § 29), at the rate in
/// effect on the invoice's creation date. A value is kronor per unit of the currency in
/// ten-thousandths: 11.2000 SEK is 112_000. A world holds none unless it sets them
/// (BillingSim ships none it could not source).
public typealias ExchangeRates = DatedValues<Currency, Int64>

extension DatedValues where Key == Currency, Value == Int64 {
    /// The largest rate: 1,000,000 SEK per unit.
    public static var maxRate: Int64 { 10_000_000_000 }

    /// A rate written as kronor per unit with at most four decimals, above zero and at
    /// most 1,000,000 (`11.2`, `11.2034`), in ten-thousandths; `nil` for anything else.
    /// Scenarios (`exchange`) and `simulate --exchange-rate` read rates with it.
    public static func parseRate(_ text: Substring) -> Int64? {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let digits = { (part: Substring) in part.allSatisfy { $0.isASCII && $0.isNumber } }
        guard let whole = parts.first, (1...7).contains(whole.count), digits(whole), let major = Int64(whole) else { return nil }
        let fraction = parts.count == 2 ? parts[1] : ""
        guard parts.count == 1 || ((1...4).contains(fraction.count) && digits(fraction)) else { return nil }
        let rate = major * 10_000 + (Int64(fraction + String(repeating: "0", count: 4 - fraction.count)) ?? 0)
        return rate > 0 && rate <= maxRate ? rate : nil
    }

    /// The rate of `currency` on `date`; `nil` when none is set by then.
    public func rate(for currency: Currency, on date: CivilDate) -> Change? { change(for: currency, on: date) }

    /// `amount` in SEK öre at `rate`, rounded half away from zero.
    public static func sek(_ amount: Int64, at rate: Change) -> Int64 {
        Rounding.scale(amount, by: rate.value, over: 10_000)
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
