/// A country as its ISO 3166-1 alpha-2 code, for example `SE`.
public struct Country: RawRepresentable, Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The two upper-case letters.
    public var rawValue: String

    /// A country code; `nil` unless it is exactly two ASCII letters (case is normalised).
    public init?(rawValue: String) {
        guard rawValue.utf8.count == 2, rawValue.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        self.rawValue = rawValue.uppercased()
    }

    /// A known-good code, for tables in the source.
    init(unchecked code: String) { self.rawValue = code }

    /// The EU member states (VAT area) as of 2026.
    public static let europeanUnion: Set<Country> = Set(
        [
            "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
            "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
        ].map { Country(unchecked: $0) })

    /// True for EU member states.
    public var isInEU: Bool { Country.europeanUnion.contains(self) }

    /// Sweden, the default seller's country.
    public static let sweden = Country(unchecked: "SE")
    /// The United States.
    public static let unitedStates = Country(unchecked: "US")

    public var description: String { rawValue }
    public static func < (lhs: Country, rhs: Country) -> Bool { lhs.rawValue < rhs.rawValue }
}
