/// What `report.html` shows for one world: summary, companies with their invoices, the
/// outbox per recipient, and per-month figures. Text is ready to print; paths are
/// relative to the report's folder.
public struct ReportModel: Sendable, Hashable {
    /// One labelled figure of the summary.
    public struct Fact: Sendable, Hashable {
        /// `Companies`, `Simulated time`, …
        public var label: String
        /// The value as printed.
        public var value: String
        /// A fact.
        public init(_ label: String, _ value: String) {
            self.label = label
            self.value = value
        }
    }

    /// One invoice row.
    public struct InvoiceRow: Sendable, Hashable {
        /// `ACME-000001`.
        public var number: String
        /// Creation date, `2026-02-01`.
        public var created: String
        /// `monthly` or `yearly`.
        public var cycle: String
        /// Service period, `2026-01-01 – 2026-02-01`.
        public var period: String
        /// Amount charged, `437.50 EUR`.
        public var total: String
        /// Amount due, `437.50 EUR`.
        public var amountDue: String
        /// The PDF, relative to the report: `invoices/acme/ACME-000001.pdf`.
        public var pdfPath: String
        /// A row.
        public init(number: String, created: String, cycle: String, period: String, total: String, amountDue: String, pdfPath: String) {
            self.number = number
            self.created = created
            self.cycle = cycle
            self.period = period
            self.total = total
            self.amountDue = amountDue
            self.pdfPath = pdfPath
        }
    }

    /// One company and its invoices.
    public struct CompanyRow: Sendable, Hashable {
        /// Identifier, `acme`.
        public var id: String
        /// Current name, any Unicode.
        public var name: String
        /// Current country code, `SE`.
        public var country: String
        /// Plan and cycle, `Business (monthly)`.
        public var plan: String
        /// Its invoices, oldest first.
        public var invoices: [InvoiceRow]
        /// A row.
        public init(id: String, name: String, country: String, plan: String, invoices: [InvoiceRow]) {
            self.id = id
            self.name = name
            self.country = country
            self.plan = plan
            self.invoices = invoices
        }
    }

    /// One email in a recipient's list.
    public struct MessageRow: Sendable, Hashable {
        /// Sent at, `2026-02-01`.
        public var sentAt: String
        /// The invoice number it carries.
        public var invoice: String
        /// The company's identifier.
        public var company: String
        /// The message file, relative to the report: `emails/000001.eml`.
        public var emlPath: String
        /// A row.
        public init(sentAt: String, invoice: String, company: String, emlPath: String) {
            self.sentAt = sentAt
            self.invoice = invoice
            self.company = company
            self.emlPath = emlPath
        }
    }

    /// One recipient and the emails they received.
    public struct RecipientRow: Sendable, Hashable {
        /// Address.
        public var email: String
        /// Display name, possibly empty.
        public var name: String
        /// Their messages in sending order.
        public var messages: [MessageRow]
        /// A row.
        public init(email: String, name: String, messages: [MessageRow]) {
            self.email = email
            self.name = name
            self.messages = messages
        }
    }

    /// The figures of one calendar month (by invoice creation date and email send date).
    public struct MonthRow: Sendable, Hashable {
        /// `2026-01`.
        public var month: String
        /// Invoices created in the month.
        public var invoices: Int
        /// Emails sent in the month.
        public var emails: Int
        /// Revenue (invoice totals) per currency code, in minor units, sorted by code.
        public var revenue: [CurrencyAmount]
        /// A row.
        public init(month: String, invoices: Int, emails: Int, revenue: [CurrencyAmount]) {
            self.month = month
            self.invoices = invoices
            self.emails = emails
            self.revenue = revenue
        }
    }

    /// An amount in one currency.
    public struct CurrencyAmount: Sendable, Hashable {
        /// `EUR`.
        public var currency: String
        /// Minor units: a sum over invoices, so `Int128`, exact.
        public var minorUnits: Int128
        /// An amount.
        public init(currency: String, minorUnits: Int128) {
            self.currency = currency
            self.minorUnits = minorUnits
        }
    }

    /// The page title: the scenario's file name or `simulate`.
    public var title: String
    /// The run's summary, in order.
    public var summary: [Fact]
    /// Companies shown in detail, in index order.
    public var companies: [CompanyRow]
    /// Companies left out of the page (they are in `report.json` and on disk).
    public var companiesOmitted: Int
    /// Recipients shown, by address.
    public var recipients: [RecipientRow]
    /// Recipients left out of the page.
    public var recipientsOmitted: Int
    /// Per-month figures, oldest first.
    public var months: [MonthRow]

    /// A model.
    public init(
        title: String, summary: [Fact], companies: [CompanyRow], companiesOmitted: Int, recipients: [RecipientRow],
        recipientsOmitted: Int, months: [MonthRow]
    ) {
        self.title = title
        self.summary = summary
        self.companies = companies
        self.companiesOmitted = companiesOmitted
        self.recipients = recipients
        self.recipientsOmitted = recipientsOmitted
        self.months = months
    }
}
