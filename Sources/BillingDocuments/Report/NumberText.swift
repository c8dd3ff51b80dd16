/// Locale-independent number formatting for the report: exact integer arithmetic for
/// amounts (in `Int128`, wide enough for any sum of invoices), and a fixed number of
/// decimals for SVG coordinates.
enum NumberText {
    /// `98000` → `98,000`.
    static func grouped(_ value: Int) -> String {
        decimal(Int128(value), decimals: 0)
    }

    /// `1 invoice`, `98,000 invoices`.
    static func counted(_ count: Int, _ singular: String, _ plural: String) -> String {
        grouped(count) + " " + (count == 1 ? singular : plural)
    }

    /// `value` in units of 10^-`decimals` as an exact decimal with digit grouping:
    /// `123456789, decimals: 2` → `1,234,567.89`.
    static func decimal(_ value: Int128, decimals: Int) -> String {
        (value < 0 ? "-" : "") + unsignedDecimal(value.magnitude, decimals: decimals)
    }

    /// A short label for axes and bars: up to one decimal and a suffix (k, M, B, T, Q)
    /// from a thousand units up, the exact value with trailing zeros dropped below.
    ///
    /// `250_000, decimals: 2` → `2.5k`; `5, decimals: 2` → `0.05`.
    static func compact(_ value: Int128, decimals: Int) -> String {
        let sign = value < 0 ? "-" : ""
        let magnitude = value.magnitude
        guard magnitude / powerOfTen(decimals) >= 1_000 else {
            return sign + trimmingFraction(unsignedDecimal(magnitude, decimals: decimals))
        }
        var tenths: UInt128 = 0
        var suffix = ""
        for (index, candidate) in ["k", "M", "B", "T", "Q"].enumerated() {
            let exponent = 3 * (index + 1) + decimals - 1
            guard exponent <= 38 else { break }
            tenths = roundedQuotient(magnitude, powerOfTen(exponent))
            suffix = candidate
            if tenths < 10_000 { break }
        }
        return sign + trimmingFraction(unsignedDecimal(tenths, decimals: 1)) + suffix
    }

    /// An SVG coordinate or length, rounded to two decimals with trailing zeros dropped:
    /// `12.5`, `300`, `-4.25`.
    static func coordinate(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e12 else { return "0" }
        let hundredths = Int64((value * 100).rounded())
        let text = trimmingFraction(unsignedDecimal(UInt128(hundredths.magnitude), decimals: 2, grouping: false))
        return (hundredths < 0 ? "-" : "") + text
    }

    /// 10^`exponent` for 0…38, the range of `UInt128`.
    static func powerOfTen(_ exponent: Int) -> UInt128 {
        precondition((0...38).contains(exponent), "NumberText: 10^\(exponent) does not fit in UInt128")
        var result: UInt128 = 1
        for _ in 0..<exponent { result *= 10 }
        return result
    }

    private static func unsignedDecimal(_ magnitude: UInt128, decimals: Int, grouping: Bool = true) -> String {
        let unit = powerOfTen(decimals)
        let whole = String(magnitude / unit)
        var text = grouping ? group(whole) : whole
        if decimals > 0 {
            let fraction = String(magnitude % unit)
            text += "." + String(repeating: "0", count: decimals - fraction.count) + fraction
        }
        return text
    }

    private static func trimmingFraction(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var text = text
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    private static func group(_ digits: String) -> String {
        var result = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { result += "," }
            result.append(digit)
        }
        return result
    }

    /// `dividend / divisor` rounded half up, without overflow.
    private static func roundedQuotient(_ dividend: UInt128, _ divisor: UInt128) -> UInt128 {
        let remainder = dividend % divisor
        return dividend / divisor + (remainder >= divisor - remainder ? 1 : 0)
    }
}
