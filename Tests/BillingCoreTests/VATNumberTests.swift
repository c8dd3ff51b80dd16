import BillingCore
import Testing

/// VAT numbers fit their country's published syntax (issue 14): the `VATNumber` value,
/// its table and its normal form.
@Suite("VAT numbers")
struct VATNumberTests {
    private static func country(_ code: String) -> Country {
        guard let country = Country(rawValue: code) else { preconditionFailure("bad code \(code)") }
        return country
    }

    /// For every EU member state and the United Kingdom: numbers that fit, and numbers
    /// that do not (a wrong length, a letter where a digit goes, a wrong prefix).
    static let table: [(country: String, valid: [String], invalid: [String])] = [
        ("AT", ["ATU12345678"], ["AT12345678", "ATU1234567", "ATX12345678"]),
        ("BE", ["BE0123456789", "BE1234567890"], ["BE2123456789", "BE123456789", "BE01234567890"]),
        ("BG", ["BG123456789", "BG1234567890"], ["BG12345678", "BG12345678901"]),
        ("CY", ["CY12345678X"], ["CY123456789", "CY1234567X"]),
        ("CZ", ["CZ12345678", "CZ123456789", "CZ1234567890"], ["CZ1234567", "CZ12345678901"]),
        ("DE", ["DE123456789"], ["DE12345678", "DE1234567890", "DE12345678X"]),
        ("DK", ["DK12345678"], ["DK1234567", "DK123456789"]),
        ("EE", ["EE123456789"], ["EE12345678"]),
        ("GR", ["EL123456789"], ["GR123456789", "EL12345678"]),
        ("ES", ["ESB12345678", "ES12345678Z", "ESX1234567L"], ["ES123456789", "ESB1234567", "ESBB1234567"]),
        ("FI", ["FI12345678"], ["FI123456789", "FI1234567"]),
        ("FR", ["FR12345678901", "FRAB123456789", "FR1A123456789"], ["FR1234567890", "FR12A23456789"]),
        ("HR", ["HR12345678901"], ["HR1234567890"]),
        ("HU", ["HU12345678"], ["HU123456789"]),
        ("IE", ["IE1234567T", "IE1234567TW", "IE1A23456T", "IE1+23456T"], ["IE12345678", "IE1234567", "IE1234567T1"]),
        ("IT", ["IT12345678901"], ["IT1234567890"]),
        ("LT", ["LT123456789", "LT123456789012"], ["LT1234567890"]),
        ("LU", ["LU12345678"], ["LU1234567"]),
        ("LV", ["LV12345678901"], ["LV1234567890"]),
        ("MT", ["MT12345678"], ["MT123456789"]),
        ("NL", ["NL123456789B01"], ["NL123456789C01", "NL123456789B1", "NL12345678B01"]),
        ("PL", ["PL1234567890"], ["PL123456789"]),
        ("PT", ["PT123456789"], ["PT12345678"]),
        ("RO", ["RO12", "RO1234567890"], ["RO1", "RO12345678901"]),
        ("SE", ["SE556677889901", "SE556000000101"], ["SE556677889902", "SE5566778899", "SE55667788990101"]),
        ("SI", ["SI12345678"], ["SI123456789"]),
        ("SK", ["SK1234567890"], ["SK123456789"]),
        ("GB", ["GB123456789", "GB123456789012", "GBGD123", "GBHA599"], ["GB12345678", "GBGD1234", "XI123456789"]),
    ]

    @Test("Every EU member state and the United Kingdom have a published syntax, and nothing else has one")
    func everyMemberHasASyntax() {
        #expect(Set(VATNumber.formats.keys) == Country.europeanUnion.union([.unitedKingdom]))
        #expect(Set(Self.table.map { Self.country($0.country) }) == Set(VATNumber.formats.keys))
    }

    @Test("Each country's prefix is its code, but Greece's is EL; each example fits", arguments: VATNumber.formats.keys.sorted())
    func prefixesAndExamples(country: Country) throws {
        let format = try #require(VATNumber.formats[country])
        #expect(format.prefix == (country.rawValue == "GR" ? "EL" : country.rawValue))
        #expect(try VATNumber(format.example, for: country).text == format.example)
        #expect(format.description.hasPrefix("\(format.prefix) followed by "))
    }

