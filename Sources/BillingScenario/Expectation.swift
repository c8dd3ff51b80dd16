public import BillingCore

/// What a scenario says must be true, checked when its line is reached.
public enum Expectation: Sendable, Hashable {
    /// `expect C invoices N`.
    case invoiceCount(company: String, Int)
    /// `expect C invoice SEL FIELD VALUE …`.
    case invoice(company: String, InvoiceSelector, [InvoiceCheck])
    /// `expect C invoice SEL line K FIELD VALUE …`.
    case line(company: String, InvoiceSelector, line: Int, [LineCheck])
    /// `expect C balance AMOUNT`.
    case balance(company: String, Amount)
    /// `expect C plan PLAN [monthly|annual]`.
    case plan(company: String, PlanID, BillingCycle?)
    /// `expect C owner EMAIL`.
    case owner(company: String, email: String)
    /// `expect EMAIL role in C ROLE|none`.
    case role(email: String, company: String, Role?)
    /// `expect EMAIL can ACTION`.
    case can(email: String, Action)
    /// `expect EMAIL cannot ACTION [saying "…"]`.
    case cannot(email: String, Action, saying: String?)
    /// `expect emails … count N` and `expect no email …`.
    case emails(EmailFilter, count: Int)
    /// `expect total companies|users|invoices|emails N`.
    case totalCount(TotalCount, Int)
    /// `expect total revenue|due AMOUNT CUR`: minor units in `Int128`, as wide as the
    /// world's totals.
    case totalMoney(TotalMoney, minorUnits: Int128, Currency)
    /// `expect digest HEX`.
    case digest(String)
    /// `expect EMAIL invoice email on|off`: the user's own setting.
    case invoiceEmail(email: String, on: Bool)
    /// `expect C invitation EMAIL pending|accepted|revoked|expired|none`: the latest
    /// invitation of that user to the company, as of now.
    case invitation(company: String, email: String, status: String)
    /// `expect series PREFIX gapless from N to M`: the world's numbers with that prefix
    /// are exactly N, N+1, … M.
    case series(prefix: String, from: Int64, to: Int64)
}

/// Which invoice of a company an expectation reads.
public enum InvoiceSelector: Sendable, Hashable, CustomStringConvertible {
    /// The n-th issued, from 1.
    case position(Int)
    /// The latest.
    case last
    /// The one with this number.
    case number(String)

    /// As written.
    public var description: String {
        switch self {
        case .position(let n): "\(n)"
        case .last: "last"
        case .number(let number): number
        }
    }
}

/// One field of an invoice and the value it must have.
public enum InvoiceCheck: Sendable, Hashable {
    /// `number NUMBER`.
    case number(String)
    /// `kind plan|per-use|proration|final`.
    case kind(Invoice.Kind)
    /// `cycle monthly|annual`.
    case cycle(BillingCycle)
    /// `created INSTANT`.
    case created(Instant)
    /// `period INSTANT to DATE`: the start and the last included day.
    case period(Instant, CivilDate)
    /// `lines N`.
    case lines(Int)
    /// `subtotal AMOUNT`.
    case subtotal(Amount)
    /// `tax AMOUNT`.
    case taxAmount(Amount)
    /// `tax RATE`.
    case taxRate(TaxRate)
    /// `tax reverse-charge`.
    case reverseCharge
    /// `tax none`.
    case noTax
    /// `total AMOUNT`.
    case total(Amount)
    /// `applied AMOUNT`.
    case applied(Amount)
    /// `due AMOUNT`.
    case due(Amount)
    /// `remaining AMOUNT`.
    case remaining(Amount)
    /// `name "…"`: the company's name on the invoice, as it was at issue.
    case name(String)
    /// `address "…"`: the company's address at issue.
    case address(String)
    /// `country CC`: the company's country at issue.
    case country(Country)
    /// `vat NUMBER` or `vat none`: the company's VAT number at issue.
    case vatNumber(String)
    /// `payment "…"`: the payment method the invoice was issued with.
    case paymentMethod(String)
    /// `vat-sek AMOUNT`: its Swedish VAT stated in SEK at the invoice date's rate.
    case vatInSEK(Amount)
    /// `document invoice|credit-note`: a credit note's lines sum below zero.
    case document(creditNote: Bool)
    /// `credits NUMBER`: one of the invoices its credit lines reverse; `credits none`: none.
    case credits(String?)
}

/// One field of an invoice line and the value it must have.
public enum LineCheck: Sendable, Hashable {
    /// `description "…"`.
    case description(String)
    /// `quantity N`.
    case quantity(Int64)
    /// `unit AMOUNT`.
    case unit(Amount)
    /// `amount AMOUNT`.
    case amount(Amount)
    /// `period INSTANT to DATE`: the start and the last included day.
    case period(Instant, CivilDate)
    /// `credits NUMBER` (the invoice whose charge it reverses) or `credits none`.
    case credits(String?)
}

/// Which emails an email expectation counts.
public struct EmailFilter: Sendable, Hashable {
    /// Only to this recipient.
    public var to: String?
    /// Only for invoices of this company.
    public var company: String?
    /// Only for this invoice number.
    public var invoice: String?

    /// A filter; `nil` matches everything.
    public init(to: String? = nil, company: String? = nil, invoice: String? = nil) {
        self.to = to
        self.company = company
        self.invoice = invoice
    }
}

/// A count over the whole world.
public enum TotalCount: String, Sendable, Hashable, CaseIterable {
    /// Companies.
    case companies
    /// Users.
    case users
    /// Invoices issued.
    case invoices
    /// Invoice emails sent.
    case emails
}

/// A sum of money over the whole world, in one currency.
public enum TotalMoney: String, Sendable, Hashable, CaseIterable {
    /// Invoice totals.
    case revenue
    /// Amounts due.
    case due
}
