import BillingCore
import Testing

/// The registry finds users whose email is their own numbered email (every generated
/// user) by reading the number, and everyone else by a dictionary: both ways must agree
/// with one dictionary of every email.
@Suite("User registry: numbered emails")
struct UserRegistryTests {
    @Test("A numbered email reads back as its number", arguments: [0, 1, 9, 10, 450_331, 99_999_999, 123_456_789_012])
    func roundTrip(number: Int) {
        let email = User.numberedEmail(number)
        #expect(email == "u\(number)@bs.io")
        #expect(User.number(ofNumberedEmail: email) == number)
        #expect(String(ascii: "User ", number, "") == "User \(number)")
        #expect(String(ascii: "", number, " ω") == "\(number) ω")
    }

    @Test(
        "Anything but u<n>@bs.io has no number",
        arguments: [
            "u@bs.io", "u01@bs.io", "U1@bs.io", "u1@BS.IO", "u1@bs.iox", "u1@bs.i", "x1@bs.io", "u-1@bs.io", "u1x@bs.io",
            "u1@bsxio", "", "u", "u1", "u1234567890123456789@bs.io", "anna@x.se",
        ])
    func notNumbered(email: String) {
        #expect(User.number(ofNumberedEmail: email) == nil)
    }

    @Test("A numbered email registered under another id is found under that id, in any case")
    func numberedElsewhere() throws {
        var registry = UserRegistry()
        let early = try registry.register(email: "u1@bs.io", name: "Early")
        let zero = try registry.register(email: "u0@bs.io", name: "Zero")
        let two = try registry.register(email: "u2@bs.io", name: "Two")
        #expect([early, zero, two].map(\.rawValue) == [0, 1, 2])
        #expect(registry.id(forEmail: "u1@bs.io") == early)
        #expect(registry.id(forEmail: "U1@BS.IO") == early)
        #expect(registry.id(forEmail: "u0@bs.io") == zero)
        #expect(registry.id(forEmail: "u2@bs.io") == two)
        #expect(registry.id(forEmail: "u3@bs.io") == nil)
        let again = try registry.register(email: " U1@bs.io", name: "Again")
        let twoAgain = try registry.register(email: "u2@bs.io", name: "Again")
        #expect(again == early)
        #expect(twoAgain == two)
        #expect(registry.count == 3)
    }

    @Test("A registry restored from its users equals the one registered user by user and finds the same ids")
    func restored() throws {
        var registry = UserRegistry()
        for email in ["anna@x.se", "u1@bs.io", "u0@bs.io", "u3@bs.io", "u7@bs.io"] {
            _ = try registry.register(email: email, name: email)
        }
        let restored = try #require(UserRegistry(users: registry.users))
        #expect(restored == registry)
        for (index, user) in registry.users.enumerated() {
            #expect(restored.id(forEmail: user.email) == UserID(Int32(index)))
        }
        #expect(restored.id(forEmail: "u4@bs.io") == nil)
    }

    @Test(
        "A restore refuses two users with one email, numbered or not, and emails not normalized",
        arguments: [
            ["u0@bs.io", "u0@bs.io"], ["u1@bs.io", "u1@bs.io"], ["u2@bs.io", "a@x.se", "u2@bs.io"], ["a@x.se", "a@x.se"], ["A@x.se"],
        ])
    func restoreRefuses(emails: [String]) {
        #expect(UserRegistry(users: emails.map { User(email: $0, name: "N") }) == nil)
    }

    @Test("Users numbered from the count are appended at once; a taken or misnumbered email appends nothing")
    func appendNumbered() throws {
        var registry = UserRegistry()
        _ = try registry.register(email: "anna@x.se", name: "Anna")
        var opted = User(email: "u2@bs.io", name: "Two")
        opted.notifications.invoiceByEmail = true
        let appended = registry.append(numbered: [User(email: "u1@bs.io", name: "One"), opted])
        #expect(appended)
        #expect(registry.count == 3)
        #expect(registry.id(forEmail: "u2@bs.io") == UserID(2))
        #expect(registry[UserID(2)].notifications.invoiceByEmail)
        let misnumbered = registry.append(numbered: [User(email: "u4@bs.io", name: "Four")])
        #expect(!misnumbered)
        #expect(registry.count == 3)

        var taken = UserRegistry()
        _ = try taken.register(email: "u2@bs.io", name: "Early")
        let over = taken.append(numbered: [User(email: "u1@bs.io", name: "One"), User(email: "u2@bs.io", name: "Two")])
        #expect(!over)
        #expect(taken.count == 1)
        let beside = taken.append(numbered: [User(email: "u1@bs.io", name: "One")])
        #expect(beside)
        #expect(taken.count == 2)
    }
}
