/// A buyer's VAT registration number that fits its country's published syntax.
///
/// Checked offline, for syntax only: no VIES lookup and no check digits (see
/// ``VATNumber/formats`` for the table and its source, and `docs/decisions.md`, "VAT
/// numbers"). Only such a number makes an EU buyer in another member state reverse
/// charged.
///
/// The text is normalised first: spaces, dots and hyphens are dropped and ASCII letters
/// upper-cased, so `de 123.456.789` is `DE123456789`. The normal form is what a company
/// stores, prints and compares.
///
/// - In an EU member state (and the United Kingdom, in the EU VAT area until 2020): the
///   country's VIES prefix (`EL` for Greece), then its pattern.
/// - Elsewhere: any letters and digits. Such a number is kept and printed but never
///   changes the VAT, which is none outside the EU.
///
/// ```swift
/// let germany = Country(rawValue: "DE") ?? .sweden
/// try VATNumber("de 123.456.789", for: germany).text  // "DE123456789"
/// try VATNumber("SE556677889901", for: germany)       // throws .prefix: DE followed by 9 digits
/// ```
public struct VATNumber: Sendable, Hashable, CustomStringConvertible {
    /// The number in normal form: upper-case ASCII letters and digits, prefix first.
    public let text: String
    /// The country it was checked for.
    public let country: Country

    /// The most characters a number has in normal form. The longest EU one has 14
    /// (`SE`, `NL`, `GB` branches); national tax ids elsewhere, such as Switzerland's
    /// `CHE123456789MWST`, have 16 or fewer.
    public static let maximumLength = 20

    /// Checks `text` for `country` and keeps its normal form.
    ///
    /// - Throws: ``Problem``: an empty number, other characters than letters and digits,
    ///   more than ``maximumLength`` of them, or (for a country in ``formats``) another
    ///   prefix or a shape the country does not publish.
    public init(_ text: String, for country: Country) throws(Problem) {
        let normal = VATNumber.normalized(text)
        guard !normal.isEmpty else { throw .empty }
        guard normal.utf8.allSatisfy(VATNumber.isAllowed) else { throw .characters }
        guard normal.utf8.count <= VATNumber.maximumLength else { throw .tooLong }
        if let format = VATNumber.formats[country] {
            guard normal.hasPrefix(format.prefix) else { throw .prefix(format) }
            guard format.matches(normal) else { throw .shape(format) }
        }
        self.text = normal
        self.country = country
    }

    /// `text` without spaces (any whitespace), dots and hyphens, with ASCII letters
    /// upper-cased; other characters are kept, for the check to refuse.
    ///
    /// - Complexity: O(n) in the length of `text`.
    public static func normalized(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for character in text where !character.isWhitespace && character != "." && character != "-" {
            for scalar in character.unicodeScalars {
                scalars.append((0x61...0x7A).contains(scalar.value) ? Unicode.Scalar(scalar.value - 0x20) ?? scalar : scalar)
            }
        }
        return String(scalars)
    }

    /// True when `text` is a VAT number of `country`: what decides reverse charge.
    public static func fits(_ text: String, _ country: Country) -> Bool {
        (try? VATNumber(text, for: country)) != nil
    }

    /// Letters, digits, and the `+` and `*` an old Irish number may hold.
    private static func isAllowed(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || byte == 0x2B || byte == 0x2A
    }

    public var description: String { text }
}
