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

    /// The last day the United Kingdom was in the EU VAT area: it left the EU on
    /// 2020-01-31, but EU VAT rules applied to it until the transition period ended.
    public static let unitedKingdomLastEUDay = CivilDate(unchecked: 2020, 12, 31)

    /// The EU member states (VAT area) on `date`: the 27 of 2026, and the United Kingdom
    /// until 2020-12-31.
    ///
    /// Only the changes since 2020-01-01 are kept (Croatia's accession in 2013 is not):
    /// the tax table starts then, and no world starts earlier.
    public static func europeanUnion(on date: CivilDate) -> Set<Country> {
        date <= unitedKingdomLastEUDay ? europeanUnion.union([.unitedKingdom]) : europeanUnion
    }

    /// True for a member state of the EU VAT area on `date`; see ``europeanUnion(on:)``.
    public func isInEU(on date: CivilDate) -> Bool {
        Country.europeanUnion.contains(self) || (self == .unitedKingdom && date <= Country.unitedKingdomLastEUDay)
    }

    /// Sweden, the default seller's country.
    public static let sweden = Country(unchecked: "SE")
    /// The United States.
    public static let unitedStates = Country(unchecked: "US")
    /// The United Kingdom, in the EU VAT area until 2020-12-31.
    public static let unitedKingdom = Country(unchecked: "GB")

    public var description: String { rawValue }
    public static func < (lhs: Country, rhs: Country) -> Bool { lhs.rawValue < rhs.rawValue }
}
