/// An amount of money: an integer count of minor units (cents, öre) in one currency.
///
/// There is no floating point anywhere in amounts. Where a division is needed
/// (proration, tax) it goes through ``Rounding/scale(_:by:over:)``, which rounds half away
/// from zero: the one rounding rule of BillingSim.
public struct Money: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The amount in minor units; negative for credits.
    public var minorUnits: Int64
    /// The currency of the amount.
    public var currency: Currency

    /// An amount of `minorUnits` hundredths of `currency`.
    public init(minorUnits: Int64, _ currency: Currency) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    /// Zero in `currency`.
    public static func zero(_ currency: Currency) -> Money { Money(minorUnits: 0, currency) }

    /// Parses `"115.00"`, `"-3.5"` or `"1150"` as an amount in `currency`; `nil` if the
    /// text is not a decimal number with at most two decimals, or is out of range.
    public init?(parsing text: some StringProtocol, _ currency: Currency) {
        guard let minor = Money.parseMinorUnits(text) else { return nil }
        self.init(minorUnits: minor, currency)
    }

    /// Parses a decimal amount with at most two decimals into minor units.
    public static func parseMinorUnits(_ text: some StringProtocol) -> Int64? {
        parse(text, wholeDigits: 13)
    }

    /// The amount as a plain decimal, for example `1150.00` or `-3.50`.
    public var decimalString: String { Money.decimal(minorUnits) }

    /// Reads `[-]DIGITS[.D[D]]` with at most `wholeDigits` digits before the point, a
    /// count that must leave room in `Units` for the hundredths.
    static func parse<Units: FixedWidthInteger & SignedInteger>(_ text: some StringProtocol, wholeDigits: Int) -> Units? {
        var digits = Substring(text)
        var negative = false
        if digits.first == "-" {
            negative = true
            digits = digits.dropFirst()
        }
        let parts = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, !whole.isEmpty, whole.count <= wholeDigits,
            whole.allSatisfy({ $0.isASCII && $0.isNumber }), let major = Units(whole)
        else { return nil }
        var minor: Units = 0
        if parts.count == 2 {
            let fraction = parts[1]
            guard (1...2).contains(fraction.count), fraction.allSatisfy({ $0.isASCII && $0.isNumber }),
                let value = Units(fraction)
            else { return nil }
            minor = fraction.count == 1 ? value * 10 : value
        }
        let total = major * 100 + minor
        return negative ? -total : total
    }

    /// `minorUnits` hundredths as a plain decimal: a sign only when negative, always two
    /// decimals, no grouping.
    static func decimal<Units: FixedWidthInteger & SignedInteger>(_ minorUnits: Units) -> String {
        let magnitude = minorUnits.magnitude
        let whole = magnitude / 100
        let fraction = magnitude % 100
        let sign = minorUnits < 0 ? "-" : ""
        return "\(sign)\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// The amount and its currency code, for example `1150.00 USD`.
    public var description: String { "\(decimalString) \(currency.code)" }

    public static func < (lhs: Money, rhs: Money) -> Bool {
        precondition(lhs.currency == rhs.currency, "compared \(lhs.currency) with \(rhs.currency)")
        return lhs.minorUnits < rhs.minorUnits
    }

    public static func + (lhs: Money, rhs: Money) -> Money {
        precondition(lhs.currency == rhs.currency, "added \(lhs.currency) to \(rhs.currency)")
        return Money(minorUnits: lhs.minorUnits + rhs.minorUnits, lhs.currency)
    }

    public static func - (lhs: Money, rhs: Money) -> Money {
        precondition(lhs.currency == rhs.currency, "subtracted \(rhs.currency) from \(lhs.currency)")
        return Money(minorUnits: lhs.minorUnits - rhs.minorUnits, lhs.currency)
    }

    public static prefix func - (amount: Money) -> Money {
        Money(minorUnits: -amount.minorUnits, amount.currency)
    }

    public static func += (lhs: inout Money, rhs: Money) { lhs = lhs + rhs }
    public static func -= (lhs: inout Money, rhs: Money) { lhs = lhs - rhs }

    /// This amount times `numerator / denominator`, rounded half away from zero.
    public func scaled(by numerator: Int64, over denominator: Int64) -> Money {
        Money(minorUnits: Rounding.scale(minorUnits, by: numerator, over: denominator), currency)
    }
}
