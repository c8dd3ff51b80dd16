import BillingCore
import Testing

/// Bad or huge input never traps: amounts are bounded and arithmetic is overflow-safe.
@Suite("Limits and validation of input")
struct LimitsTests {
    private func company() -> CompanyState {
        CompanyState(
            id: "acme", index: 0, details: CompanyDetails(name: "Acme AB", address: "Gatan 1", country: .sweden),
            currency: .sek, plan: "business", cycle: .monthly, owner: UserID(0),
            start: Instant(seconds: 1_767_225_600))
    }

    @Test("Scaling a large price by a year of seconds does not overflow and rounds half away from zero")
    func scaleUsesWideIntermediate() {
        let price: Int64 = 9_000_000_000_000  // 90 billion in minor units
        let year: Int64 = 31_536_000
        #expect(Rounding.scale(price, by: year, over: year) == price)
        #expect(Rounding.scale(price, by: year / 2, over: year) == price / 2)
        #expect(Rounding.scale(-price, by: year / 2, over: year) == -price / 2)
        #expect(Rounding.scale(5, by: 1, over: 2) == 3)
        #expect(Rounding.scale(-5, by: 1, over: 2) == -3)
        #expect(Rounding.scale(5, by: -1, over: 2) == -3)
        #expect(Rounding.scale(7, by: 1, over: -3) == -2)
        #expect(Rounding.scale(Int64.max, by: 3, over: 3) == Int64.max)
    }

    @Test("Usage past a trillion a month is refused with a message, and nothing changes")
    func usageIsBounded() throws {
        var state = company()
        try state.recordUsage(.visits, CompanyState.usageLimit - 1)
        let before = state
        #expect(throws: BillingError.self) { try state.recordUsage(.visits, 2) }
        #expect(throws: BillingError.self) { try state.recordUsage(.cdn, Int64.max) }
        #expect(state == before)
        do {
            try state.recordUsage(.visits, Int64.max)
            Issue.record("Int64.max visits were accepted")
        } catch {
            #expect(error.description.contains("would pass the limit"))
        }
    }

    @Test("Credits past the balance limit are refused, and nothing changes")
    func creditsAreBounded() throws {
        var state = company()
        try state.addCredit(Money(minorUnits: CompanyState.balanceLimit, .sek))
        let before = state
        #expect(throws: BillingError.self) { try state.addCredit(Money(minorUnits: 1, .sek)) }
        #expect(throws: BillingError.self) { try state.addCredit(Money(minorUnits: Int64.max, .sek)) }
        #expect(state == before)
    }

    @Test("A month of maximal usage bills without overflow")
    func maximalUsageBills() throws {
        var state = company()
        try state.recordUsage(.visits, CompanyState.usageLimit)
        try state.recordUsage(.cdn, CompanyState.usageLimit)
        try state.recordUsage(.disk, CompanyState.usageLimit)
        state.runDue(until: Instant(seconds: 1_767_225_600 + 40 * 86_400), settings: WorldSettings())
        let second = try #require(state.invoices.dropFirst().first)
        #expect(second.lines.contains { $0.kind == .overage(.visits) && $0.quantity == 999_999_900 })
        #expect(second.total > 0)
    }

    @Test("An empty company name is refused, and the details keep their revision")
    func emptyNameRefused() throws {
        var state = company()
        let owner = UserRef(id: UserID(0), email: "owner@acme.se")
        let before = state
        #expect(throws: BillingError.invalidValue("the company name cannot be empty")) {
            try state.editDetails(name: "  ", by: owner)
        }
        #expect(state == before)
        try state.editDetails(name: "Acme Nord AB", by: owner)
        #expect(state.detailsHistory.count == 2)
    }
}
