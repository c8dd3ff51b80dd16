import BillingCore
import Testing

/// When invoices are issued and what they carry: billing in advance, anchors, annual
/// plans, add-ons and overages. Amounts are USD cents of the standard catalog (Business:
/// 115.00 a month, 1150.00 a year; Redis 100.00 per site, extra disk 20.00 per company)
/// for a US company, which pays no VAT.
@Suite("Invoicing schedule, add-ons and overages")
struct InvoicingTests {
    private func line(
        _ kind: InvoiceLine.Kind, _ amount: Int64, unit: Int64? = nil, quantity: Int64 = 1, _ start: Instant, _ end: Instant,
        credits: CreditReference? = nil
    ) -> InvoiceLine {
        InvoiceLine(
            kind: kind, quantity: quantity, unitPrice: unit ?? amount, amount: amount, periodStart: start, periodEnd: end,
            credits: credits)
    }

    // MARK: Periods

    @Test("A monthly plan is billed in advance: at signup, then on the anchor day of every month")
    func monthlyInAdvance() throws {
        var state = company(start: at(2026, 1, 15))
        #expect(state.nextDue == at(2026, 1, 15))
        #expect(state.runDue(until: at(2026, 1, 14, 23, 59, 59), settings: standard) == 0)
        #expect(state.runDue(until: at(2026, 4, 14, 23, 59, 59), settings: standard) == 3)
        #expect(state.runDue(until: at(2026, 4, 15), settings: standard) == 1)
        #expect(state.runDue(until: at(2026, 4, 15), settings: standard) == 0)

        let starts = [at(2026, 1, 15), at(2026, 2, 15), at(2026, 3, 15), at(2026, 4, 15)]
        let ends = [at(2026, 2, 15), at(2026, 3, 15), at(2026, 4, 15), at(2026, 5, 15)]
        #expect(state.invoices.map(\.created) == starts)
        #expect(state.invoices.map(\.periodStart) == starts)
        #expect(state.invoices.map(\.periodEnd) == ends)
        for (invoice, (start, end)) in zip(state.invoices, zip(starts, ends)) {
            #expect(invoice.kind == .plan)
            #expect(invoice.cycle == .monthly)
            #expect(invoice.lines == [line(.plan("business", .monthly), 11_500, start, end)])
            #expect(invoice.subtotal == 11_500)
        }
        #expect(state.nextDue == at(2026, 5, 15))
    }

    @Test("Periods keep the time of day of the signup")
    func timeOfDay() {
        var state = company(start: at(2026, 1, 15, 10, 30))
        state.runDue(until: at(2026, 2, 15, 10, 29, 59), settings: standard)
        #expect(state.invoices.count == 1)
        state.runDue(until: at(2026, 2, 15, 10, 30), settings: standard)
        #expect(state.invoices.map(\.created) == [at(2026, 1, 15, 10, 30), at(2026, 2, 15, 10, 30)])
        #expect(state.invoices.last?.periodEnd == at(2026, 3, 15, 10, 30))
    }

    @Test(
        "A signup on the 31st is billed on the last day of shorter months, at full price",
        arguments: [
            (2026, [at(2026, 1, 31), at(2026, 2, 28), at(2026, 3, 31), at(2026, 4, 30), at(2026, 5, 31)]),
            (2028, [at(2028, 1, 31), at(2028, 2, 29), at(2028, 3, 31), at(2028, 4, 30), at(2028, 5, 31)]),
        ])
    func anchorOn31st(year: Int, boundaries: [Instant]) {
        var state = company(start: at(year, 1, 31))
        state.runDue(until: boundaries[3], settings: standard)
        #expect(state.invoices.map(\.periodStart) == Array(boundaries[0...3]))
        #expect(state.invoices.map(\.periodEnd) == Array(boundaries[1...4]))
        #expect(state.invoices.allSatisfy { $0.subtotal == 11_500 })
    }

