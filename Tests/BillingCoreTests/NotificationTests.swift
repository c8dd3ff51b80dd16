import BillingCore
import Testing

@Suite("Users and notification settings")
struct NotificationTests {
    @Test("Invoice emails are off by default for every user")
    func offByDefault() throws {
        var registry = UserRegistry()
        let anna = try registry.register(email: "anna@x.se", name: "Anna")
        let bo = try registry.register(email: "bo@partner.se", name: "Bo")
        #expect(registry[anna].notifications.invoiceByEmail == false)
        #expect(registry[bo].notifications.invoiceByEmail == false)
        #expect(NotificationSettings().invoiceByEmail == false)
        #expect(User(email: "c@x.se", name: "C").notifications.invoiceByEmail == false)
    }

    @Test("A user turns their own invoice emails on and off")
    func selfService() throws {
        var registry = UserRegistry()
        let anna = try registry.register(email: "anna@x.se", name: "Anna")
        let bo = try registry.register(email: "bo@partner.se", name: "Bo")
        try registry.setInvoiceByEmail(true, for: anna, by: anna)
        #expect(registry[anna].notifications.invoiceByEmail)
        #expect(registry[bo].notifications.invoiceByEmail == false)
        try registry.setInvoiceByEmail(false, for: anna, by: anna)
        #expect(registry[anna].notifications.invoiceByEmail == false)
    }

    @Test("Nobody can change someone else's notification settings, and nothing changes", arguments: [true, false])
    func othersCannot(on: Bool) throws {
        var registry = UserRegistry()
        let anna = try registry.register(email: "anna@x.se", name: "Anna")
        let bo = try registry.register(email: "bo@partner.se", name: "Bo")
        try registry.setInvoiceByEmail(!on, for: anna, by: anna)
        let before = registry
        var caught: BillingError?
        do {
            try registry.setInvoiceByEmail(on, for: anna, by: bo)
        } catch {
            caught = error
        }
        #expect(caught == .notificationsAreSelfOnly(actor: "bo@partner.se", target: "anna@x.se"))
        #expect(registry == before)
        #expect(registry[anna].notifications.invoiceByEmail == !on)
    }

    @Test("Unknown user ids are rejected")
    func unknownUser() throws {
        var registry = UserRegistry()
        let anna = try registry.register(email: "anna@x.se", name: "Anna")
        #expect(throws: BillingError.unknownUser("#5")) {
            try registry.setInvoiceByEmail(true, for: UserID(5), by: anna)
        }
        #expect(throws: BillingError.self) {
            try registry.setInvoiceByEmail(true, for: anna, by: UserID(5))
        }
        #expect(registry[anna].notifications.invoiceByEmail == false)
    }

    @Test("An unknown actor is the user the error names")
    func unknownActorIsNamed() throws {
        var registry = UserRegistry()
        let anna = try registry.register(email: "anna@x.se", name: "Anna")
        #expect(throws: BillingError.unknownUser("#5")) {
            try registry.setInvoiceByEmail(true, for: anna, by: UserID(5))
        }
    }

    @Test("Emails are unique and case-insensitive")
    func emailsAreUnique() throws {
        var registry = UserRegistry()
        let first = try registry.register(email: "Anna@X.se", name: "Anna")
        let second = try registry.register(email: "anna@x.se", name: "Anna Again")
        let third = try registry.register(email: "  ANNA@x.SE ", name: "Anna Shouting")
        #expect(first == second)
        #expect(first == third)
        #expect(registry.count == 1)
        #expect(registry[first].email == "anna@x.se")
        #expect(registry[first].name == "Anna")
        #expect(registry.id(forEmail: "ANNA@X.SE") == first)
        #expect(registry.id(forEmail: "nobody@x.se") == nil)
        #expect(registry.ref(first) == UserRef(id: first, email: "anna@x.se"))
        let other = try registry.register(email: "anna@y.se", name: "Other Anna")
        #expect(other != first)
        #expect(registry.count == 2)
    }

    @Test(
        "Text that is not an email address is rejected",
        arguments: [
            "", "anna", "anna@", "@x.se", "a@b@c.se", "a@@x.se", "an na@x.se", "anna@x .se", "<anna@x.se>", "\"anna\"@x.se", "   ",
            "anna@x.se>", "a\u{7F}@x.se",
        ])
    func invalidEmails(text: String) {
        var registry = UserRegistry()
        #expect(throws: BillingError.invalidEmail(text)) {
            _ = try registry.register(email: text, name: "Nobody")
        }
        #expect(registry.count == 0)
        #expect(User.normalize(email: text) == nil)
    }

    @Test(
        "Addresses normalise to trimmed lower case, already-canonical ones unchanged",
        arguments: [
            ("anna@x.se", "anna@x.se"), ("Anna@X.se", "anna@x.se"), (" bo@partner.se ", "bo@partner.se"),
            ("åsa@exempel.se", "åsa@exempel.se"), ("ÅSA@EXEMPEL.SE", "åsa@exempel.se"), ("u123@bs.io", "u123@bs.io"),
        ])
    func normalises(text: String, expected: String) {
        #expect(User.normalize(email: text) == expected)
    }

    @Test("Display names may be any Unicode")
    func unicodeNames() throws {
        var registry = UserRegistry()
        let id = try registry.register(email: "åsa@exempel.se", name: "Åsa Öberg 🇸🇪")
        #expect(registry[id].name == "Åsa Öberg 🇸🇪")
        #expect(registry[id].email == "åsa@exempel.se")
    }
}
