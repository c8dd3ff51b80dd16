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
    /// Sum of invoice totals per currency, in minor units. Sums stop at `Int64.max`
    /// (about 92 quadrillion in major units) instead of overflowing: only a contrived
    /// catalog and usage can get there.
    public var revenue: [Currency: Int64]
    /// Sum of amounts due per currency.
    public var amountDue: [Currency: Int64]
}

extension Simulation {
    /// Counts and totals over the whole world.
    public func summary() async -> WorldSummary {
        let companies = await clock.allCompanies
        let perCompany = await fanOut(companies, width: width) { company in
            await company.read { state in
                var total: Int64 = 0
                var due: Int64 = 0
                for position in 0..<state.invoiceCount {
                    let amounts = state.invoiceAmounts(at: position)
                    total = saturatingSum(total, amounts.total)
                    due = saturatingSum(due, amounts.amountDue)
                }
                return (state.currency, state.invoiceCount, total, due)
            }
        }
        var summary = WorldSummary(
            companies: companies.count, users: await directory.count, invoices: 0, emails: await outbox.count,
            revenue: [:], amountDue: [:])
        for (currency, count, total, due) in perCompany {
            summary.invoices += count
            summary.revenue[currency] = saturatingSum(summary.revenue[currency, default: 0], total)
            summary.amountDue[currency] = saturatingSum(summary.amountDue[currency, default: 0], due)
        }
        return summary
    }
}

/// `a + b`, held at `Int64.max` or `Int64.min` instead of overflowing.
func saturatingSum(_ a: Int64, _ b: Int64) -> Int64 {
    let (sum, overflow) = a.addingReportingOverflow(b)
    guard overflow else { return sum }
    return b > 0 ? .max : .min
}
