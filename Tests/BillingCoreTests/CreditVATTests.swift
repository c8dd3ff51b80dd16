import BillingCore
import Testing

/// DOMAIN.md "Corrections and credit notes": a reduction credits the time already
/// invoiced at the VAT rate and treatment it was charged with, referring to that invoice.
/// Annual Business is 1150.00 EUR, annual Starter 350.00 EUR.
@Suite("Credits reverse VAT as it was charged")
struct CreditVATTests {
    /// The invoice holding the plan credit.
    private func creditInvoice(_ state: CompanyState) throws -> Invoice {
        try #require(state.invoices.first { $0.lines.contains { if case .planCredit = $0.kind { true } else { false } } })
    }

    @Test("A Finnish consumer who paid 24% and downgrades after 2024-09-01: the credit at 24%, the charge at 25.5%")
    func finnishRateChange() throws {
        var state = company(country: "FI", currency: .eur, cycle: .annual, start: at(2024, 8, 1))
        state.runDue(until: at(2024, 8, 1), settings: standard)
        #expect(state.invoices[0].tax == .destination(TaxRate(basisPoints: 2400)))
        try state.changePlan(to: "starter", by: People.owner, at: at(2024, 10, 1), settings: standard)
        state.runDue(until: at(2024, 11, 1), settings: standard)

        let invoice = try creditInvoice(state)
        // 304 of 365 days left: credit −957.81 at 24% = −229.87, charge 291.51 at 25.5% = 74.34.
        #expect(invoice.lines.map(\.amount) == [-95_781, 29_151])
        #expect(invoice.tax == .destination(TaxRate(basisPoints: 2550)))
        #expect(
            invoice.taxGroups == [
                TaxGroup(treatment: .destination(TaxRate(basisPoints: 2400)), base: -95_781, tax: -22_987),
                TaxGroup(treatment: .destination(TaxRate(basisPoints: 2550)), base: 29_151, tax: 7_434),
            ])
        #expect(invoice.taxAmount == -15_553)
        #expect(invoice.total == -95_781 + 29_151 - 15_553)
        #expect(invoice.lines[0].credits == CreditReference(invoice: 0, number: state.invoices[0].number, tax: state.invoices[0].tax))
        #expect(invoice.lines[1].credits == nil)
    }

    @Test("A German company under reverse charge moves to Sweden, then downgrades: no VAT refunded that was never charged")
    func reverseChargeThenDomestic() throws {
        var state = company(country: "DE", vat: "DE123456789", currency: .eur, cycle: .annual, start: at(2026, 1, 1))
        state.runDue(until: at(2026, 1, 1), settings: standard)
        #expect(state.invoices[0].tax == .reverseCharge)
        try state.editDetails(country: Country(rawValue: "SE"), vatNumber: "", by: People.owner)
        try state.changePlan(to: "starter", by: People.owner, at: at(2026, 3, 1), settings: standard)
        state.runDue(until: at(2026, 4, 1), settings: standard)

        let invoice = try creditInvoice(state)
        let credit = invoice.lines[0].amount
        let charge = invoice.lines[1].amount
        #expect(credit < 0 && charge > 0)
        #expect(
            invoice.taxGroups == [
                TaxGroup(treatment: .reverseCharge, base: credit, tax: 0),
                TaxGroup(
                    treatment: .domestic(TaxRate(basisPoints: 2500)), base: charge, tax: Rounding.scale(charge, by: 2500, over: 10_000)),
            ])
        #expect(invoice.taxAmount == Rounding.scale(charge, by: 2500, over: 10_000))
        #expect(invoice.lines[0].credits?.tax == .reverseCharge)
    }

    @Test("A removed add-on on a monthly plan is credited at the rate of the invoice that charged it")
    func addOnCredit() throws {
        var state = company(country: "FI", currency: .eur, start: at(2024, 8, 15))
        try state.setUpAddOn("disk20", site: nil, at: at(2024, 8, 15), settings: standard)
        state.runDue(until: at(2024, 8, 15), settings: standard)
        try state.removeAddOn("disk20", by: People.owner, at: at(2024, 9, 1), settings: standard)
        state.runDue(until: at(2024, 9, 15), settings: standard)

        let second = state.invoices[1]
        let credit = try #require(second.lines.first { if case .addOnCredit = $0.kind { true } else { false } })
        #expect(credit.credits?.invoice == 0)
        #expect(credit.credits?.tax == .destination(TaxRate(basisPoints: 2400)))
        #expect(second.taxGroups.map(\.treatment) == [.destination(TaxRate(basisPoints: 2550)), .destination(TaxRate(basisPoints: 2400))])
        #expect(second.taxAmount == second.taxGroups.reduce(0) { $0 + $1.tax })
    }

    @Test("A credit of a charge not yet invoiced shares its document and its treatment, and names no invoice")
    func pendingChargeCredit() throws {
        var state = company(country: "SE", currency: .sek, start: at(2026, 1, 15))
        state.runDue(until: at(2026, 1, 15), settings: standard)
        try state.addAddOn("disk20", by: People.owner, at: at(2026, 1, 20), settings: standard)
        try state.removeAddOn("disk20", by: People.owner, at: at(2026, 1, 25), settings: standard)
        #expect(state.pendingLines.map(\.credits) == [nil, nil])
        state.runDue(until: at(2026, 2, 15), settings: standard)
        #expect(state.invoices[1].taxGroups.count == 1)
    }

    @Test("Switching a plan away and back within a period: the next credit reverses the pending charge, not the first invoice again")
    func planSwitchedBack() throws {
        // Business 115.00 ↔ Starter 35.00 USD: every change below is under the 100.00
        // threshold, so each credit and charge waits for the next invoice.
        var state = company(currency: .usd, start: at(2026, 1, 15))
        state.runDue(until: at(2026, 1, 15), settings: standard)
        try state.changePlan(to: "starter", by: People.owner, at: at(2026, 1, 20), settings: standard)
        try state.changePlan(to: "business", by: People.owner, at: at(2026, 1, 25), settings: standard)
        try state.changePlan(to: "starter", by: People.owner, at: at(2026, 2, 1), settings: standard)
        let credits = state.pendingLines.filter { if case .planCredit(let plan, _) = $0.kind { plan == "business" } else { false } }
        #expect(credits.count == 2)
        // The first reverses invoice 1 from 2026-01-20; the second the charge of 2026-01-25,
        // still pending, so it names no invoice.
        #expect(credits.map { $0.credits?.invoice } == [0, nil])
        // Invoice 1 charged 31 days of Business; what credits name it never exceeds that.
        let charged = state.invoices[0].lines[0].amount
        let creditedAgainstIt = state.pendingLines.filter { $0.credits?.invoice == 0 }.reduce(0) { $0 - $1.amount }
        #expect(creditedAgainstIt <= charged)
    }

    @Test("Tax groups: each treatment taxed on its own sum, in order of first appearance")
    func grouping() {
        let vat24 = TaxTreatment.destination(TaxRate(basisPoints: 2400))
        let amounts: [(TaxTreatment, Int64)] = [(vat24, 1_002), (.reverseCharge, -500), (vat24, 1_002)]
        let groups = TaxGroup.grouping(amounts, currency: .eur)
        // 20.04 at 24% = 4.8096 → 4.81, where each line alone would give 2.4048 → 2.40, twice 4.80.
        let expected = [TaxGroup(treatment: vat24, base: 2_004, tax: 481), TaxGroup(treatment: .reverseCharge, base: -500, tax: 0)]
        #expect(groups == expected)
    }
}
