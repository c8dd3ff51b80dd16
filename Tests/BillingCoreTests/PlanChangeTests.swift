import BillingCore
import Testing

/// Plan changes mid-period, prorated to the second and rounded half away from zero. The
/// expected amounts are worked out by hand in the comments. US company: no VAT.
@Suite("Plan changes and proration")
struct PlanChangeTests {
    private func line(
        _ kind: InvoiceLine.Kind, _ amount: Int64, unit: Int64, _ start: Instant, _ end: Instant, credits: CreditReference? = nil
    ) -> InvoiceLine {
        InvoiceLine(kind: kind, quantity: 1, unitPrice: unit, amount: amount, periodStart: start, periodEnd: end, credits: credits)
    }

    /// A monthly Business company that signed up on 2026-01-01 (January: 2,678,400 s)
    /// and has its first invoice.
    private func januaryCompany(plan: PlanID = "business", settings: WorldSettings = standard) -> CompanyState {
        var state = company(plan: plan, start: at(2026, 1, 1))
        state.addMember(People.admin.id, .administrator)
        state.runDue(until: at(2026, 1, 1), settings: settings)
        return state
    }

    @Test("A net increase above 100.00 is invoiced at once, prorated to the second")
    func immediateProration() throws {
        var state = januaryCompany()
        let now = at(2026, 1, 16, 12, 34, 56)
        try state.changePlan(to: "agency", by: People.admin, at: now, settings: standard)
        #expect(state.plan == "agency")
        #expect(state.pendingLines.isEmpty)
        try #require(state.invoices.count == 2)
        // Left of January: 15 d 11:25:04 = 1,337,104 s of 2,678,400 s.
        // Credit 115.00 × 1,337,104 / 2,678,400 = 57.4099… → -57.41.
        // Charge 340.00 × 1,337,104 / 2,678,400 = 169.7326… → 169.73. Net 112.32 > 100.00.
        let invoice = state.invoices[1]
        #expect(invoice.kind == .proration)
        #expect(invoice.cycle == .monthly)
        #expect(invoice.created == now)
        #expect((invoice.periodStart, invoice.periodEnd) == (now, at(2026, 2, 1)))
        #expect(
            invoice.lines == [
                line(.planCredit("business", .monthly), -5_741, unit: -5_741, now, at(2026, 2, 1), credits: creditOf()),
                line(.planCharge("agency", .monthly), 16_973, unit: 16_973, now, at(2026, 2, 1)),
            ])
        #expect(invoice.subtotal == 11_232)
        #expect(invoice.amountDue == 11_232)
        #expect(invoice.number?.description == "ACME-000002")

