import BillingCore
import Testing

@Suite("Money")
struct MoneyTests {
    @Test(
        "Parsing reads decimals with up to two places into minor units",
        arguments: [
            ("115.00", Int64(11_500)), ("-3.5", -350), ("1150", 115_000), ("0.01", 1), ("-0.05", -5),
            ("0", 0), ("9999999999999.99", 999_999_999_999_999),
        ])
    func parsesValidAmounts(text: String, minorUnits: Int64) throws {
        let money = try #require(Money(parsing: text, .sek))
        #expect(money.minorUnits == minorUnits)
        #expect(money.currency == .sek)
    }

    @Test(
        "Parsing rejects more than two decimals, non-numbers and out-of-range amounts",
        arguments: [
            "1.234", "abc", "", "-", "1.", ".5", "1,50", "+5", "--5", "1.2.3", "1e3", " 1.00", "1.00 ",
            "12345678901234", "99999999999999999999", "١٢٣",
        ])
    func rejectsInvalidAmounts(text: String) {
        #expect(Money(parsing: text, .usd) == nil)
    }

    @Test(
        "The decimal string always has two decimals and a sign only when negative",
        arguments: [
            (Int64(115_000), "1150.00"), (-350, "-3.50"), (5, "0.05"), (-5, "-0.05"), (0, "0.00"),
            (11_550, "115.50"), (Int64.min, "-92233720368547758.08"),
        ])
    func formatsDecimalString(minorUnits: Int64, text: String) {
        #expect(Money(minorUnits: minorUnits, .eur).decimalString == text)
    }

    @Test(
        "A sum wider than Int64 prints by the same rules as one amount, exactly",
        arguments: [
            (Int128(0), "0.00"), (-5, "-0.05"), (-350, "-3.50"), (Int128(Int64.max) + 1, "92233720368547758.08"),
            (4 * Int128(Int64.max), "368934881474191032.28"), (-4 * Int128(Int64.max), "-368934881474191032.28"),
            (.min, "-1701411834604692317316873037158841057.28"),
        ])
    func formatsWideSums(minorUnits: Int128, text: String) {
        #expect(Money.decimalString(minorUnits: minorUnits) == text)
        #expect(Money.description(minorUnits: minorUnits, .eur) == text + " EUR")
    }

    @Test("A sum that fits in Int64 prints exactly as the amount does")
    func wideSumsAgreeWithAmounts() {
        for minor in [Int64.min, -100_001, -99, -10, -1, 0, 1, 9, 10, 99, 100, 101, 123_456_789, .max] {
            #expect(Money.decimalString(minorUnits: Int128(minor)) == Money(minorUnits: minor, .sek).decimalString)
            #expect(Money.description(minorUnits: Int128(minor), .sek) == Money(minorUnits: minor, .sek).description)
        }
    }

    @Test(
        "A sum parses like one amount with up to 36 digits before the point",
        arguments: [
            ("0", Int128(0)), ("-3.5", -350), ("1150", 115_000), ("9999999999999.99", 999_999_999_999_999),
            ("368934881474191032.28", 4 * Int128(Int64.max)),
            ("999999999999999999999999999999999999.99", 99_999_999_999_999_999_999_999_999_999_999_999_999),
        ])
    func parsesWideSums(text: String, minorUnits: Int128) {
        #expect(Money.parseSumMinorUnits(text) == minorUnits)
        #expect(Money.parseSumMinorUnits(Money.decimalString(minorUnits: minorUnits)) == minorUnits)
    }

    @Test(
        "A sum refuses what an amount refuses, and more than 36 digits before the point",
        arguments: ["1.234", "abc", "", "-", "1.", ".5", "1,50", "+5", "1e3", " 1.00", "1000000000000000000000000000000000000"])
    func rejectsInvalidSums(text: String) {
        #expect(Money.parseSumMinorUnits(text) == nil)
    }

    @Test("The description is the decimal amount followed by the currency code")
    func describesWithCurrency() {
        #expect(Money(minorUnits: 115_000, .usd).description == "1150.00 USD")
        #expect(Money(minorUnits: -350, .sek).description == "-3.50 SEK")
    }

    @Test("Formatting and parsing round-trip")
    func roundTrips() throws {
        for minor in [Int64(-100_001), -99, -1, 0, 1, 9, 10, 99, 100, 101, 123_456_789] {
            let parsed = try #require(Money(parsing: Money(minorUnits: minor, .usd).decimalString, .usd))
            #expect(parsed.minorUnits == minor)
        }
    }

    @Test(
        "Rounding divides to the nearest integer with halves away from zero",
        arguments: [
            (Int64(5), Int64(2), Int64(3)), (-5, 2, -3), (5, -2, -3), (-5, -2, 3), (7, 3, 2), (-7, 3, -2),
            (8, 3, 3), (-8, 3, -3), (6, 3, 2), (-6, 3, -2), (0, 7, 0), (1, 2, 1), (-1, 2, -1), (1, 3, 0),
            (-1, 3, 0), (149, 100, 1), (150, 100, 2), (-150, 100, -2), (-149, 100, -1),
        ])
    func roundsHalfAwayFromZero(numerator: Int64, denominator: Int64, expected: Int64) {
        #expect(Rounding.divide(numerator, by: denominator) == expected)
    }

    @Test(
        "Scaling multiplies by a fraction and rounds half away from zero",
        arguments: [
            (Int64(10_000), Int64(1), Int64(3), Int64(3_333)), (20_000, 1, 3, 6_667), (-20_000, 1, 3, -6_667),
            (1, 1, 2, 1), (-1, 1, 2, -1), (11_500, 16, 31, 5_935), (11_500, 2_500, 10_000, 2_875), (3, 0, 5, 0),
        ])
    func scales(minorUnits: Int64, numerator: Int64, denominator: Int64, expected: Int64) {
        let scaled = Money(minorUnits: minorUnits, .sek).scaled(by: numerator, over: denominator)
        #expect(scaled == Money(minorUnits: expected, .sek))
    }

    @Test("Arithmetic keeps the currency and adds minor units exactly")
    func arithmetic() {
        var amount = Money(minorUnits: 10, .eur)
        amount += Money(minorUnits: 20, .eur)
        #expect(amount == Money(minorUnits: 30, .eur))
        amount -= Money(minorUnits: 45, .eur)
        #expect(amount == Money(minorUnits: -15, .eur))
        #expect(-amount == Money(minorUnits: 15, .eur))
        #expect(Money(minorUnits: 1, .eur) < Money(minorUnits: 2, .eur))
        #expect(Money.zero(.sek) == Money(minorUnits: 0, .sek))
        #expect(Money(minorUnits: 100, .usd) != Money(minorUnits: 100, .eur))
    }
}
