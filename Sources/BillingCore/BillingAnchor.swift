/// Where a company's billing periods start.
public enum AnchorMode: String, Sendable, Hashable, Codable {
    /// Periods start on the signup date and repeat on that day of the month, clamped to
    /// the month's last day (the default).
    case anniversary
    /// Periods start on the 1st of each month; the first period is prorated.
    case calendarMonth = "calendar-month"
}

/// The instants a company's periods start at: `boundary(k)` is the k-th monthly
/// boundary after the anchor.
public struct BillingAnchor: Sendable, Hashable, Codable {
    /// The anchor's date; its day is the anchor day.
    public var date: CivilDate
    /// Seconds after midnight that periods start at.
    public var secondOfDay: Int64

    /// An anchor for a period starting at `start`.
    public init(start: Instant, mode: AnchorMode) {
        switch mode {
        case .anniversary:
            date = start.date
            secondOfDay = start.secondOfDay
        case .calendarMonth:
            let d = start.date
            date = CivilDate(unchecked: d.year, d.month, 1)
            secondOfDay = 0
        }
    }

    /// The start of month `k` after the anchor, clamped to the anchor day.
    public func boundary(_ k: Int) -> Instant {
        Instant(date.addingMonths(k, anchorDay: date.day)).adding(seconds: secondOfDay)
    }
}
