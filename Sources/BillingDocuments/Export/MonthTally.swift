internal import BillingCore

/// Per-month counts for the report's charts: invoices and revenue by the month the
/// invoice was created in, emails by the month whose end sent them (an email sent as
/// February begins counts in January). Revenue is summed exactly in `Int128`.
struct MonthTally {
    private var invoices: [Int: Int] = [:]
    private var emails: [Int: Int] = [:]
    private var revenue: [Int: [Currency: Int128]] = [:]

    /// Months as `year * 12 + month - 1`, so consecutive months are consecutive keys.
    private static func key(_ instant: Instant) -> Int {
        let date = instant.date
        return date.year * 12 + date.month - 1
    }

    mutating func count(_ invoice: Invoice) {
        let key = Self.key(invoice.created)
        invoices[key, default: 0] += 1
        revenue[key, default: [:]][invoice.currency, default: 0] += Int128(invoice.total)
    }

    mutating func countEmail(sentAt: Instant) {
        emails[Self.key(sentAt.adding(seconds: -1)), default: 0] += 1
    }

    /// Every month from the first to the last with anything in it, empty months included.
    var rows: [ReportModel.MonthRow] {
        let keys = Set(invoices.keys).union(emails.keys)
        guard let first = keys.min(), let last = keys.max() else { return [] }
        return (first...last).map { key in
            let month = key % 12 + 1
            let label = "\(key / 12)-\(month < 10 ? "0" : "")\(month)"
            let amounts = (revenue[key] ?? [:]).sorted { $0.key < $1.key }
                .map { ReportModel.CurrencyAmount(currency: $0.key.code, minorUnits: $0.value) }
            return ReportModel.MonthRow(
                month: label, invoices: invoices[key] ?? 0, emails: emails[key] ?? 0, revenue: amounts)
        }
    }
}

extension MonthTally {
    /// Adds the counts of `other`.
    mutating func merge(_ other: MonthTally) {
        invoices.merge(other.invoices, uniquingKeysWith: +)
        emails.merge(other.emails, uniquingKeysWith: +)
        for (key, amounts) in other.revenue {
            revenue[key, default: [:]].merge(amounts, uniquingKeysWith: +)
        }
    }
}
