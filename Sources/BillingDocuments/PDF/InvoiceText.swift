internal import BillingCore

/// The words and numbers an invoice prints, shared by the PDF's parts.
enum InvoiceText {
    /// `EUR (€)`, `USD ($)`, `SEK (kr)`: the code and the symbol people know.
    static func currency(_ currency: Currency) -> String {
        switch currency {
        case .eur: "EUR (\u{20AC})"
        case .usd: "USD ($)"
        case .sek: "SEK (kr)"
        }
    }

    /// A line's or an invoice's period: `2026-01-01 to 2026-02-01` (end exclusive), the
    /// same words as the invoice email.
    static func period(_ start: Instant, _ end: Instant) -> String { InvoiceLine.printedPeriod(start, end) }

    /// An amount exactly as ``Money/decimalString`` prints it.
    static func amount(_ minorUnits: Int64, _ currency: Currency) -> String {
        Money(minorUnits: minorUnits, currency).decimalString
    }

    /// The tax row's label: `VAT 25%`, `VAT 20% (FR)` for a destination rate, the
    /// reverse-charge note, or that VAT does not apply.
    static func taxLabel(_ treatment: TaxTreatment, buyer: Country) -> String {
        switch treatment {
        case .domestic(let rate): "VAT \(rate)"
        case .destination(let rate): "VAT \(rate) (\(buyer))"
        case .reverseCharge: TaxTreatment.reverseChargeNote
        case .outsideScope: "VAT not applicable (outside the scope of EU VAT)"
        }
    }

    /// An exchange rate in ten-thousandths as printed: `11.2000`.
    static func rate(_ tenThousandths: Int64) -> String {
        let fraction = String(tenThousandths % 10_000)
        return "\(tenThousandths / 10_000).\(String(repeating: "0", count: 4 - fraction.count))\(fraction)"
    }

    /// The label of one of several tax rows: `VAT 24%`, `Reverse charge`, `No VAT`.
    static func shortTaxLabel(_ treatment: TaxTreatment) -> String {
        switch treatment {
        case .domestic(let rate), .destination(let rate): "VAT \(rate)"
        case .reverseCharge: "Reverse charge"
        case .outsideScope: "No VAT"
        }
    }
}
