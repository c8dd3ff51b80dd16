import BillingCore
import Testing

/// The standard EU rates from 2020-01-01 with their history (docs/decisions.md, "VAT history").
@Suite("VAT history")
struct VATHistoryTests {
    private static func country(_ code: String) -> Country {
        guard let country = Country(rawValue: code) else { preconditionFailure("bad code \(code)") }
        return country
    }

    private static func decide(_ buyer: String, vat: String?, on date: CivilDate) throws -> TaxTreatment {
        try TaxTreatment.decide(
            seller: Seller.standard.country, buyer: country(buyer), buyerVATNumber: vat, on: date, rates: .standardEU)
    }

    private static func rate(_ code: String, on date: CivilDate) -> TaxRate? {
        TaxTable.standardEU.rate(for: country(code), on: date)
    }

    @Test("Estonia was 20% and Luxembourg 16% all through 2023")
    func estoniaAndLuxembourgIn2023() {
        for date in [day(2023, 1, 1), day(2023, 6, 15), day(2023, 12, 31)] {
            #expect(Self.rate("EE", on: date) == TaxRate(basisPoints: 2000), "EE on \(date)")
            #expect(Self.rate("LU", on: date) == TaxRate(basisPoints: 1600), "LU on \(date)")
        }
    }

    @Test(
        "Each change applies from its first day: the old rate on the day before, the new one on the day itself",
        arguments: [
            ("DE", day(2020, 6, 30), Int64(1900)), ("DE", day(2020, 7, 1), 1600),
            ("DE", day(2020, 12, 31), 1600), ("DE", day(2021, 1, 1), 1900),
            ("IE", day(2020, 8, 31), 2300), ("IE", day(2020, 9, 1), 2100),
            ("IE", day(2021, 2, 28), 2100), ("IE", day(2021, 3, 1), 2300),
            ("LU", day(2022, 12, 31), 1700), ("LU", day(2023, 1, 1), 1600),
            ("LU", day(2023, 12, 31), 1600), ("LU", day(2024, 1, 1), 1700),
            ("EE", day(2023, 12, 31), 2000), ("EE", day(2024, 1, 1), 2200),
            ("EE", day(2025, 6, 30), 2200), ("EE", day(2025, 7, 1), 2400),
            ("FI", day(2024, 8, 31), 2400), ("FI", day(2024, 9, 1), 2550),
            ("SK", day(2024, 12, 31), 2000), ("SK", day(2025, 1, 1), 2300),
            ("RO", day(2025, 7, 31), 1900), ("RO", day(2025, 8, 1), 2100),
        ])
    func boundaries(code: String, date: CivilDate, basisPoints: Int64) throws {
        #expect(Self.rate(code, on: date) == TaxRate(basisPoints: basisPoints))
        #expect(try Self.decide(code, vat: nil, on: date) == .destination(TaxRate(basisPoints: basisPoints)))
    }

    @Test(
        "On the table's first day every member state has its 2020 rate",
        arguments: [
            ("AT", Int64(2000)), ("BE", 2100), ("BG", 2000), ("HR", 2500), ("CY", 1900), ("CZ", 2100), ("DK", 2500),
            ("EE", 2000), ("FI", 2400), ("FR", 2000), ("DE", 1900), ("GR", 2400), ("HU", 2700), ("IE", 2300),
            ("IT", 2200), ("LV", 2100), ("LT", 2100), ("LU", 1700), ("MT", 1800), ("NL", 2100), ("PL", 2300),
            ("PT", 2300), ("RO", 1900), ("SK", 2000), ("SI", 2200), ("ES", 2100), ("SE", 2500), ("GB", 2000),
        ])
    func firstDayRates(code: String, basisPoints: Int64) {
        #expect(Self.rate(code, on: day(2020, 1, 1)) == TaxRate(basisPoints: basisPoints))
    }

    @Test("The table starts on 2020-01-01: no member state has a rate the day before")
    func nothingBefore2020() {
        #expect(TaxTable.standardEUFirstDate == day(2020, 1, 1))
        for member in Country.europeanUnion(on: day(2020, 1, 1)) {
            #expect(TaxTable.standardEU.changes[member]?.first?.effective == day(2020, 1, 1), "\(member)")
            #expect(TaxTable.standardEU.rate(for: member, on: day(2019, 12, 31)) == nil, "\(member)")
        }
    }

