public import BillingCore

/// Counts and totals of a world, for reports.
public struct WorldSummary: Sendable, Hashable {
    /// Companies.
    public var companies: Int
    /// Users.
    public var users: Int
    /// Invoices issued.
    public var invoices: Int
    /// Invoice emails sent.
    public var emails: Int
    /// Sum of invoice totals per currency, in minor units, exact: `Int128`, because four
    /// companies at the maximum prices pass `Int64.max` in a month. Print it with
    /// ``Money/decimalString(minorUnits:)``.
    public var revenue: [Currency: Int128]
    /// Sum of amounts due per currency, in minor units, exact.
    public var amountDue: [Currency: Int128]
}

extension Simulation {
    /// Counts and totals over the whole world.
    public func summary() async -> WorldSummary {
        let companies = await clock.allCompanies
        let perCompany = await fanOut(companies, width: width) { company in
            await company.read { state in
                // Each addend is below 2^63: the sums could only overflow after 2^64
                // invoices, so plain `+` cannot trap.
                var total: Int128 = 0
                var due: Int128 = 0
                for position in 0..<state.invoiceCount {
                    let amounts = state.invoiceAmounts(at: position)
                    total += Int128(amounts.total)
                    due += Int128(amounts.amountDue)
                }
                return (state.currency, state.invoiceCount, total, due)
            }
        }
        var summary = WorldSummary(
            companies: companies.count, users: await directory.count, invoices: 0, emails: await outbox.count,
            revenue: [:], amountDue: [:])
        for (currency, count, total, due) in perCompany {
            summary.invoices += count
            summary.revenue[currency, default: 0] += total
            summary.amountDue[currency, default: 0] += due
        }
        return summary
    }
}
