import BillingCore
import Testing

/// DOMAIN.md "Corrections and credit notes": closing an account issues a final invoice
/// for usage and pending lines, the unused time is credited at the VAT it was charged
/// with, and then billing stops (issue 14). Amounts are cents of the standard catalog:
/// Business 115.00 a month, 1150.00 a year; Redis 100.00 per site, extra disk 20.00;
/// 1.00 per started 1,000 visits over the allowance (Business: 100,000). A prorated line
/// is one unit at its prorated price.
@Suite("Closing an account: the final invoice")
struct ClosingTests {
    private func line(
        _ kind: InvoiceLine.Kind, _ amount: Int64, unit: Int64? = nil, quantity: Int64 = 1, _ start: Instant, _ end: Instant,
        credits: CreditReference? = nil
    ) -> InvoiceLine {
        InvoiceLine(
            kind: kind, quantity: quantity, unitPrice: unit ?? amount, amount: amount, periodStart: start, periodEnd: end,
            credits: credits)
    }

    /// A US company on monthly Business from 2026-04-01 with extra disk and Redis on
    /// site `a`, 130,000 visits in April, extra disk removed on 04-11 (a pending credit),
    /// closed on 04-21 with 10 of April's 30 days left.
    private func closedMidApril() throws -> CompanyState {
        var state = company(start: at(2026, 4, 1))
        state.setUpSite(Site(id: "a", name: "Shop"))
        try state.setUpAddOn("disk20", site: nil, at: at(2026, 4, 1), settings: standard)
        try state.setUpAddOn("redis", site: "a", at: at(2026, 4, 1), settings: standard)
        state.runDue(until: at(2026, 4, 1), settings: standard)
        try state.recordUsage(.visits, 130_000)
        try state.removeAddOn("disk20", by: People.owner, at: at(2026, 4, 11), settings: standard)
        state.runDue(until: at(2026, 4, 21), settings: standard)
        try state.closeAccount(by: People.owner, at: at(2026, 4, 21), settings: standard)
        return state
    }

