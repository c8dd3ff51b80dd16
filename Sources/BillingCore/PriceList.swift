/// One price in each currency it is sold in.
public struct PriceList: Sendable, Hashable, Codable {
    /// Minor units per currency.
    public var minorUnits: [Currency: Int64]

    /// A price list from minor units per currency.
    public init(_ minorUnits: [Currency: Int64]) { self.minorUnits = minorUnits }

    /// The same minor-unit amount in USD and EUR and ten times it in SEK: the default
    /// catalog's convention.
    public static func usdEurSek(_ minor: Int64) -> PriceList {
        PriceList([.usd: minor, .eur: minor, .sek: minor * 10])
    }

    /// The price in `currency`; `nil` when not sold in it.
    public subscript(currency: Currency) -> Money? {
        minorUnits[currency].map { Money(minorUnits: $0, currency) }
    }

    /// Every amount multiplied by `factor`.
    public func times(_ factor: Int64) -> PriceList { PriceList(minorUnits.mapValues { $0 * factor }) }
}
