import BillingCore
import Testing

@Suite("CivilDate and Instant")
struct CivilDateTests {
    /// Days in each month by a plain rule, independent of the implementation.
    private static func monthLengths(_ year: Int) -> [Int] {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    }

    @Test("Days since the epoch match a day-by-day count from 1600 to 2500, both ways")
    func daysSinceEpochRoundTrip() throws {
        // Count backwards from 1970-01-01 to 1600-01-01 to find the first day number.
        var first: Int64 = 0
        for year in 1600..<1970 { first -= Int64(Self.monthLengths(year).reduce(0, +)) }
        var counter = first
        for year in 1600...2500 {
            for (index, length) in Self.monthLengths(year).enumerated() {
                for dayOfMonth in 1...length {
                    let date = try #require(CivilDate(year: year, month: index + 1, day: dayOfMonth))
                    guard date.daysSinceEpoch == counter, CivilDate(daysSinceEpoch: counter) == date else {
                        Issue.record("\(date) should be day \(counter), got \(date.daysSinceEpoch)")
                        return
                    }
                    counter += 1
                }
            }
        }
        #expect(try #require(CivilDate(year: 1970, month: 1, day: 1)).daysSinceEpoch == 0)
        #expect(try #require(CivilDate(year: 2000, month: 3, day: 1)).daysSinceEpoch == 11_017)
    }

    @Test(
        "Parsing accepts only YYYY-MM-DD naming a day that exists",
        arguments: [
            "2026-02-30", "2025-02-29", "2026-13-01", "2026-1-01", "2026-01-1", "2026-00-10",
            "2026-01-00", "2026-04-31", "1900-02-29", "26-01-01", "2026/01/01", "2026-01-01x", "", "abcd-ef-gh",
            "+026-01-01", "2026--1-01", "0000-01-01", "２０２６-01-01", "2026-0١-01", "2026-01-01\u{0}", "2026-01-0 ",
        ])
    func parsingRejects(text: String) {
        #expect(CivilDate(parsing: text) == nil)
    }

    @Test("Parsing reads valid dates, leap days included")
    func parsingAccepts() throws {
        let leapDay = try #require(CivilDate(parsing: "2028-02-29"))
        #expect((leapDay.year, leapDay.month, leapDay.day) == (2028, 2, 29))
        #expect(CivilDate(parsing: "2000-02-29") == day(2000, 2, 29))
        #expect(CivilDate(parsing: "2026-12-31") == day(2026, 12, 31))
        #expect(day(2026, 3, 7).description == "2026-03-07")
        #expect(day(987, 1, 2).description == "0987-01-02")
    }

    @Test("The memberwise initializer rejects days that do not exist")
    func initializerRejects() {
        #expect(CivilDate(year: 2026, month: 2, day: 29) == nil)
        #expect(CivilDate(year: 2026, month: 13, day: 1) == nil)
        #expect(CivilDate(year: 2026, month: 6, day: 0) == nil)
        #expect(CivilDate(year: 2024, month: 2, day: 29) != nil)
    }

    @Test(
        "Adding months keeps the anchor day, clamped to the last day of shorter months",
        arguments: [
            (day(2026, 1, 31), 1, 31, day(2026, 2, 28)), (day(2028, 1, 31), 1, 31, day(2028, 2, 29)),
            (day(2026, 2, 28), 1, 31, day(2026, 3, 31)), (day(2026, 1, 31), 2, 31, day(2026, 3, 31)),
            (day(2026, 1, 31), 3, 31, day(2026, 4, 30)), (day(2026, 1, 30), 1, 30, day(2026, 2, 28)),
            (day(2026, 1, 15), 12, 15, day(2027, 1, 15)), (day(2026, 11, 30), 3, 30, day(2027, 2, 28)),
            (day(2026, 12, 31), 1, 31, day(2027, 1, 31)), (day(2026, 1, 31), 0, 31, day(2026, 1, 31)),
            (day(2024, 2, 29), 12, 29, day(2025, 2, 28)), (day(2024, 2, 29), 48, 29, day(2028, 2, 29)),
        ])
    func addingMonthsClamps(start: CivilDate, months: Int, anchor: Int, expected: CivilDate) {
        #expect(start.addingMonths(months, anchorDay: anchor) == expected)
    }

    @Test("The first of the next month rolls over the year")
    func firstOfNextMonth() {
        #expect(day(2026, 1, 31).firstOfNextMonth == day(2026, 2, 1))
        #expect(day(2026, 12, 5).firstOfNextMonth == day(2027, 1, 1))
    }

    @Test("Dates order by year, then month, then day")
    func ordering() {
        #expect(day(2025, 12, 31) < day(2026, 1, 1))
        #expect(day(2026, 1, 31) < day(2026, 2, 1))
        #expect(!(day(2026, 2, 1) < day(2026, 2, 1)))
    }

    @Test(
        "An instant prints its date at midnight and the full time otherwise",
        arguments: [
            (at(2026, 1, 15), "2026-01-15"), (at(2026, 1, 15, 10, 5, 9), "2026-01-15T10:05:09Z"),
            (at(2026, 12, 31, 23, 59, 59), "2026-12-31T23:59:59Z"), (Instant(seconds: 0), "1970-01-01"),
            (Instant(seconds: -1), "1969-12-31T23:59:59Z"),
        ])
    func instantDescription(instant: Instant, text: String) {
        #expect(instant.description == text)
    }

    @Test("An instant knows its date, second of day and the next month start")
    func instantCalendar() {
        let instant = at(2026, 2, 28, 13, 0, 1)
        #expect(instant.date == day(2026, 2, 28))
        #expect(instant.secondOfDay == 13 * 3600 + 1)
        #expect(instant.nextMonthStart == at(2026, 3, 1))
        #expect(!instant.isMonthStart)
        #expect(at(2026, 3, 1).isMonthStart)
        #expect(!at(2026, 3, 1, 0, 0, 1).isMonthStart)
        #expect(Instant(seconds: -1).date == day(1969, 12, 31))
        #expect(Instant(day(2026, 1, 1)).seconds == 1_767_225_600)
    }

    @Test("Billing anchors on the 31st fall on the last day of shorter months")
    func anchorOn31st() {
        let anchor = BillingAnchor(start: at(2026, 1, 31, 9), mode: .anniversary)
        #expect(anchor.boundary(1) == at(2026, 2, 28, 9))
        #expect(anchor.boundary(2) == at(2026, 3, 31, 9))
        #expect(anchor.boundary(3) == at(2026, 4, 30, 9))
        let calendar = BillingAnchor(start: at(2026, 1, 31, 9), mode: .calendarMonth)
        #expect(calendar.boundary(0) == at(2026, 1, 1))
        #expect(calendar.boundary(1) == at(2026, 2, 1))
    }
}
