// Sums of many amounts. One amount is `Int64` minor units, kept far inside it by the
// limits; a sum over invoices or companies is not: four companies at the maximum prices
// pass `Int64.max` in a month. Sums are `Int128` and print by the same rules as one
// amount, so a total never stops or wraps.

extension Money {
    /// A sum of `minorUnits` hundredths as a plain decimal, by the rules of
    /// ``decimalString``: a sign only when negative, two decimals, no grouping.
    ///
    /// ```swift
    /// Money.decimalString(minorUnits: 4 * Int128(Int64.max))  // "368934881474191032.28"
    /// ```
    public static func decimalString(minorUnits: Int128) -> String { decimal(minorUnits) }

    /// A sum of `minorUnits` hundredths of `currency`, by the rules of ``description``:
    /// `368934881474191032.28 EUR`.
    public static func description(minorUnits: Int128, _ currency: Currency) -> String {
        decimal(minorUnits) + " " + currency.code
    }

    /// Parses a sum written like one amount (`115.00`, `-3.5`, `1150`) but with up to 36
    /// digits before the point; `nil` if the text is not such a decimal.
    ///
    /// ```swift
    /// Money.parseSumMinorUnits("368934881474191032.28")  // 4 * Int128(Int64.max)
    /// ```
    public static func parseSumMinorUnits(_ text: some StringProtocol) -> Int128? {
        parse(text, wholeDigits: 36)
    }
}
