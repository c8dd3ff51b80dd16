internal import BillingCore

/// The English day and month abbreviations that mail dates use, whatever the locale.
///
/// RFC 5322 dates and the asctime dates of mbox `From ` lines both spell them this way.
enum MailCalendar {
    /// `Sun` … `Sat`, indexed from Sunday.
    static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    /// `Jan` … `Dec`, indexed from January.
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The day of the week of `date`, `Sun` to `Sat`.
    ///
    /// 1970-01-01 was a Thursday; days before it count backwards with a floored modulo.
    static func weekday(of date: CivilDate) -> String {
        let index = ((date.daysSinceEpoch + 4) % 7 + 7) % 7
        return weekdays[Int(index)]
    }

    /// The month of `date`, `Jan` to `Dec`.
    static func month(of date: CivilDate) -> String { months[date.month - 1] }

    /// `value` in decimal, left-padded with `pad` to at least `width` characters.
    static func padded(_ value: some BinaryInteger, width: Int, with pad: Character = "0") -> String {
        let digits = String(value)
        return String(repeating: pad, count: max(0, width - digits.count)) + digits
    }

    /// `HH:MM:SS` of the time of day of `instant`.
    static func timeOfDay(_ instant: Instant) -> String {
        let seconds = instant.secondOfDay
        return "\(padded(seconds / 3600, width: 2)):\(padded(seconds / 60 % 60, width: 2)):\(padded(seconds % 60, width: 2))"
    }
}
