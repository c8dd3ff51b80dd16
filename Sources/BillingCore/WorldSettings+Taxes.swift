// Whether the tax table can tax every invoice of a world.

extension WorldSettings {
    /// Refuses a world that starts on `date` when one of its invoices could need a VAT
    /// rate the table does not hold.
    ///
    /// A seller in the EU needs a rate for every member state (its own included); one
    /// outside it charges no VAT without a rate of its own. Checking the start day is
    /// enough: a country's rates, once they begin, cover every later day, and no country
    /// joins the EU VAT area after 2020 (the United Kingdom only leaves it).
    ///
    /// ```swift
    /// try WorldSettings().checkTaxes(from: CivilDate(year: 2019, month: 12, day: 31)!)
    /// // throws: 2019-12-31 is before the VAT table's first date 2020-01-01: …
    /// ```
    ///
    /// - Throws: ``TaxTableGap`` for the member state whose rates start latest.
    public func checkTaxes(from date: CivilDate) throws(TaxTableGap) {
        guard seller.country.isInEU(on: date) else { return }
        if let gap = taxes.gap(among: Country.europeanUnion(on: date), on: date) { throw gap }
    }
}
