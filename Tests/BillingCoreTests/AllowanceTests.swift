import BillingCore
import Testing

/// DOMAIN.md: "An add-on that adds an allowance (extra disk) raises that allowance for
/// overages." A US company on the monthly Pro plan (20 GB of disk; disk overage 0.50 USD
/// per GB), signing up on 2026-01-15: the window's overage is on the 2026-02-15 invoice.
@Suite("Add-ons that raise allowances")
struct AllowanceTests {
    private func diskOverage(_ state: CompanyState) -> [InvoiceLine] {
        state.invoices.dropFirst().first?.lines.filter { $0.kind == .overage(.disk) } ?? []
    }

    private func pro() throws -> CompanyState {
        var state = company(plan: "pro")
        state.runDue(until: at(2026, 1, 15), settings: standard)
        return state
    }

    @Test("Extra disk 20 GB raises the disk allowance: 25 GB on Pro with disk20 is no overage, 45 GB is 5 GB")
    func disk20RaisesTheAllowance() throws {
        for (used, over) in [(Int64(25), Int64(0)), (40, 0), (41, 1), (45, 5)] {
            var state = try pro()
            try state.addAddOn("disk20", by: People.owner, at: at(2026, 1, 15), settings: standard)
            try state.recordUsage(.disk, used)
            state.runDue(until: at(2026, 2, 15), settings: standard)
            #expect(diskOverage(state).map(\.quantity) == (over == 0 ? [] : [over]), "\(used) GB used")
        }
    }

    @Test("Without the add-on the plan's own allowance applies")
    func withoutTheAddOn() throws {
        var state = try pro()
        try state.recordUsage(.disk, 25)
        state.runDue(until: at(2026, 2, 15), settings: standard)
        #expect(diskOverage(state).map(\.quantity) == [5])
        #expect(diskOverage(state).map(\.amount) == [250])
    }

    @Test("Overage incurred before the add-on is added stays billed; from then on the larger allowance applies")
    func addedMidWindow() throws {
        var state = try pro()
        try state.recordUsage(.disk, 25)
        try state.addAddOn("disk20", by: People.owner, at: at(2026, 2, 1), settings: standard)
        try state.recordUsage(.disk, 38)
        state.runDue(until: at(2026, 2, 15), settings: standard)
        #expect(diskOverage(state).map(\.quantity) == [5])
    }

    @Test("Removing the add-on mid-window bills the level above the plan's allowance from then on, not the peak while it was active")
    func removedMidWindow() throws {
        var state = try pro()
        try state.addAddOn("disk20", by: People.owner, at: at(2026, 1, 15), settings: standard)
        try state.recordUsage(.disk, 39)
        try state.recordUsage(.disk, 30)
        try state.removeAddOn("disk20", by: People.owner, at: at(2026, 2, 1), settings: standard)
        state.runDue(until: at(2026, 2, 15), settings: standard)
        #expect(diskOverage(state).map(\.quantity) == [10])
    }

    @Test("In the standard catalog only disk20 adds an allowance")
    func standardCatalog() {
        #expect(Catalog.standard.addOns.mapValues(\.diskGB) == ["disk20": 20, "redis": 0, "proxy": 0, "backups": 0])
    }
}