    @Test("A monthly plan closed mid-period: the final invoice bills the overage and the pending credit, and credits the unused time")
    func monthlyMidPeriod() throws {
        let state = try closedMidApril()
        #expect(state.invoices.count == 2)
        let final = try #require(state.invoices.last)
        #expect(final.kind == .final)
        #expect(final.number?.description == "ACME-000002")
        #expect(final.cycle == .monthly)
        #expect(final.created == at(2026, 4, 21))
        #expect(final.periodStart == at(2026, 4, 1))
        #expect(final.periodEnd == at(2026, 4, 21))
        #expect(
            final.lines == [
                // 130,000 visits: 30 started blocks over the allowance.
                line(.overage(.visits), 3_000, unit: 100, quantity: 30, at(2026, 4, 1), at(2026, 4, 21)),
                // Removed on 04-11 with 20 of 30 days left: the pending credit.
                line(.addOnCredit("disk20", site: nil), -1_333, at(2026, 4, 11), at(2026, 5, 1), credits: creditOf()),
                // 10 of 30 days left: 115.00 × 10/30 and 100.00 × 10/30.
                line(.planCredit("business", .monthly), -3_833, at(2026, 4, 21), at(2026, 5, 1), credits: creditOf()),
                line(.addOnCredit("redis", site: "a"), -3_333, at(2026, 4, 21), at(2026, 5, 1), credits: creditOf()),
            ])
        #expect(final.subtotal == -5_499)
        #expect(final.taxAmount == 0)
        #expect(final.total == -5_499)
        #expect(final.balanceApplied == 0)
        #expect(final.amountDue == 0)
        // What is left is owed back to the customer.
        #expect(final.balanceRemaining == 5_499)
        #expect(state.balance == 5_499)
        #expect(state.pendingLines.isEmpty)
        #expect(state.usage.visits == 0)
        #expect(state.usageStart == at(2026, 4, 21))
    }

    @Test("An annual plan closed mid-year: usage and add-ons used this month billed, the plan's unused time credited")
    func annualMidYear() throws {
        var state = company(cycle: .annual, start: at(2026, 1, 1))
        state.setUpSite(Site(id: "a", name: "Shop"))
        try state.setUpAddOn("redis", site: "a", at: at(2026, 1, 1), settings: standard)
        state.runDue(until: at(2026, 3, 5), settings: standard)
        #expect(state.invoices.map(\.kind) == [.plan, .perUse, .perUse])
        try state.recordUsage(.visits, 101_000)
        state.runDue(until: at(2026, 3, 11), settings: standard)
        try state.closeAccount(by: People.owner, at: at(2026, 3, 11), settings: standard)

        let final = try #require(state.invoices.last)
        #expect(state.invoices.count == 4)
        #expect(final.kind == .final)
        #expect(final.cycle == .annual)
        #expect(final.periodStart == at(2026, 3, 1))
        #expect(final.periodEnd == at(2026, 3, 11))
        #expect(
            final.lines == [
                line(.overage(.visits), 100, unit: 100, quantity: 1, at(2026, 3, 1), at(2026, 3, 11)),
                // Redis per use: 10 of March's 31 days.
                line(.addOn("redis", site: "a"), 3_226, at(2026, 3, 1), at(2026, 3, 11)),
                // 296 of the year's 365 days left: 1150.00 × 296/365.
                line(.planCredit("business", .annual), -93_260, at(2026, 3, 11), at(2027, 1, 1), credits: creditOf()),
            ])
        #expect(final.total == -89_934)
        #expect(final.balanceRemaining == 89_934)
        #expect(state.balance == 89_934)
    }

    @Test("Closing right as a period starts credits the whole period just invoiced, and bills no usage twice")
    func atPeriodStart() throws {
        var state = company(start: at(2026, 1, 15))
        state.runDue(until: at(2026, 1, 15), settings: standard)
        try state.recordUsage(.visits, 101_000)
        // Work due at the instant comes first: the window closes and the new period is invoiced.
        state.runDue(until: at(2026, 2, 15), settings: standard)
        #expect(state.invoices[1].lines.map(\.amount) == [11_500, 100])
        try state.closeAccount(by: People.owner, at: at(2026, 2, 15), settings: standard)

        let final = try #require(state.invoices.last)
        #expect(state.invoices.count == 3)
        #expect(final.kind == .final)
        #expect(final.periodStart == at(2026, 2, 15))
        #expect(final.periodEnd == at(2026, 2, 15))
        #expect(
            final.lines == [
                line(.planCredit("business", .monthly), -11_500, at(2026, 2, 15), at(2026, 3, 15), credits: creditOf(1))
            ])
        #expect(final.total == -11_500)
        #expect(state.balance == 11_500)
    }

    @Test("An account closed before its first invoice gets no final invoice: nothing was billed or used")
    func beforeFirstInvoice() throws {
        var state = company(start: at(2026, 1, 15))
        try state.closeAccount(by: People.owner, at: at(2026, 1, 10), settings: standard)
        #expect(state.closed)
        #expect(state.invoices.isEmpty)
        #expect(state.runDue(until: at(2027, 1, 1), settings: standard) == 0)
    }

    @Test("A closed company gets nothing more billed a year later, refuses billing operations and still shows its invoices")
    func nothingAfterClosing() throws {
        var state = try closedMidApril()
        #expect(state.nextDue == nil)
        #expect(state.runDue(until: at(2027, 4, 21), settings: standard) == 0)
        #expect(state.invoices.count == 2)
        #expect(state.balance == 5_499)
        #expect(try state.viewInvoices(by: People.owner).map(\.kind) == [.plan, .final])
        let later = at(2027, 4, 21)
        expectFailure(.accountClosed("acme"), in: state) { state throws(BillingError) in
            try state.closeAccount(by: People.owner, at: later, settings: standard)
        }
        expectFailure(.accountClosed("acme"), in: state) { state throws(BillingError) in
            try state.changePlan(to: "agency", by: People.owner, at: later, settings: standard)
        }
        expectFailure(.accountClosed("acme"), in: state) { state throws(BillingError) in
            try state.addAddOn("disk20", by: People.owner, at: later, settings: standard)
        }
        expectFailure(.accountClosed("acme"), in: state) { state throws(BillingError) in
            try state.removeAddOn("redis", site: "a", by: People.owner, at: later, settings: standard)
        }
        expectFailure(.accountClosed("acme"), in: state) { state throws(BillingError) in
            try state.recordUsage(.visits, 1)
        }
    }

    @Test("The final invoice's credit reverses VAT at the credited invoice's rate: 24% before Finland's 25.5%")
    func creditAtChargedRate() throws {
        var state = company(country: "FI", currency: .eur, cycle: .annual, start: at(2024, 8, 1))
        state.runDue(until: at(2024, 10, 5), settings: standard)
        #expect(state.invoices[0].tax == .destination(TaxRate(basisPoints: 2400)))
        try state.recordUsage(.visits, 102_000)
        state.runDue(until: at(2024, 10, 11), settings: standard)
        try state.closeAccount(by: People.owner, at: at(2024, 10, 11), settings: standard)

        let final = try #require(state.invoices.last)
        #expect(final.kind == .final)
        #expect(final.tax == .destination(TaxRate(basisPoints: 2550)))
        // 294 of 365 days left: 1150.00 × 294/365 = 926.30, credited at 24% (−222.31);
        // the overage 2.00 at 25.5% (0.51).
        #expect(final.lines.map(\.amount) == [200, -92_630])
        #expect(final.lines[1].credits == creditOf(tax: .destination(TaxRate(basisPoints: 2400))))
        #expect(
            final.taxGroups == [
                TaxGroup(treatment: .destination(TaxRate(basisPoints: 2550)), base: 200, tax: 51),
                TaxGroup(treatment: .destination(TaxRate(basisPoints: 2400)), base: -92_630, tax: -22_231),
            ])
        #expect(final.taxAmount == -22_180)
        #expect(final.total == 200 - 92_630 - 22_180)
        #expect(state.balance == 114_610)
    }

    @Test("A company charged under reverse charge that moved to Sweden gets no VAT back on its final credit")
    func creditUnderReverseCharge() throws {
        var state = company(country: "DE", vat: "DE123456789", currency: .eur, cycle: .annual, start: at(2026, 1, 1))
        state.runDue(until: at(2026, 1, 1), settings: standard)
        try state.editDetails(country: Country(rawValue: "SE"), vatNumber: "", by: People.owner)
        state.runDue(until: at(2026, 3, 1), settings: standard)
        try state.closeAccount(by: People.owner, at: at(2026, 3, 1), settings: standard)

        let final = try #require(state.invoices.last)
        #expect(final.kind == .final)
        #expect(final.tax == .domestic(TaxRate(basisPoints: 2500)))
        // 306 of 365 days left: 1150.00 × 306/365 = 964.11, no VAT charged so none refunded.
        #expect(final.lines.map(\.amount) == [-96_411])
        #expect(final.lines[0].credits == creditOf(tax: .reverseCharge))
        #expect(final.taxAmount == 0)
        #expect(final.total == -96_411)
    }

    @Test("A generated company closed mid-window is billed the part of the month's simulated usage it lasted")
    func generatedUsageUntilClose() throws {
        // CDN: Business allows 300 GB; the profile's 1,000 GB a month varies by ±20%.
        func generated() -> CompanyState {
            CompanyState(
                id: "gen", index: 3, details: details("US"), currency: .usd, plan: "business", cycle: .monthly,
                owner: People.owner.id, start: at(2026, 4, 1), profile: UsageProfile(visits: 0, cdnGB: 1_000, diskGB: 0), seed: 7)
        }
        var open = generated()
        open.runDue(until: at(2026, 5, 1), settings: standard)
        let month = try #require(open.invoices[1].lines.first { $0.kind == .overage(.cdn) }).quantity + 300

        var closed = generated()
        closed.runDue(until: at(2026, 4, 16), settings: standard)
        try closed.closeAccount(by: People.owner, at: at(2026, 4, 16), settings: standard)
        let final = try #require(closed.invoices.last)
        #expect(final.kind == .final)
        // 15 of April's 30 days: half the month's sample, rounded half away from zero.
        let used = Rounding.scale(month, by: 15, over: 30)
        #expect(final.lines.first { $0.kind == .overage(.cdn) }?.quantity == used - 300)
    }
}
