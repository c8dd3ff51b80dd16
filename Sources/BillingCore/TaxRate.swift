/// A VAT rate in hundredths of a percent: 2500 is 25%, 2550 is 25.5%.
public struct TaxRate: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// Hundredths of a percent.
    public var basisPoints: Int64

    /// A rate of `basisPoints` hundredths of a percent.
    public init(basisPoints: Int64) { self.basisPoints = basisPoints }

    /// Parses `"25"`, `"25.5"` or `"25.50"` (percent); `nil` otherwise or above 100.
    public init?(percent text: some StringProtocol) {
        guard let value = Money.parseMinorUnits(text), value >= 0, value <= 10_000 else { return nil }
        self.basisPoints = value
    }

    /// The tax on `amount`, rounded half away from zero to the minor unit.
    public func tax(on amount: Money) -> Money { amount.scaled(by: basisPoints, over: 10_000) }

    /// `25%` or `25.5%`.
    public var description: String {
        let whole = basisPoints / 100
        let fraction = basisPoints % 100
        if fraction == 0 { return "\(whole)%" }
        return fraction % 10 == 0 ? "\(whole).\(fraction / 10)%" : "\(whole).\(fraction < 10 ? "0" : "")\(fraction)%"
    }

    public static func < (lhs: TaxRate, rhs: TaxRate) -> Bool { lhs.basisPoints < rhs.basisPoints }
}
