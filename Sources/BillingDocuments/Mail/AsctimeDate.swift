internal import BillingCore

/// An instant in C's `asctime` layout, in UTC: `Sun Feb  1 00:00:00 2026`.
///
/// The layout of the date on an mbox `From ` line: the day of the month is padded with a
/// space, not a zero.
struct AsctimeDate: Sendable, Hashable, CustomStringConvertible {
    /// The instant written.
    var instant: Instant

    /// The date of `instant`.
    init(_ instant: Instant) { self.instant = instant }

    /// `Sun Feb  1 00:00:00 2026`.
    var description: String {
        let date = instant.date
        let day = MailCalendar.padded(date.day, width: 2, with: " ")
        let year = MailCalendar.padded(date.year, width: 4)
        return "\(MailCalendar.weekday(of: date)) \(MailCalendar.month(of: date)) \(day) \(MailCalendar.timeOfDay(instant)) \(year)"
    }
}
