import BillingCore
import Testing

/// A ``Command`` is one value per dashboard operation: applying it is the same as calling
/// its `CompanyState` method, a refusal changes nothing, and the views change nothing.
@Suite("Commands")
struct CommandTests {
    private let now = at(2026, 1, 20)

    private func applied(_ command: Command, by actor: UserRef = People.owner, naming named: UserRef? = nil) throws -> CompanyState {
        var state = staffedCompany()
        try command.apply(to: &state, by: actor, naming: named, at: now, settings: standard)
        return state
    }

    @Test("Applying a command is calling its method")
    func sameAsMethod() throws {
        var expected = staffedCompany()
        try expected.changePlan(to: "agency", cycle: .annual, by: People.owner, at: now, settings: standard)
        #expect(try applied(.changePlan("agency", cycle: .annual)) == expected)

        expected = staffedCompany()
        try expected.invite(People.newcomer, as: .billing, by: People.admin, at: now, settings: standard)
        #expect(try applied(.invite(email: People.newcomer.email, .billing), by: People.admin, naming: People.newcomer) == expected)

        expected = staffedCompany()
        try expected.changeRole(of: People.developer, to: .billing, by: People.owner)
        #expect(try applied(.changeRole(email: People.developer.email, .billing), naming: People.developer) == expected)

        expected = staffedCompany()
        try expected.addAddOn("redis", site: "a", by: People.owner, at: now, settings: standard)
        #expect(try applied(.addAddOn("redis", site: "a")) == expected)

        expected = staffedCompany()
        try expected.closeAccount(by: People.owner, at: now, settings: standard)
        #expect(try applied(.closeAccount) == expected)
    }

    @Test("A denied command throws and changes nothing")
    func denied() {
        let state = staffedCompany()
        for command in [Command.changePlan("agency", cycle: nil), .closeAccount, .viewInvoices, .editPaymentMethod("Card")] {
            var copy = state
            #expect(throws: BillingError.self) {
                try command.apply(to: &copy, by: People.developer, naming: nil, at: now, settings: standard)
            }
            #expect(copy == state)
        }
    }

    @Test("A command that names a user needs one, and changes nothing without it")
    func needsNamedUser() {
        let state = staffedCompany()
        let naming: [Command] = [
            .invite(email: "x@acme.se", .developer), .revokeInvitation(email: "x@acme.se"), .removeMember(email: "x@acme.se"),
            .changeRole(email: "x@acme.se", .billing), .transferOwnership(email: "x@acme.se"),
        ]
        for command in naming {
            #expect(command.namedUser == "x@acme.se")
            var copy = state
            #expect(throws: BillingError.invalidValue("'\(command)' names a user, and none was given")) {
                try command.apply(to: &copy, by: People.owner, naming: nil, at: now, settings: standard)
            }
            #expect(copy == state)
        }
        #expect(Command.closeAccount.namedUser == nil)
        #expect(Command.acceptInvitation.namedUser == nil)
    }

    @Test("The views change nothing when they succeed")
    func views() throws {
        let views: [Command] = [.viewInvoices, .viewSettings, .viewSites, .manageSite("a", .staging)]
        for command in views {
            #expect(command.isView)
            #expect(try applied(command) == staffedCompany())
        }
        #expect(!Command.closeAccount.isView)
    }
}
