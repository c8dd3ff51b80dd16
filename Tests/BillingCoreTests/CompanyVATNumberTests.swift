import BillingCore
import Testing

/// A company's VAT number fits its country (issue 14): details, edits and the tax they
/// decide refuse or ignore a number that does not.
@Suite("VAT numbers of company details")
struct CompanyVATNumberTests {
    private static func country(_ code: String) -> Country {
        guard let country = Country(rawValue: code) else { preconditionFailure("bad code \(code)") }
        return country
    }

    @Test("Details keep the normal form, and a number of nothing but separators is none")
    func detailsAreNormalised() throws {
        #expect(try details("DE", vat: "de 123 456 789").validated() == details("DE", vat: "DE123456789"))
        #expect(try details("DE", vat: " ").validated() == details("DE", vat: ""))
        #expect(try details("DE").validated() == details("DE"))
    }

    @Test("Details with a number that does not fit their country throw invalidVATNumber, naming the number as given")
    func detailsRefuseANumber() throws {
        let germany = Self.country("DE")
        let format = try #require(VATNumber.formats[germany])
        let expected = BillingError.invalidVATNumber(number: "se556677889901", country: germany, reason: .prefix(format))
        #expect(throws: expected) { try details("DE", vat: "se556677889901").validated() }
        #expect(
            expected.description
                == "'se556677889901' is not a VAT number for a company in DE: a VAT number there starts with DE: "
                + "DE followed by 9 digits, like DE123456789; give one of that form, or none")
    }

    @Test("Editing in a Swedish number on a German company is refused and changes nothing")
    func editRefusesANumber() throws {
        let state = company(country: "DE", currency: .eur)
        let format = try #require(VATNumber.formats[Self.country("DE")])
        expectFailure(.invalidVATNumber(number: "SE556677889901", country: Self.country("DE"), reason: .prefix(format)), in: state) {
            state throws(BillingError) in
            try state.editDetails(vatNumber: "SE556677889901", by: People.owner)
        }
    }

    @Test("An edited number is kept in normal form")
    func editNormalises() throws {
        var state = company(country: "DE", currency: .eur)
        try state.editDetails(vatNumber: "de 123.456.789", by: People.owner)
        #expect(state.details.vatNumber == "DE123456789")
        #expect(state.detailsHistory.count == 2)
        try state.editDetails(vatNumber: "DE 123 456 789", by: People.owner)
        #expect(state.detailsHistory.count == 2, "the same number in another form is no change")
    }

    @Test("A new country with the old number that does not fit it is refused; with a new number or none it is not")
    func countryChangeChecksTheOldNumber() throws {
        var state = company(country: "DE", vat: "DE123456789", currency: .eur)
        let france = Self.country("FR")
        let format = try #require(VATNumber.formats[france])
        expectFailure(.invalidVATNumber(number: "DE123456789", country: france, reason: .prefix(format)), in: state) {
            state throws(BillingError) in
            try state.editDetails(country: france, by: People.owner)
        }
        var cleared = state
        try cleared.editDetails(country: france, vatNumber: "", by: People.owner)
        #expect(cleared.details == details("FR"))
        try state.editDetails(country: france, vatNumber: "FR12345678901", by: People.owner)
        #expect(state.details == details("FR", vat: "FR12345678901"))
        // Outside the EU the number is not checked against a syntax: it is kept.
        try state.editDetails(country: .unitedStates, by: People.owner)
        #expect(state.details == details("US", vat: "FR12345678901"))
    }

    // MARK: Tax

    @Test("A German buyer with a Swedish VAT number is not reverse charged: German VAT")
    func swedishNumberOnAGermanBuyerIsNoVATNumber() throws {
        let treatment = try TaxTreatment.decide(
            seller: .sweden, buyer: Self.country("DE"), buyerVATNumber: "SE556677889901", on: day(2026, 1, 1), rates: .standardEU)
        #expect(treatment == .destination(TaxRate(basisPoints: 1900)))
    }

    @Test(
        "Reverse charge needs a number of the buyer's country",
        arguments: [
            ("DE", "DE123456789", true), ("DE", "SE556677889901", false), ("DE", "DE12345678", false), ("FR", "FR12345678901", true),
            ("GR", "EL123456789", true), ("GR", "GR123456789", false), ("NL", "NL123456789B01", true),
        ])
    func reverseChargeNeedsAFittingNumber(code: String, number: String, reverse: Bool) throws {
        let treatment = try TaxTreatment.decide(
            seller: .sweden, buyer: Self.country(code), buyerVATNumber: number, on: day(2026, 1, 1), rates: .standardEU)
        let rate = try #require(TaxTable.standardEU.rate(for: Self.country(code), on: day(2026, 1, 1)))
        #expect(treatment == (reverse ? .reverseCharge : .destination(rate)))
    }

    @Test("A British number was reverse charged while the UK was in the EU VAT area, and is ignored after")
    func britishNumber() throws {
        func decide(_ date: CivilDate) throws -> TaxTreatment {
            try TaxTreatment.decide(seller: .sweden, buyer: .unitedKingdom, buyerVATNumber: "GB123456789", on: date, rates: .standardEU)
        }
        #expect(try decide(day(2020, 12, 31)) == .reverseCharge)
        #expect(try decide(day(2021, 1, 1)) == .outsideScope)
    }
}
