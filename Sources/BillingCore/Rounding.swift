/// The single rounding rule of BillingSim: integer division rounded half away from zero.
public enum Rounding {
    /// `numerator / denominator`, rounded to the nearest integer, halves away from zero.
    ///
    /// `divide(5, by: 2) == 3`, `divide(-5, by: 2) == -3`, `divide(7, by: 3) == 2`.
    public static func divide(_ numerator: Int64, by denominator: Int64) -> Int64 {
        precondition(denominator != 0, "division by zero in rounding")
        let negative = (numerator < 0) != (denominator < 0)
        let n = numerator.magnitude
        let d = denominator.magnitude
        let quotient = (n + d / 2) / d
        return negative ? -Int64(quotient) : Int64(quotient)
    }
}
