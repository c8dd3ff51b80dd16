import BillingCore
import Testing

@testable import BillingDocuments

@Suite("Per-month tallies for the report")
struct MonthTallyTests {
    /// The largest invoice of a company at the scenario language's maximum prices: a
    /// 1,000,000.00 plan and a trillion visits, CDN GB and disk GB at 10,000.00 a unit,
    /// with 25% VAT.
    private static let largestInvoice: Int64 = 2_501_250_000_125_000_000

    private static func invoice(total: Int64, created: Instant = PDFFixtures.date(2026, 2, 1)) -> Invoice {
        Invoice(
            number: nil, kind: .plan, cycle: .monthly, created: created, periodStart: created, periodEnd: created.nextMonthStart,
            currency: .eur, lines: [], subtotal: total, tax: .outsideScope, taxAmount: 0, total: total, balanceApplied: 0,
            amountDue: total, balanceRemaining: 0, detailsRevision: 0)
    }

    @Test("A month's revenue adds four of the largest invoices exactly, past Int64.max")
    func revenuePastInt64IsExact() throws {
        var tally = MonthTally()
        for _ in 0..<4 { tally.count(Self.invoice(total: Self.largestInvoice)) }
        let row = try #require(tally.rows.first)
        #expect(row.revenue.map(\.currency) == ["EUR"])
        #expect(row.revenue.map { Int128($0.minorUnits) } == [4 * Int128(Self.largestInvoice)])
    }

    @Test("Merging tallies adds their months' revenue exactly")
    func mergeIsExact() throws {
        var first = MonthTally()
        var second = MonthTally()
        for _ in 0..<2 {
            first.count(Self.invoice(total: Self.largestInvoice))
            second.count(Self.invoice(total: Self.largestInvoice))
        }
        second.count(Self.invoice(total: -5))
        first.merge(second)
        let row = try #require(first.rows.first)
        #expect(row.invoices == 5)
        #expect(row.revenue.map { Int128($0.minorUnits) } == [4 * Int128(Self.largestInvoice) - 5])
    }
}