    @Test("The table changes only on the dated changes of docs/decisions.md")
    func onlyTheKnownChanges() {
        var dated: [String] = []
        for (country, changes) in TaxTable.standardEU.changes {
            for change in changes where change.effective != day(2020, 1, 1) {
                dated.append("\(country) \(change.effective) \(change.value)")
            }
        }
        #expect(
            dated.sorted() == [
                "DE 2020-07-01 16%", "DE 2021-01-01 19%", "EE 2024-01-01 22%", "EE 2025-07-01 24%", "FI 2024-09-01 25.5%",
                "IE 2020-09-01 21%", "IE 2021-03-01 23%", "LU 2023-01-01 16%", "LU 2024-01-01 17%", "RO 2025-08-01 21%",
                "SK 2025-01-01 23%",
            ])
    }

    @Test("The United Kingdom is in the EU VAT area until 2020-12-31 and outside it from 2021-01-01")
    func britishMembership() {
        #expect(Country.unitedKingdom.isInEU(on: day(2020, 1, 1)))
        #expect(Country.unitedKingdom.isInEU(on: day(2020, 12, 31)))
        #expect(!Country.unitedKingdom.isInEU(on: day(2021, 1, 1)))
        #expect(Country.europeanUnion(on: day(2020, 12, 31)) == Country.europeanUnion.union([.unitedKingdom]))
        #expect(Country.europeanUnion(on: day(2021, 1, 1)) == Country.europeanUnion)
        for date in [day(2020, 12, 31), day(2021, 1, 1)] {
            #expect(Country.sweden.isInEU(on: date))
            #expect(!Country.unitedStates.isInEU(on: date))
        }
    }

    @Test("On 2020-12-31 a British buyer is billed like any EU buyer: reverse charge with a VAT number, 20% without")
    func britainOnTheLastDay() throws {
        #expect(try Self.decide("GB", vat: "GB123456789", on: day(2020, 12, 31)) == .reverseCharge)
        #expect(try Self.decide("GB", vat: nil, on: day(2020, 12, 31)) == .destination(TaxRate(basisPoints: 2000)))
        #expect(try Self.decide("GB", vat: "", on: day(2020, 1, 1)) == .destination(TaxRate(basisPoints: 2000)))
    }

    @Test("From 2021-01-01 a British buyer is outside the EU: no VAT, VAT number or not")
    func britainAfterBrexit() throws {
        #expect(try Self.decide("GB", vat: "GB123456789", on: day(2021, 1, 1)) == .outsideScope)
        #expect(try Self.decide("GB", vat: nil, on: day(2021, 1, 1)) == .outsideScope)
        #expect(try Self.decide("GB", vat: nil, on: day(2026, 1, 1)).rate == nil)
    }

    @Test("Before 2020-01-01 no rate is given: deciding the VAT of 2019-12-31 throws instead of charging 0%")
    func noRateBefore2020() throws {
        let before = day(2019, 12, 31)
        #expect(throws: TaxTableGap(date: before, country: Self.country("DE"), firstDate: day(2020, 1, 1))) {
            try Self.decide("DE", vat: nil, on: before)
        }
        #expect(throws: TaxTableGap(date: before, country: .sweden, firstDate: day(2020, 1, 1))) {
            try Self.decide("SE", vat: nil, on: before)
        }
        // No rate is needed for reverse charge or outside the EU.
        #expect(try Self.decide("DE", vat: "DE123456789", on: before) == .reverseCharge)
        #expect(try Self.decide("US", vat: nil, on: before) == .outsideScope)
    }

    @Test("A world may start on the table's first date, and is refused the day before")
    func worldStart() throws {
        try WorldSettings().checkTaxes(from: day(2020, 1, 1))
        let gap = TaxTableGap(date: day(2019, 12, 31), country: Self.country("AT"), firstDate: day(2020, 1, 1))
        #expect(throws: gap) { try WorldSettings().checkTaxes(from: day(2019, 12, 31)) }
        #expect(throws: TaxTableGap.self) { try WorldSettings().checkTaxes(from: day(2000, 1, 1)) }
        #expect(
            gap.description
                == "2019-12-31 is before 2020-01-01, the first date of the VAT table: no VAT rate is known before then, "
                + "and none is guessed; start on 2020-01-01 or later")
        #expect(BillingError.beforeTaxTable(gap).description == gap.description)
    }

    @Test("A custom table must hold every member state's rate from the start: the gap named is the latest to close")
    func customTables() throws {
        var table = TaxTable.standardEU
        table.set(TaxRate(basisPoints: 2500), for: .sweden, from: day(2010, 1, 1))
        table.set(TaxRate(basisPoints: 1900), for: Self.country("DE"), from: day(2015, 1, 1))
        #expect(throws: TaxTableGap(date: day(2016, 1, 1), country: Self.country("AT"), firstDate: day(2020, 1, 1))) {
            try WorldSettings(taxes: table).checkTaxes(from: day(2016, 1, 1))
        }
        var late = TaxTable()
        for member in Country.europeanUnion {
            late.set(TaxRate(basisPoints: 2000), for: member, from: member.rawValue == "DE" ? day(2022, 1, 1) : day(2020, 1, 1))
        }
        #expect(throws: TaxTableGap(date: day(2021, 6, 1), country: Self.country("DE"), firstDate: day(2022, 1, 1))) {
            try WorldSettings(taxes: late).checkTaxes(from: day(2021, 6, 1))
        }
        let empty = TaxTableGap(date: day(2026, 1, 1), country: Self.country("AT"), firstDate: nil)
        #expect(throws: empty) { try WorldSettings(taxes: TaxTable()).checkTaxes(from: day(2026, 1, 1)) }
        #expect(empty.description.contains("no rate for AT"))
        // A seller outside the EU charges no VAT without a rate of its own: nothing to check.
        var american = Seller.standard
        american.country = .unitedStates
        try WorldSettings(seller: american, taxes: TaxTable()).checkTaxes(from: day(2019, 1, 1))
    }
}