    @Test("A number of the country's syntax fits", arguments: table.flatMap { row in row.valid.map { (row.country, $0) } })
    func validNumbersFit(code: String, number: String) throws {
        let checked = try VATNumber(number, for: Self.country(code))
        #expect(checked.text == number)
        #expect(checked.country == Self.country(code))
        #expect(VATNumber.fits(number, Self.country(code)))
    }

    @Test("A number of another shape or prefix is refused", arguments: table.flatMap { row in row.invalid.map { (row.country, $0) } })
    func invalidNumbersAreRefused(code: String, number: String) throws {
        let format = try #require(VATNumber.formats[Self.country(code)])
        #expect(!VATNumber.fits(number, Self.country(code)))
        #expect(throws: number.hasPrefix(format.prefix) ? VATNumber.Problem.shape(format) : .prefix(format)) {
            try VATNumber(number, for: Self.country(code))
        }
    }

    @Test("A Swedish number on a German company is refused for its prefix, saying what a German one looks like")
    func swedishNumberForGermany() throws {
        let germany = Self.country("DE")
        let format = try #require(VATNumber.formats[germany])
        #expect(throws: VATNumber.Problem.prefix(format)) { try VATNumber("SE556677889901", for: germany) }
        #expect(
            VATNumber.Problem.prefix(format).description
                == "a VAT number there starts with DE: DE followed by 9 digits, like DE123456789; give one of that form, or none")
    }

    @Test(
        "Another member state's valid number is refused for its prefix",
        arguments: [
            ("AT", "DE123456789"), ("DE", "ATU12345678"), ("FI", "EE12345678"), ("GR", "GR123456789"), ("SE", "DK12345678"),
            ("NL", "BE0123456789"),
        ])
    func prefixMismatch(code: String, number: String) throws {
        let format = try #require(VATNumber.formats[Self.country(code)])
        #expect(throws: VATNumber.Problem.prefix(format)) { try VATNumber(number, for: Self.country(code)) }
    }

    @Test("Greece's error says its prefix is EL, not GR")
    func greekPrefix() throws {
        let greece = Self.country("GR")
        let format = try #require(VATNumber.formats[greece])
        #expect(VATNumber.Problem.prefix(format).description.contains("EL followed by 9 digits (Greece's prefix is EL, not GR)"))
    }

    @Test(
        "Spaces, dots and hyphens are dropped and letters upper-cased; the normal form is kept",
        arguments: [
            ("DE", "de 123.456-789", "DE123456789"), ("SE", "SE 5566 7788 9901", "SE556677889901"),
            ("NL", "nl123456789b01", "NL123456789B01"), ("DK", "DK 12 34 56 78", "DK12345678"), ("AT", "atu-1234.5678", "ATU12345678"),
            ("BE", "BE 0123.456.789", "BE0123456789"), ("NO", "no 987 654 321 mva", "NO987654321MVA"),
        ])
    func normalisation(code: String, given: String, normal: String) throws {
        #expect(VATNumber.normalized(given) == normal)
        #expect(try VATNumber(given, for: Self.country(code)).text == normal)
    }

    @Test("Nothing but separators is empty; other characters are refused; so is a number past 20 characters")
    func charactersAndLength() {
        let germany = Self.country("DE")
        #expect(throws: VATNumber.Problem.empty) { try VATNumber(" .- ", for: germany) }
        #expect(throws: VATNumber.Problem.characters) { try VATNumber("DE12345678ß", for: germany) }
        #expect(throws: VATNumber.Problem.characters) { try VATNumber("DE_123456789", for: germany) }
        #expect(throws: VATNumber.Problem.characters) { try VATNumber("US/123", for: .unitedStates) }
        #expect(VATNumber.normalized("ß") == "ß")  // not "SS": only ASCII letters are upper-cased
        #expect(throws: VATNumber.Problem.tooLong) { try VATNumber(String(repeating: "1", count: 21), for: .unitedStates) }
        #expect(VATNumber.fits(String(repeating: "1", count: 20), .unitedStates))
    }

    @Test(
        "Outside the EU any letters and digits are a VAT number",
        arguments: [
            ("NO", "NO987654321MVA"), ("CH", "CHE-123.456.789 MWST"), ("US", "EIN123"), ("JP", "T1234567890123"), ("US", "DE123456789"),
        ])
    func outsideTheEU(code: String, number: String) throws {
        #expect(try VATNumber(number, for: Self.country(code)).text == VATNumber.normalized(number))
    }
}
