// The published syntax of VAT numbers in each EU member state, and the United Kingdom's
// from when it was in the EU VAT area.
//
// Source: the European Commission's VIES FAQ, "VAT number format" (the table "VAT
// identification number structure", https://ec.europa.eu/taxation_customs/vies/#/faq),
// with two later facts it did not yet show everywhere: Belgian numbers may start with 1
// as well as 0 (the Crossroads Bank for Enterprises issues them as its 0-series runs
// out), and a Swedish
// number is the 10-digit organisation number followed by 01. docs/decisions.md, "VAT
// numbers", lists the sources and the choices made.

extension VATNumber {
    /// One country's published syntax: its prefix and the shapes that may follow it.
    public struct Format: Sendable, Hashable, CustomStringConvertible {
        /// The prefix, `DE`; Greece's is `EL`, not its ISO code `GR`.
        public let prefix: String
        /// The shapes after the prefix, in the VIES notation: `9` a digit, `L` a
        /// letter, `X` a letter or a digit, `S` a letter, a digit, `+` or `*`; any other
        /// character stands for itself (`U`, `B`, `01`).
        public let patterns: [String]
        /// The shapes in words, for people: `9 digits`.
        public let syntax: String
        /// A number of that syntax, prefix included.
        public let example: String

        init(_ prefix: String, _ patterns: [String], _ syntax: String, _ example: String) {
            self.prefix = prefix
            self.patterns = patterns
            self.syntax = syntax
            self.example = example
        }

        /// `DE followed by 9 digits, like DE123456789`.
        public var description: String { "\(prefix) followed by \(syntax), like \(example)" }

        /// True when `normal` (in normal form) is the prefix and one of the patterns.
        ///
        /// - Complexity: O(patterns × length).
        func matches(_ normal: String) -> Bool {
            guard normal.hasPrefix(prefix) else { return false }
            let rest = normal.utf8.dropFirst(prefix.utf8.count)
            return patterns.contains { pattern in
                pattern.utf8.count == rest.count && zip(pattern.utf8, rest).allSatisfy(Format.fits)
            }
        }

        private static func fits(_ symbol: UInt8, _ byte: UInt8) -> Bool {
            let digit = (0x30...0x39).contains(byte)
            let letter = (0x41...0x5A).contains(byte)
            switch symbol {
            case UInt8(ascii: "9"): return digit
            case UInt8(ascii: "L"): return letter
            case UInt8(ascii: "X"): return digit || letter
            case UInt8(ascii: "S"): return digit || letter || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "*")
            default: return byte == symbol
            }
        }
    }

    /// Patterns of only digits, one per count: `digits(8, 9)` is `99999999` and `999999999`.
    private static func digits(_ counts: ClosedRange<Int>) -> [String] {
        counts.map { String(repeating: "9", count: $0) }
    }

    /// The syntax of the 27 EU member states and the United Kingdom (in the EU VAT area
    /// until 2020-12-31; its numbers keep the syntax). A country not here takes any
    /// letters and digits.
    public static let formats: [Country: Format] = [
        Country(unchecked: "AT"): Format("AT", ["U99999999"], "U and 8 digits", "ATU12345678"),
        Country(unchecked: "BE"): Format("BE", ["0999999999", "1999999999"], "10 digits, the first 0 or 1", "BE0123456789"),
        Country(unchecked: "BG"): Format("BG", digits(9...10), "9 or 10 digits", "BG123456789"),
        Country(unchecked: "CY"): Format("CY", ["99999999L"], "8 digits and a letter", "CY12345678X"),
        Country(unchecked: "CZ"): Format("CZ", digits(8...10), "8, 9 or 10 digits", "CZ12345678"),
        Country(unchecked: "DE"): Format("DE", digits(9...9), "9 digits", "DE123456789"),
        Country(unchecked: "DK"): Format("DK", digits(8...8), "8 digits", "DK12345678"),
        Country(unchecked: "EE"): Format("EE", digits(9...9), "9 digits", "EE123456789"),
        Country(unchecked: "GR"): Format("EL", digits(9...9), "9 digits (Greece's prefix is EL, not GR)", "EL123456789"),
        // "X9999999X": the first and the last may be letters or digits, not both digits.
        Country(unchecked: "ES"): Format(
            "ES", ["L9999999X", "99999999L"], "a letter or digit, 7 digits and a letter or digit, not digits at both ends",
            "ESB12345678"),
        Country(unchecked: "FI"): Format("FI", digits(8...8), "8 digits", "FI12345678"),
        Country(unchecked: "FR"): Format("FR", ["XX999999999"], "2 letters or digits and 9 digits", "FR12345678901"),
        Country(unchecked: "HR"): Format("HR", digits(11...11), "11 digits", "HR12345678901"),
        Country(unchecked: "HU"): Format("HU", digits(8...8), "8 digits", "HU12345678"),
        // "9S99999L" (8 characters; covers 7 digits and a letter) or "9999999WI" (9).
        Country(unchecked: "IE"): Format(
            "IE", ["9S99999L", "9999999LL"],
            "7 digits and 1 or 2 letters, or a digit, a letter, + or *, 5 digits and a letter", "IE1234567T"),
        Country(unchecked: "IT"): Format("IT", digits(11...11), "11 digits", "IT12345678901"),
        Country(unchecked: "LT"): Format("LT", digits(9...9) + digits(12...12), "9 or 12 digits", "LT123456789"),
        Country(unchecked: "LU"): Format("LU", digits(8...8), "8 digits", "LU12345678"),
        Country(unchecked: "LV"): Format("LV", digits(11...11), "11 digits", "LV12345678901"),
        Country(unchecked: "MT"): Format("MT", digits(8...8), "8 digits", "MT12345678"),
        Country(unchecked: "NL"): Format("NL", ["999999999B99"], "9 digits, B and 2 digits", "NL123456789B01"),
        Country(unchecked: "PL"): Format("PL", digits(10...10), "10 digits", "PL1234567890"),
        Country(unchecked: "PT"): Format("PT", digits(9...9), "9 digits", "PT123456789"),
        Country(unchecked: "RO"): Format("RO", digits(2...10), "2 to 10 digits", "RO12345678"),
        Country(unchecked: "SE"): Format("SE", ["999999999901"], "12 digits ending in 01", "SE556677889901"),
        Country(unchecked: "SI"): Format("SI", digits(8...8), "8 digits", "SI12345678"),
        Country(unchecked: "SK"): Format("SK", digits(10...10), "10 digits", "SK1234567890"),
        // Branches add 3 digits; government departments are GD, health authorities HA.
        Country(unchecked: "GB"): Format(
            "GB", digits(9...9) + digits(12...12) + ["GD999", "HA999"], "9 or 12 digits, or GD or HA and 3 digits",
            "GB123456789"),
    ]
}
