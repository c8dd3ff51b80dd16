internal import BillingCore

/// An instant as an RFC 5322 `date-time` in UTC: `Sun, 01 Feb 2026 00:00:00 +0000`.
///
/// Computed from ``Instant`` and ``CivilDate`` with integer arithmetic, so the text never
/// depends on the host's locale, time zone or Foundation's formatters.
struct RFC5322Date: Sendable, Hashable, CustomStringConvertible {
    /// The instant written.
    var instant: Instant

    /// The date of `instant`.
    init(_ instant: Instant) { self.instant = instant }

    /// `Sun, 01 Feb 2026 00:00:00 +0000`.
    var description: String {
        let date = instant.date
        let day = MailCalendar.padded(date.day, width: 2)
        let year = MailCalendar.padded(date.year, width: 4)
        return "\(MailCalendar.weekday(of: date)), \(day) \(MailCalendar.month(of: date)) \(year) "
            + "\(MailCalendar.timeOfDay(instant)) +0000"
    }
}
