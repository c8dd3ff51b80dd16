import BillingCore
import Testing

@Suite("Tax")
struct TaxTests {
    private static func country(_ code: String) -> Country {
        guard let country = Country(rawValue: code) else { preconditionFailure("bad code \(code)") }
        return country
    }

    private static func decide(_ buyer: String, vat: String?, on date: CivilDate) throws -> TaxTreatment {
        try TaxTreatment.decide(
            seller: Seller.standard.country, buyer: country(buyer), buyerVATNumber: vat, on: date,
            rates: TaxTable.standardEU)
    }

    @Test("The default seller is Swedish")
    func sellerIsSwedish() {
        #expect(Seller.standard.country == .sweden)
        #expect(WorldSettings().seller == Seller.standard)
        #expect(WorldSettings().taxes == TaxTable.standardEU)
    }

    @Test("A buyer in the seller's country pays the domestic rate, VAT number or not")
    func domestic() throws {
        #expect(try Self.decide("SE", vat: nil, on: day(2026, 1, 1)) == .domestic(TaxRate(basisPoints: 2500)))
        #expect(try Self.decide("SE", vat: "SE556677889901", on: day(2026, 1, 1)) == .domestic(TaxRate(basisPoints: 2500)))
        #expect(try Self.decide("se", vat: "", on: day(2026, 1, 1)).rate == TaxRate(basisPoints: 2500))
    }

    @Test("An EU buyer with a VAT number gets reverse charge and no VAT")
    func reverseCharge() throws {
        let treatment = try Self.decide("DE", vat: "DE123456789", on: day(2026, 1, 1))
        #expect(treatment == .reverseCharge)
        #expect(treatment.rate == nil)
        #expect(TaxTreatment.reverseChargeNote.contains("Reverse charge"))
        #expect(TaxTreatment.reverseChargeNote.contains("Omvänd betalningsskyldighet"))
    }

    @Test("An EU buyer without a VAT number pays their own country's rate")
    func destination() throws {
        #expect(try Self.decide("DE", vat: nil, on: day(2026, 1, 1)) == .destination(TaxRate(basisPoints: 1900)))
        #expect(try Self.decide("DE", vat: "", on: day(2026, 1, 1)) == .destination(TaxRate(basisPoints: 1900)))
        #expect(try Self.decide("FR", vat: "", on: day(2026, 1, 1)) == .destination(TaxRate(basisPoints: 2000)))
        #expect(try Self.decide("HU", vat: "", on: day(2026, 1, 1)) == .destination(TaxRate(basisPoints: 2700)))
    }

    @Test("A buyer outside the EU pays no VAT, VAT number or not", arguments: ["US", "NO", "GB", "CH", "JP"])
    func outsideScope(code: String) throws {
        #expect(try Self.decide(code, vat: nil, on: day(2026, 1, 1)) == .outsideScope)
        #expect(try Self.decide(code, vat: "X123", on: day(2026, 1, 1)) == .outsideScope)
        #expect(try Self.decide(code, vat: nil, on: day(2026, 1, 1)).rate == nil)
    }

    @Test(
        "Dated rate changes apply from their first day",
        arguments: [
            ("FI", day(2024, 8, 31), Int64(2400)), ("FI", day(2024, 9, 1), 2550), ("FI", day(2026, 1, 1), 2550),
            ("EE", day(2025, 6, 30), 2200), ("EE", day(2025, 7, 1), 2400),
            ("RO", day(2025, 7, 31), 1900), ("RO", day(2025, 8, 1), 2100),
            ("SK", day(2024, 12, 31), 2000), ("SK", day(2025, 1, 1), 2300),
        ])
    func datedChanges(code: String, date: CivilDate, basisPoints: Int64) throws {
        #expect(try Self.decide(code, vat: nil, on: date) == .destination(TaxRate(basisPoints: basisPoints)))
        #expect(TaxTable.standardEU.rate(for: Self.country(code), on: date) == TaxRate(basisPoints: basisPoints))
    }

    @Test("The table has a rate for every EU member and none outside")
    func tableCoversEU() {
        for member in Country.europeanUnion {
            #expect(TaxTable.standardEU.rate(for: member, on: day(2026, 1, 1)) != nil, "no rate for \(member)")
        }
        #expect(TaxTable.standardEU.rate(for: .unitedStates, on: day(2026, 1, 1)) == nil)
    }