    @Test("A calendar-month anchor prorates the first period to the second and then bills on the 1st")
    func calendarMonth() {
        var state = company(anchorMode: .calendarMonth, start: at(2026, 1, 15, 10))
        state.runDue(until: at(2026, 3, 1), settings: standard)
        #expect(state.invoices.map(\.created) == [at(2026, 1, 15, 10), at(2026, 2, 1), at(2026, 3, 1)])
        // 2026-01-15T10:00 to 2026-02-01 is 1,432,800 s of January's 2,678,400 s:
        // 115.00 × 1,432,800 / 2,678,400 = 61.5188… → 61.52.
        #expect(state.invoices[0].lines == [line(.plan("business", .monthly), 6_152, at(2026, 1, 15, 10), at(2026, 2, 1))])
        #expect(state.invoices[1].lines == [line(.plan("business", .monthly), 11_500, at(2026, 2, 1), at(2026, 3, 1))])
        #expect(state.invoices[2].periodEnd == at(2026, 4, 1))
    }

    @Test("An annual plan gets one plan invoice a year, and nothing else when nothing was used")
    func annualOnePerYear() {
        var state = company(cycle: .annual, start: at(2026, 1, 15))
        state.runDue(until: at(2027, 1, 14, 23, 59, 59), settings: standard)
        #expect(state.invoices.count == 1)
        state.runDue(until: at(2027, 1, 15), settings: standard)
        #expect(state.invoices.count == 2)
        for (invoice, year) in zip(state.invoices, [2026, 2027]) {
            #expect(invoice.kind == .plan)
            #expect(invoice.cycle == .annual)
            #expect(invoice.cycle.invoiceLabel == "yearly")
            #expect(invoice.lines == [line(.plan("business", .annual), 115_000, at(year, 1, 15), at(year + 1, 1, 15))])
        }
    }

    // MARK: Add-ons and overages on annual plans

    @Test("On an annual plan add-ons and overages are billed monthly per use, never on the plan invoice")
    func annualPerUse() throws {
        var state = company(cycle: .annual, start: at(2026, 1, 15))
        state.setUpSite(Site(id: "a", name: "Shop"))
        try state.setUpAddOn("redis", site: "a", at: at(2026, 1, 15), settings: standard)
        state.runDue(until: at(2026, 1, 15), settings: standard)
        #expect(state.invoices.count == 1)
        #expect(state.invoices[0].lines == [line(.plan("business", .annual), 115_000, at(2026, 1, 15), at(2027, 1, 15))])

        try state.addAddOn("disk20", by: People.owner, at: at(2026, 2, 1), settings: standard)
        #expect(state.pendingLines.isEmpty)
        try state.recordUsage(.visits, 100_001)
        state.runDue(until: at(2026, 3, 15), settings: standard)
        try #require(state.invoices.count == 3)

        let first = state.invoices[1]
        #expect(first.kind == .perUse)
        #expect(first.cycle == .monthly)
        #expect(first.created == at(2026, 2, 15))
        #expect((first.periodStart, first.periodEnd) == (at(2026, 1, 15), at(2026, 2, 15)))
        // Extra disk from 2026-02-01: 14 of the window's 31 days of 20.00 = 9.032… → 9.03.
        #expect(
            first.lines == [
                line(.overage(.visits), 100, unit: 100, at(2026, 1, 15), at(2026, 2, 15)),
                line(.addOn("redis", site: "a"), 10_000, at(2026, 1, 15), at(2026, 2, 15)),
                line(.addOn("disk20", site: nil), 903, at(2026, 2, 1), at(2026, 2, 15)),
            ])
        #expect(first.subtotal == 11_003)

