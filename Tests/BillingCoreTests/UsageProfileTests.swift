import BillingCore
import Testing

@Suite("Usage profiles of generated companies")
struct UsageProfileTests {
    private func generated(seed: UInt64) -> CompanyState {
        CompanyState(
            id: "gen", index: 3, details: details("US"), currency: .usd, plan: "business", cycle: .monthly,
            owner: People.owner.id, start: at(2026, 1, 1), profile: UsageProfile(visits: 200_000, cdnGB: 0, diskGB: 40),
            seed: seed)
    }

    @Test("Each window close records the profile's traffic, varied by at most 20%")
    func recordsTraffic() {
        var state = generated(seed: 11)
        state.runDue(until: at(2027, 1, 1), settings: standard)
        #expect(state.invoices.count == 13)
        for invoice in state.invoices.dropFirst() {
            let visits = invoice.lines.first { $0.kind == .overage(.visits) }
            // 160,000 to 240,000 visits: 60 to 140 blocks over Business's 100,000.
            #expect((60...140).contains(visits?.quantity ?? 0))
            #expect(invoice.lines.contains { $0.kind == .overage(.disk) && $0.quantity == 10 })
            #expect(!invoice.lines.contains { $0.kind == .overage(.cdn) })
        }
        let quantities = Set(state.invoices.dropFirst().compactMap { $0.lines.first { $0.kind == .overage(.visits) }?.quantity })
        #expect(quantities.count > 1, "the traffic should vary from month to month")
    }

    @Test("The same seed gives the same invoices; another seed other traffic")
    func deterministic() {
        var one = generated(seed: 11)
        var two = generated(seed: 11)
        var other = generated(seed: 12)
        one.runDue(until: at(2026, 7, 1), settings: standard)
        two.runDue(until: at(2026, 7, 1), settings: standard)
        other.runDue(until: at(2026, 7, 1), settings: standard)
        #expect(one == two)
        #expect(one.canonicalDump() == two.canonicalDump())
        #expect(one.invoices.map(\.subtotal) != other.invoices.map(\.subtotal))
    }
}
