/// A day on which an invoice could need a VAT rate the tax table does not hold: a day
/// before the table's first date, or an EU member state the table does not list.
///
/// No rate is ever guessed for such a day (neither today's rate nor 0%): a world that
/// would reach one is refused when it is created or restored.
public struct TaxTableGap: Error, Sendable, Hashable, CustomStringConvertible {
    /// The day: a world's start, or an invoice's date.
    public var date: CivilDate
    /// The country with no rate on that day.
    public var country: Country
    /// The first day the table has a rate for `country`; `nil` when it has none at all.
    public var firstDate: CivilDate?

    /// A gap.
    public init(date: CivilDate, country: Country, firstDate: CivilDate?) {
        self.date = date
        self.country = country
        self.firstDate = firstDate
    }

    /// `2019-12-31 is before 2020-01-01, the first date of the VAT table: …`.
    public var description: String {
        guard let firstDate else {
            return "the VAT table has no rate for \(country), an EU member state on \(date): "
                + "add one that takes effect on or before \(date)"
        }
        return "\(date) is before \(firstDate), the first date of the VAT table: no VAT rate is known before then, "
            + "and none is guessed; start on \(firstDate) or later"
    }

    /// True when `self` needs the later fix: a country with no rate at all, then the
    /// later first date, then (for a stable choice) the smaller country code.
    func outranks(_ other: TaxTableGap) -> Bool {
        switch (firstDate, other.firstDate) {
        case (nil, nil): country < other.country
        case (nil, _?): true
        case (_?, nil): false
        case (let mine?, let theirs?): mine != theirs ? mine > theirs : country < other.country
        }
    }
}
