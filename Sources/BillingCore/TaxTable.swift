/// Standard VAT rates per country as dated data: each rate applies from its date until
/// the next change.
public typealias TaxTable = DatedValues<Country, TaxRate>

extension DatedValues where Key == Country, Value == TaxRate {
    /// The standard rate of `country` on `date`; `nil` when the table has none, for
    /// example before the country's first date.
    public func rate(for country: Country, on date: CivilDate) -> TaxRate? { change(for: country, on: date)?.value }

    /// Of `countries`, the one with no rate on `date` that needs the later fix (no rate
    /// at all, else the latest first date), as a gap; `nil` when each has a rate then.
    public func gap(among countries: some Sequence<Country>, on date: CivilDate) -> TaxTableGap? {
        var worst: TaxTableGap?
        for country in countries where rate(for: country, on: date) == nil {
            let gap = TaxTableGap(date: date, country: country, firstDate: firstDate(for: country))
            if worst.map({ gap.outranks($0) }) ?? true { worst = gap }
        }
        return worst
    }

    /// The first day of ``standardEU``: it holds no rate before 2020-01-01.
    public static var standardEUFirstDate: CivilDate { CivilDate(unchecked: 2020, 1, 1) }

    /// The standard rates of the EU member states from 2020-01-01, with every change
    /// since, and the United Kingdom's 20% (charged to its buyers only while it was in
    /// the EU VAT area, see ``Country/isInEU(on:)``). The sources are listed in
    /// docs/decisions.md, "VAT history"; nothing earlier is kept.
    public static var standardEU: TaxTable { standardEUTable }
}

/// ``TaxTable/standardEU``, built once (a generic type cannot store it).
private let standardEUTable: TaxTable = {
    var table = TaxTable()
    let since = TaxTable.standardEUFirstDate
    let rates: [(String, Int64)] = [
        ("AT", 2000), ("BE", 2100), ("BG", 2000), ("HR", 2500), ("CY", 1900), ("CZ", 2100),
        ("DK", 2500), ("EE", 2000), ("FI", 2400), ("FR", 2000), ("DE", 1900), ("GR", 2400),
        ("HU", 2700), ("IE", 2300), ("IT", 2200), ("LV", 2100), ("LT", 2100), ("LU", 1700),
        ("MT", 1800), ("NL", 2100), ("PL", 2300), ("PT", 2300), ("RO", 1900), ("SK", 2000),
        ("SI", 2200), ("ES", 2100), ("SE", 2500), ("GB", 2000),
    ]
    for (code, bp) in rates {
        table.set(TaxRate(basisPoints: bp), for: Country(unchecked: code), from: since)
    }
    // Every change of a standard rate since, in date order: Germany's and Ireland's
    // temporary cuts of 2020, Luxembourg's of 2023, then the rises.
    let dated: [(String, Int, Int, Int, Int64)] = [
        ("DE", 2020, 7, 1, 1600), ("IE", 2020, 9, 1, 2100), ("DE", 2021, 1, 1, 1900), ("IE", 2021, 3, 1, 2300),
        ("LU", 2023, 1, 1, 1600), ("EE", 2024, 1, 1, 2200), ("LU", 2024, 1, 1, 1700), ("FI", 2024, 9, 1, 2550),
        ("SK", 2025, 1, 1, 2300), ("EE", 2025, 7, 1, 2400), ("RO", 2025, 8, 1, 2100),
    ]
    for (code, year, month, day, bp) in dated {
        let date = CivilDate(unchecked: year, month, day)
        table.set(TaxRate(basisPoints: bp), for: Country(unchecked: code), from: date)
    }
    return table
}()