        state.runDue(until: at(2026, 2, 1), settings: standard)
        #expect(state.invoices[2].lines == [line(.plan("agency", .monthly), 34_000, unit: 34_000, at(2026, 2, 1), at(2026, 3, 1))])
    }

    @Test("A net increase of at most 100.00 waits for the next invoice")
    func smallProrationIsPending() throws {
        var state = januaryCompany()
        try state.changePlan(to: "agency", by: People.owner, at: at(2026, 1, 28), settings: standard)
        // 4 of 31 days left: credit 115.00 × 4/31 = 14.838… → -14.84, charge 340.00 × 4/31
        // = 43.870… → 43.87. Net 29.03.
        let pending = [
            line(.planCredit("business", .monthly), -1_484, unit: -1_484, at(2026, 1, 28), at(2026, 2, 1), credits: creditOf()),
            line(.planCharge("agency", .monthly), 4_387, unit: 4_387, at(2026, 1, 28), at(2026, 2, 1)),
        ]
        #expect(state.pendingLines == pending)
        #expect(state.invoices.count == 1)
        state.runDue(until: at(2026, 2, 1), settings: standard)
        #expect(state.invoices.count == 2)
        #expect(state.invoices[1].kind == .plan)
        #expect(
            state.invoices[1].lines == [line(.plan("agency", .monthly), 34_000, unit: 34_000, at(2026, 2, 1), at(2026, 3, 1))] + pending)
        #expect(state.invoices[1].subtotal == 36_903)
        #expect(state.pendingLines.isEmpty)
    }

    @Test(
        "The 100.00 threshold: exactly 100.00 waits, one cent more is invoiced at once",
        arguments: [("big", Int64(15_000), false), ("bigger", 15_001, true)])
    func thresholdBoundary(target: PlanID, charge: Int64, immediate: Bool) throws {
        let catalog = Catalog(
            plans: [
                Plan(id: "small", name: "Small", monthly: PriceList([.usd: 10_000]), visits: 1, diskGB: 1, cdnGB: 1),
                Plan(id: "big", name: "Big", monthly: PriceList([.usd: 30_000]), visits: 1, diskGB: 1, cdnGB: 1),
                Plan(id: "bigger", name: "Bigger", monthly: PriceList([.usd: 30_002]), visits: 1, diskGB: 1, cdnGB: 1),
            ], addOns: [])
        let settings = WorldSettings(catalog: catalog)
        #expect(settings.immediateInvoiceThreshold == 10_000)
        var state = company(plan: "small", start: at(2026, 4, 1))
        state.runDue(until: at(2026, 4, 1), settings: settings)
        // Half of April left: credit -50.00, charge 150.00 (or 150.01): net 100.00 (100.01).
        try state.changePlan(to: target, by: People.owner, at: at(2026, 4, 16), settings: settings)
        let lines = [
            line(.planCredit("small", .monthly), -5_000, unit: -5_000, at(2026, 4, 16), at(2026, 5, 1), credits: creditOf()),
            line(.planCharge(target, .monthly), charge, unit: charge, at(2026, 4, 16), at(2026, 5, 1)),
        ]
        if immediate {
            #expect(state.invoices.count == 2)
            #expect(state.invoices.last?.kind == .proration)
            #expect(state.invoices.last?.lines == lines)
            #expect(state.pendingLines.isEmpty)
        } else {
            #expect(state.invoices.count == 1)
            #expect(state.pendingLines == lines)
        }
    }

    @Test("A downgrade credit larger than the next invoice leaves nothing due and grows the balance")
    func downgradeCredit() throws {
        var state = januaryCompany(plan: "agency")
        try state.changePlan(to: "starter", by: People.owner, at: at(2026, 1, 2), settings: standard)
        // 30 of 31 days left: credit 340.00 × 30/31 = 329.032… → -329.03, charge 35.00 ×
        // 30/31 = 33.870… → 33.87. Net -295.16: a decrease, so it waits.
        #expect(state.invoices.count == 1)
        state.runDue(until: at(2026, 2, 1), settings: standard)
        let february = state.invoices[1]
        // 35.00 - 329.03 + 33.87 = -260.16.
        #expect(february.subtotal == -26_016)
        #expect(february.total == -26_016)
        #expect(february.balanceApplied == 0)
        #expect(february.amountDue == 0)
        #expect(february.balanceRemaining == 26_016)
        #expect(state.balance == 26_016)

        state.runDue(until: at(2026, 3, 1), settings: standard)
        let march = state.invoices[2]
        #expect(march.total == 3_500)
        #expect(march.balanceApplied == 3_500)
        #expect(march.amountDue == 0)
        #expect(march.balanceRemaining == 22_516)
    }

    @Test("An upgrade does not erase overage already incurred")
    func upgradeKeepsOverage() throws {
        var state = januaryCompany()
        try state.recordUsage(.visits, 150_000)  // 50,000 over Business's 100,000
        try state.changePlan(to: "agency", by: People.owner, at: at(2026, 1, 31), settings: standard)
        // Agency allows 400,000 visits, but the 50 blocks were incurred under Business.
        state.runDue(until: at(2026, 2, 1), settings: standard)
        // 1 of 31 days left: credit 115.00/31 = 3.709… → -3.71, charge 340.00/31 = 10.967… → 10.97.
        #expect(
            state.invoices[1].lines == [
                line(.plan("agency", .monthly), 34_000, unit: 34_000, at(2026, 2, 1), at(2026, 3, 1)),
                line(.planCredit("business", .monthly), -371, unit: -371, at(2026, 1, 31), at(2026, 2, 1), credits: creditOf()),
                line(.planCharge("agency", .monthly), 1_097, unit: 1_097, at(2026, 1, 31), at(2026, 2, 1)),
                InvoiceLine(
                    kind: .overage(.visits), quantity: 50, unitPrice: 100, amount: 5_000, periodStart: at(2026, 1, 1),
                    periodEnd: at(2026, 2, 1)),
            ])
        #expect(state.invoices[1].subtotal == 39_726)

        // The next window is measured against Agency alone.
        try state.recordUsage(.visits, 150_000)
        state.runDue(until: at(2026, 3, 1), settings: standard)
        #expect(state.invoices[2].lines.count == 1)
    }

    @Test("A change of cycle credits the old period and invoices the new cycle at once")
    func cycleChange() throws {
        var state = januaryCompany()
        try state.changePlan(to: "business", cycle: .annual, by: People.owner, at: at(2026, 1, 16), settings: standard)
        #expect(state.cycle == .annual)
        try #require(state.invoices.count == 2)
        let invoice = state.invoices[1]
        #expect(invoice.kind == .plan)
        #expect(invoice.cycle == .annual)
        #expect(invoice.created == at(2026, 1, 16))
        #expect((invoice.periodStart, invoice.periodEnd) == (at(2026, 1, 16), at(2027, 1, 16)))
        // 16 of 31 days unused: 115.00 × 16/31 = 59.354… → -59.35.
        #expect(
            invoice.lines == [
                line(.plan("business", .annual), 115_000, unit: 115_000, at(2026, 1, 16), at(2027, 1, 16)),
                line(.planCredit("business", .monthly), -5_935, unit: -5_935, at(2026, 1, 16), at(2026, 2, 1), credits: creditOf()),
            ])
        state.runDue(until: at(2027, 1, 15), settings: standard)
        #expect(state.invoices.count == 2)
        state.runDue(until: at(2027, 1, 16), settings: standard)
        #expect(state.invoices.count == 3)
    }

    @Test("Changing to the current plan changes nothing, and unknown plans are refused")
    func noOpAndUnknown() throws {
        let state = januaryCompany()
        var same = state
        try same.changePlan(to: "business", by: People.owner, at: at(2026, 1, 10), settings: standard)
        #expect(same == state)
        expectFailure(.unknownPlan("platinum"), in: state) { state throws(BillingError) in
            try state.changePlan(to: "platinum", by: People.owner, at: at(2026, 1, 10), settings: standard)
        }
        let usdOnly = Catalog(
            plans: [
                Plan(id: "business", name: "Business", monthly: .usdEurSek(11_500), visits: 1, diskGB: 1, cdnGB: 1),
                Plan(id: "usd", name: "Dollar", monthly: PriceList([.usd: 100]), visits: 1, diskGB: 1, cdnGB: 1),
            ],
            addOns: [])
        let swedish = company(country: "SE", currency: .sek, start: at(2026, 1, 1))
        expectFailure(.notSoldIn(item: "usd", currency: .sek), in: swedish) { state throws(BillingError) in
            try state.changePlan(to: "usd", by: People.owner, at: at(2026, 1, 10), settings: WorldSettings(catalog: usdOnly))
        }
    }
}