    @Test("A seller outside the EU charges no VAT to EU buyers")
    func nonEUSeller() throws {
        let treatment = try TaxTreatment.decide(
            seller: .unitedStates, buyer: Self.country("DE"), buyerVATNumber: nil, on: day(2026, 1, 1),
            rates: .standardEU)
        #expect(treatment == .outsideScope)
    }

    @Test("Setting a rate on a date replaces that date's rate and keeps earlier ones")
    func tableSet() {
        var table = TaxTable()
        table.set(TaxRate(basisPoints: 1000), for: .sweden, from: day(2020, 1, 1))
        table.set(TaxRate(basisPoints: 3000), for: .sweden, from: day(2030, 1, 1))
        table.set(TaxRate(basisPoints: 2000), for: .sweden, from: day(2025, 1, 1))
        table.set(TaxRate(basisPoints: 2100), for: .sweden, from: day(2025, 1, 1))
        #expect(table.rate(for: .sweden, on: day(2019, 12, 31)) == nil)
        #expect(table.rate(for: .sweden, on: day(2024, 12, 31)) == TaxRate(basisPoints: 1000))
        #expect(table.rate(for: .sweden, on: day(2025, 1, 1)) == TaxRate(basisPoints: 2100))
        #expect(table.rate(for: .sweden, on: day(2030, 1, 1)) == TaxRate(basisPoints: 3000))
        #expect(table.changes[.sweden]?.count == 3)
    }

    @Test(
        "Tax is rounded half away from zero to the minor unit",
        arguments: [
            (Int64(2550), Int64(1), Int64(0)), (2550, 2, 1), (2550, 3, 1), (2550, 100, 26), (2550, 10_000, 2_550),
            (2500, 2, 1), (2500, 1, 0), (2500, -2, -1), (2500, -1, 0), (2500, 11_500, 2_875), (2500, 6, 2),
            (2500, -6, -2), (1900, 11_500, 2_185), (2550, 11_500, 2_933), (2400, 1_234_567, 296_296),
            (2550, -11_500, -2_933), (0, 11_500, 0), (10_000, 123, 123),
        ])
    func taxRounding(basisPoints: Int64, amount: Int64, expected: Int64) {
        let tax = TaxRate(basisPoints: basisPoints).tax(on: Money(minorUnits: amount, .eur))
        #expect(tax == Money(minorUnits: expected, .eur))
    }

    @Test(
        "Rates parse from percent text with up to two decimals, 0 to 100",
        arguments: [
            ("25", Int64?(2500)), ("25.5", 2550), ("25.50", 2550), ("0", 0), ("100", 10_000), ("7.25", 725),
            ("100.01", nil), ("-1", nil), ("25.555", nil), ("abc", nil), ("", nil), ("25%", nil),
        ])
    func rateParsing(text: String, basisPoints: Int64?) {
        #expect(TaxRate(percent: text)?.basisPoints == basisPoints)
    }

    @Test(
        "Rates print as percent without needless zeros",
        arguments: [
            (Int64(2500), "25%"), (2550, "25.5%"), (2505, "25.05%"), (2555, "25.55%"), (0, "0%"), (10_000, "100%"),
            (725, "7.25%"), (1, "0.01%"),
        ])
    func rateDescription(basisPoints: Int64, text: String) {
        #expect(TaxRate(basisPoints: basisPoints).description == text)
    }

    @Test("Country codes are two ASCII letters, normalised to upper case")
    func countryCodes() {
        #expect(Country(rawValue: "se") == .sweden)
        #expect(Country(rawValue: "SWE") == nil)
        #expect(Country(rawValue: "S1") == nil)
        #expect(Country(rawValue: "") == nil)
        #expect(Country(rawValue: "ÅÄ") == nil)
        #expect(Country.sweden.isInEU(on: day(2026, 1, 1)))
        #expect(!Country.unitedStates.isInEU(on: day(2026, 1, 1)))
        #expect(Country(rawValue: "GB")?.isInEU(on: day(2026, 1, 1)) == false)
        #expect(Country.europeanUnion.count == 27)
    }
}
