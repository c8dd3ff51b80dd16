import Testing

@testable import BillingCore

@Suite struct EmailAddressTests {
    @Test(
        "Addresses that are not dot-atoms at a domain with a top-level label are refused",
        arguments: [
            "a@javascript:alert(1)", "x@javascript:alert(1).se", "a@localhost", "a@b", "a@1.2.3.4", "a@[127.0.0.1]", "a@b.c",
            "a@b.s3", "a@-b.se", "a@b-.se", "a@b..se", "a@.b.se", "a@b.se.", "a@b.se-", ".a@b.se", "a.@b.se", "a..b@c.se",
            "a;b@c.se", "a'b@c.se", "a/b@c.se", "a=b@c.se", "a%b@c.se", "a!b@c.se", "a@b_c.se", "a@b+c.se", "a\u{0}@b.se",
            "a\u{85}b@c.se", "😀@b.se", "a@😀.se", "a@b.😀😀", String(repeating: "a", count: 65) + "@b.se",
            "a@" + String(repeating: "b", count: 64) + ".se", "a@" + String(repeating: "b.", count: 127) + "se",
        ])
    func refused(text: String) {
        var registry = UserRegistry()
        #expect(throws: BillingError.invalidEmail(text)) {
            _ = try registry.register(email: text, name: "Nobody")
        }
        #expect(User.normalize(email: text) == nil)
    }

    @Test(
        "Letters, digits, hyphens, dots, underscores and plus signs make addresses, in any script",
        arguments: [
            ("a@b.se", "a@b.se"), ("first.last@sub.example.com", "first.last@sub.example.com"), ("a+tag@b.se", "a+tag@b.se"),
            ("a_b-c@x-y.se", "a_b-c@x-y.se"), ("björn@stålverk.se", "björn@stålverk.se"), ("MÄRTA@Möllan.SE", "märta@möllan.se"),
            ("u0@bs.io", "u0@bs.io"), ("1@2b.io", "1@2b.io"), ("invoices@billingsim.invalid", "invoices@billingsim.invalid"),
            (String(repeating: "a", count: 64) + "@" + String(repeating: "b", count: 63) + ".se", nil),
        ])
    func accepted(text: String, expected: String?) {
        #expect(User.normalize(email: text) == (expected ?? text))
    }
}
