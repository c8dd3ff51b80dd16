import BillingCore
import Testing

/// DOMAIN.md: Swedish VAT on an invoice in another currency is also stated in SEK, at a
/// dated exchange rate kept as data.
@Suite("Exchange rates and Swedish VAT in SEK")
struct ExchangeRatesTests {
    private static func rates() -> ExchangeRates {
        var rates = ExchangeRates()
        rates.set(112_000, for: .eur, from: day(2026, 1, 1))
        rates.set(110_500, for: .eur, from: day(2026, 2, 1))
        rates.set(105_000, for: .usd, from: day(2026, 1, 1))
        return rates
    }

    @Test("A rate applies from its day until the next one; none before the first")
    func datedLookup() {
        let rates = Self.rates()
        #expect(rates.rate(for: .eur, on: day(2025, 12, 31)) == nil)
        #expect(rates.rate(for: .eur, on: day(2026, 1, 1))?.value == 112_000)
        #expect(rates.rate(for: .eur, on: day(2026, 1, 31))?.value == 112_000)
        #expect(rates.rate(for: .eur, on: day(2026, 2, 1))?.value == 110_500)
        #expect(rates.rate(for: .usd, on: day(2027, 6, 1))?.value == 105_000)
        #expect(rates.rate(for: .sek, on: day(2026, 6, 1)) == nil)
    }

    @Test(
        "Kronor are rounded half away from zero to the öre",
        arguments: [
            (Int64(875), Int64(105_000), Int64(9_188)), (2_875, 112_000, 32_200), (-2_875, 110_500, -31_769), (1, 5_000, 1),
            (0, 112_000, 0),
        ])
    func rounding(vat: Int64, rate: Int64, sek: Int64) {
        #expect(ExchangeRates.sek(vat, at: ExchangeRates.Change(effective: day(2026, 1, 1), value: rate)) == sek)
    }

    @Test("Only Swedish VAT charged by a Swedish seller on an invoice in another currency is stated in SEK")
    func whichInvoices() throws {
        var state = company(country: "SE", currency: .eur, start: at(2026, 1, 15))
        state.runDue(until: at(2026, 1, 15), settings: standard)
        let invoice = state.invoices[0]
        let swedish = try #require(invoice.swedishVAT(seller: .standard, rates: Self.rates()))
        #expect(swedish.vat == invoice.taxAmount)
        #expect(swedish.sek == ExchangeRates.sek(invoice.taxAmount, at: try #require(swedish.rate)))
        #expect(invoice.swedishVAT(seller: .standard, rates: ExchangeRates())?.rate == nil)

        var sek = company(country: "SE", currency: .sek, start: at(2026, 1, 15))
        sek.runDue(until: at(2026, 1, 15), settings: standard)
        #expect(sek.invoices[0].swedishVAT(seller: .standard, rates: Self.rates()) == nil)

        var reverse = company(country: "DE", vat: "DE123456789", currency: .eur, start: at(2026, 1, 15))
        reverse.runDue(until: at(2026, 1, 15), settings: standard)
        #expect(reverse.invoices[0].swedishVAT(seller: .standard, rates: Self.rates()) == nil)

        var finnish = Seller.standard
        finnish.country = try #require(Country(rawValue: "FI"))
        #expect(invoice.swedishVAT(seller: finnish, rates: Self.rates()) == nil)
    }

    @Test(
        "A rate is kronor per unit with at most four decimals, above 0 and at most 1,000,000",
        arguments: [
            ("11.20", Int64?.some(112_000)), ("11.2034", 112_034), ("11", 110_000), ("1000000", 10_000_000_000),
            ("0.0001", 1), ("0", nil), ("0.0000", nil), ("11.20345", nil), ("1000000.0001", nil), ("-1", nil),
            ("11.", nil), (".5", nil), ("1e3", nil), ("١١", nil), ("", nil),
        ])
    func parseRate(text: String, expected: Int64?) {
        #expect(ExchangeRates.parseRate(Substring(text)) == expected)
    }
}
