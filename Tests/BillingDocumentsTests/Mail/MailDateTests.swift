import BillingCore
import Testing

@testable import BillingDocuments

@Suite("Dates in mail headers and mbox separators")
struct MailDateTests {
    /// Known instants, checked against Python's `email.utils.formatdate` and `time.asctime`.
    static let known: [(seconds: Int64, rfc5322: String, asctime: String)] = [
        (0, "Thu, 01 Jan 1970 00:00:00 +0000", "Thu Jan  1 00:00:00 1970"),
        (1_769_904_000, "Sun, 01 Feb 2026 00:00:00 +0000", "Sun Feb  1 00:00:00 2026"),
        (1_709_164_800, "Thu, 29 Feb 2024 00:00:00 +0000", "Thu Feb 29 00:00:00 2024"),
        (1_709_251_199, "Thu, 29 Feb 2024 23:59:59 +0000", "Thu Feb 29 23:59:59 2024"),
        (951_782_400, "Tue, 29 Feb 2000 00:00:00 +0000", "Tue Feb 29 00:00:00 2000"),
        (1_767_225_599, "Wed, 31 Dec 2025 23:59:59 +0000", "Wed Dec 31 23:59:59 2025"),
        (1_767_225_600, "Thu, 01 Jan 2026 00:00:00 +0000", "Thu Jan  1 00:00:00 2026"),
        (4_107_542_400, "Mon, 01 Mar 2100 00:00:00 +0000", "Mon Mar  1 00:00:00 2100"),
        (-2_208_988_800, "Mon, 01 Jan 1900 00:00:00 +0000", "Mon Jan  1 00:00:00 1900"),
        (-86_400, "Wed, 31 Dec 1969 00:00:00 +0000", "Wed Dec 31 00:00:00 1969"),
        (1_000_000_000, "Sun, 09 Sep 2001 01:46:40 +0000", "Sun Sep  9 01:46:40 2001"),
    ]

    @Test("RFC 5322 dates of known instants, leap days included, are exact", arguments: known)
    func rfc5322(seconds: Int64, rfc5322: String, asctime: String) {
        #expect(RFC5322Date(Instant(seconds: seconds)).description == rfc5322)
    }

    @Test("Asctime dates of known instants pad the day with a space", arguments: known)
    func asctime(seconds: Int64, rfc5322: String, asctime: String) {
        #expect(AsctimeDate(Instant(seconds: seconds)).description == asctime)
    }

    @Test("The day of the week advances by one each day across months, years and leap days")
    func weekdays() {
        var previous: String?
        for day in Int64(-800)...Int64(21_000) where day % 7 == 0 || day % 61 == 3 {
            let name = MailCalendar.weekday(of: CivilDate(daysSinceEpoch: day))
            let expected = MailCalendar.weekdays[Int(((day + 4) % 7 + 7) % 7)]
            #expect(name == expected)
            if day % 7 == 0 {
                if let previous { #expect(name == previous) }
                previous = name
            }
        }
        #expect(MailCalendar.weekday(of: CivilDate(daysSinceEpoch: 0)) == "Thu")
    }
}