        let second = state.invoices[2]
        #expect(second.kind == .perUse)
        #expect(
            second.lines == [
                line(.addOn("redis", site: "a"), 10_000, at(2026, 2, 15), at(2026, 3, 15)),
                line(.addOn("disk20", site: nil), 2_000, at(2026, 2, 15), at(2026, 3, 15)),
            ])

        state.runDue(until: at(2027, 1, 15), settings: standard)
        let plans = state.invoices.filter { $0.kind == .plan }
        #expect(plans.count == 2)
        #expect(state.invoices.filter { $0.kind == .perUse }.count == 12)
        for plan in plans {
            #expect(plan.lines.count == 1)
            #expect(plan.lines.allSatisfy { if case .plan = $0.kind { true } else { false } })
        }
        // At the year's boundary the month's per-use invoice comes first, then the new year.
        #expect(state.invoices.suffix(2).map(\.kind) == [.perUse, .plan])
        #expect(state.invoices.last?.periodEnd == at(2028, 1, 15))
    }

    @Test("On an annual plan a removed add-on is billed for the time it was used")
    func annualAddOnRemoved() throws {
        var state = company(cycle: .annual, start: at(2026, 1, 1))
        state.setUpSite(Site(id: "a", name: "Shop"))
        try state.setUpAddOn("redis", site: "a", at: at(2026, 1, 1), settings: standard)
        state.runDue(until: at(2026, 1, 1), settings: standard)
        try state.removeAddOn("redis", site: "a", by: People.owner, at: at(2026, 1, 16), settings: standard)
        state.runDue(until: at(2026, 3, 1), settings: standard)
        try #require(state.invoices.count == 2)
        // 15 of January's 31 days of 100.00 = 48.387… → 48.39.
        #expect(state.invoices[1].kind == .perUse)
        #expect(state.invoices[1].lines == [line(.addOn("redis", site: "a"), 4_839, at(2026, 1, 1), at(2026, 1, 16))])
    }

    // MARK: Add-ons and overages on monthly plans

    @Test("On a monthly plan add-ons ride on the plan invoice and overages follow in arrears on the next one")
    func monthlyAddOnsAndOverage() throws {
        var state = company(start: at(2026, 1, 15))
        state.setUpSite(Site(id: "a", name: "Shop"))
        try state.setUpAddOn("redis", site: "a", at: at(2026, 1, 15), settings: standard)
        state.runDue(until: at(2026, 1, 15), settings: standard)
        #expect(
            state.invoices[0].lines == [
                line(.plan("business", .monthly), 11_500, at(2026, 1, 15), at(2026, 2, 15)),
                line(.addOn("redis", site: "a"), 10_000, at(2026, 1, 15), at(2026, 2, 15)),
            ])

        try state.recordUsage(.visits, 60_000)
        try state.recordUsage(.visits, 40_001)  // 100,001 in all: one started block over 100,000
        try state.recordUsage(.cdn, 310)  // 10 GB over 300
        try state.recordUsage(.disk, 35)  // 5 GB over 30
        state.runDue(until: at(2026, 2, 15), settings: standard)
        try #require(state.invoices.count == 2)
        #expect(
            state.invoices[1].lines == [
                line(.plan("business", .monthly), 11_500, at(2026, 2, 15), at(2026, 3, 15)),
                line(.addOn("redis", site: "a"), 10_000, at(2026, 2, 15), at(2026, 3, 15)),
                line(.overage(.visits), 100, unit: 100, at(2026, 1, 15), at(2026, 2, 15)),
                line(.overage(.cdn), 100, unit: 10, quantity: 10, at(2026, 1, 15), at(2026, 2, 15)),
                line(.overage(.disk), 250, unit: 50, quantity: 5, at(2026, 1, 15), at(2026, 2, 15)),
            ])
        #expect(state.invoices[1].subtotal == 21_950)
        #expect(state.invoices.allSatisfy { $0.kind == .plan })
    }

    @Test("On a monthly plan an add-on added mid-period is charged pro rata, and a removed one credited")
    func monthlyAddOnProration() throws {
        var state = company(start: at(2026, 1, 1))
        state.setUpSite(Site(id: "a", name: "Shop"))
        state.addMember(People.admin.id, .administrator)
        state.runDue(until: at(2026, 1, 1), settings: standard)
        try state.addAddOn("redis", site: "a", by: People.admin, at: at(2026, 1, 16), settings: standard)
        state.runDue(until: at(2026, 2, 1), settings: standard)
        // 16 of January's 31 days of 100.00 = 51.612… → 51.61.
        #expect(
            state.invoices[1].lines == [
                line(.plan("business", .monthly), 11_500, at(2026, 2, 1), at(2026, 3, 1)),
                line(.addOn("redis", site: "a"), 10_000, at(2026, 2, 1), at(2026, 3, 1)),
                line(.addOn("redis", site: "a"), 5_161, at(2026, 1, 16), at(2026, 2, 1)),
            ])
        // Removed halfway through February (14 of 28 days): half of 100.00 back.
        try state.removeAddOn("redis", site: "a", by: People.owner, at: at(2026, 2, 15), settings: standard)
        state.runDue(until: at(2026, 3, 1), settings: standard)
        #expect(
            state.invoices[2].lines == [
                line(.plan("business", .monthly), 11_500, at(2026, 3, 1), at(2026, 4, 1)),
                line(.addOnCredit("redis", site: "a"), -5_000, at(2026, 2, 15), at(2026, 3, 1), credits: creditOf(1)),
            ])
    }

    @Test("Removing a site credits the unused time of its add-ons")
    func removingSiteCreditsAddOns() throws {
        var state = company(start: at(2026, 2, 1))
        state.setUpSite(Site(id: "a", name: "Shop"))
        try state.setUpAddOn("redis", site: "a", at: at(2026, 2, 1), settings: standard)
        state.runDue(until: at(2026, 2, 1), settings: standard)
        try state.removeSite("a", by: People.owner, at: at(2026, 2, 22), settings: standard)
        #expect(state.addOns.isEmpty)
        // 7 of February's 28 days unused: a quarter of 100.00.
        #expect(
            state.pendingLines == [
                line(.addOnCredit("redis", site: "a"), -2_500, at(2026, 2, 22), at(2026, 3, 1), credits: creditOf())
            ])
    }

    @Test("Before the first invoice a plan change or an add-on needs no proration: the first invoice bills them whole")
    func changesBeforeSignupInvoice() throws {
        var state = company(start: at(2026, 1, 15, 12))
        state.setUpSite(Site(id: "a", name: "Shop"))
        try state.changePlan(to: "pro", by: People.owner, at: at(2026, 1, 15, 12), settings: standard)
        try state.addAddOn("redis", site: "a", by: People.owner, at: at(2026, 1, 15, 12), settings: standard)
        #expect(state.pendingLines.isEmpty)
        #expect(state.invoices.isEmpty)
        state.runDue(until: at(2026, 1, 15, 12), settings: standard)
        #expect(
            state.invoices.map(\.lines) == [
                [
                    line(.plan("pro", .monthly), 7_000, at(2026, 1, 15, 12), at(2026, 2, 15, 12)),
                    line(.addOn("redis", site: "a"), 10_000, at(2026, 1, 15, 12), at(2026, 2, 15, 12)),
                ]
            ])
    }

    @Test(
        "Visits over the allowance are billed 1.00 per started block of 1,000",
        arguments: [(Int64(0), Int64(0)), (100_000, 0), (100_001, 1), (101_000, 1), (101_001, 2), (150_000, 50), (1_099_999, 1_000)])
    func visitBlocks(visits: Int64, blocks: Int64) throws {
        var state = company(start: at(2026, 1, 1))
        try state.recordUsage(.visits, visits)
        state.runDue(until: at(2026, 2, 1), settings: standard)
        let overage = state.invoices[1].lines.filter { $0.kind == .overage(.visits) }
        if blocks == 0 {
            #expect(overage.isEmpty)
        } else {
            #expect(overage == [line(.overage(.visits), blocks * 100, unit: 100, quantity: blocks, at(2026, 1, 1), at(2026, 2, 1))])
        }
    }

    @Test("CDN over the allowance costs 0.10 per GB, and SEK companies pay ten times the price")
    func cdnOverage() throws {
        var state = company(country: "SE", currency: .sek, start: at(2026, 1, 1))
        try state.recordUsage(.cdn, 150)
        try state.recordUsage(.cdn, 151)  // 301 GB, 1 over 300
        state.runDue(until: at(2026, 2, 1), settings: standard)
        #expect(state.invoices[1].lines.last == line(.overage(.cdn), 100, unit: 100, quantity: 1, at(2026, 1, 1), at(2026, 2, 1)))
        #expect(state.invoices[1].lines.first?.amount == 115_000)
    }

    @Test("Disk overage is billed on the window's peak, and a level that stays high is billed again")
    func diskPeak() throws {
        var state = company(start: at(2026, 1, 1))
        try state.recordUsage(.disk, 40)
        try state.recordUsage(.disk, 32)
        state.runDue(until: at(2026, 2, 1), settings: standard)
        #expect(state.invoices[1].lines.last == line(.overage(.disk), 500, unit: 50, quantity: 10, at(2026, 1, 1), at(2026, 2, 1)))
        state.runDue(until: at(2026, 3, 1), settings: standard)
        #expect(state.invoices[2].lines.last == line(.overage(.disk), 100, unit: 50, quantity: 2, at(2026, 2, 1), at(2026, 3, 1)))
        try state.recordUsage(.disk, 20)
        state.runDue(until: at(2026, 4, 1), settings: standard)
        #expect(state.invoices[3].lines.filter { $0.kind == .overage(.disk) }.count == 1)
        state.runDue(until: at(2026, 5, 1), settings: standard)
        #expect(state.invoices[4].lines.count == 1)
    }

    @Test("Usage cannot be negative and is not recorded on a closed account")
    func usageValidation() throws {
        let state = company()
        expectFailure(.invalidValue("usage cannot be negative (-1)"), in: state) { state throws(BillingError) in
            try state.recordUsage(.visits, -1)
        }
        var closed = state
        try closed.closeAccount(by: People.owner, at: at(2026, 1, 20), settings: standard)
        expectFailure(.accountClosed("acme"), in: closed) { state throws(BillingError) in
            try state.recordUsage(.cdn, 1)
        }
    }

    @Test("A closed account is billed no more after its final invoice")
    func closedAccountStopsBilling() throws {
        var state = company(start: at(2026, 1, 15))
        state.runDue(until: at(2026, 2, 15), settings: standard)
        #expect(state.invoices.count == 2)
        try state.closeAccount(by: People.owner, at: at(2026, 2, 15), settings: standard)
        #expect(state.closed)
        #expect(state.nextDue == nil)
        #expect(state.invoices.map(\.kind) == [.plan, .plan, .final])
        #expect(state.runDue(until: at(2030, 1, 1), settings: standard) == 0)
        #expect(state.invoices.count == 3)
    }

    @Test("Add-ons are checked against the catalog, their scope and the company's sites")
    func addOnValidation() {
        var state = company()
        state.setUpSite(Site(id: "a", name: "Shop"))
        expectFailure(.unknownAddOn("nope"), in: state) { state throws(BillingError) in
            try state.addAddOn("nope", by: People.owner, at: at(2026, 1, 20), settings: standard)
        }
        expectFailure(.addOnScope(addOn: "redis", needsSite: true), in: state) { state throws(BillingError) in
            try state.addAddOn("redis", by: People.owner, at: at(2026, 1, 20), settings: standard)
        }
        expectFailure(.addOnScope(addOn: "disk20", needsSite: false), in: state) { state throws(BillingError) in
            try state.addAddOn("disk20", site: "a", by: People.owner, at: at(2026, 1, 20), settings: standard)
        }
        expectFailure(.unknownSite("b"), in: state) { state throws(BillingError) in
            try state.addAddOn("redis", site: "b", by: People.owner, at: at(2026, 1, 20), settings: standard)
        }
        expectFailure(.addOnNotActive("redis"), in: state) { state throws(BillingError) in
            try state.removeAddOn("redis", site: "a", by: People.owner, at: at(2026, 1, 20), settings: standard)
        }
    }
}
