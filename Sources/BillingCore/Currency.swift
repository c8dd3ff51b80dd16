/// A currency BillingSim bills in. Every amount carries one; amounts in different
/// currencies are never added.
public enum Currency: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// US dollar.
    case usd = "USD"
    /// Euro.
    case eur = "EUR"
    /// Swedish krona.
    case sek = "SEK"

    /// The ISO 4217 code, for example `SEK`.
    public var code: String { rawValue }

    /// Digits after the decimal point: all three use hundredths (cents, öre).
    public var minorDigits: Int { 2 }

    /// Minor units in one major unit (100 for all supported currencies).
    public var minorPerMajor: Int64 { 100 }

    public static func < (lhs: Currency, rhs: Currency) -> Bool { lhs.rawValue < rhs.rawValue }
}
