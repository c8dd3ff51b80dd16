/// The single rounding rule of BillingSim: integer division rounded half away from zero.
public enum Rounding {
    /// `numerator / denominator`, rounded to the nearest integer, halves away from zero.
    ///
    /// `divide(5, by: 2) == 3`, `divide(-5, by: 2) == -3`, `divide(7, by: 3) == 2`.
    public static func divide(_ numerator: Int64, by denominator: Int64) -> Int64 {
        scale(numerator, by: 1, over: denominator)
    }

    /// `value × numerator / denominator`, rounded half away from zero, with a 128-bit
    /// intermediate product so a price times a year of seconds cannot overflow.
    ///
    /// - Precondition: `denominator != 0` and the result fits in `Int64`.
    public static func scale(_ value: Int64, by numerator: Int64, over denominator: Int64) -> Int64 {
        precondition(denominator != 0, "division by zero in rounding")
        let product = value.multipliedFullWidth(by: numerator)
        let negative = (product.high < 0) != (denominator < 0)
        let magnitude = magnitudeOf(product)
        let divisor = denominator.magnitude
        let (quotient, remainder) = divisor.dividingFullWidth(magnitude)
        let rounded = remainder >= divisor - remainder ? quotient + 1 : quotient
        return negative ? -Int64(rounded) : Int64(rounded)
    }

    /// The magnitude of a signed 128-bit number given as high and low words.
    private static func magnitudeOf(_ product: (high: Int64, low: UInt64)) -> (high: UInt64, low: UInt64) {
        guard product.high < 0 else { return (UInt64(product.high), product.low) }
        let low = ~product.low &+ 1
        let high = ~UInt64(bitPattern: product.high) &+ (low == 0 ? 1 : 0)
        return (high, low)
    }
}
