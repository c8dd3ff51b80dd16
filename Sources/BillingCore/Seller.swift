/// The hosting company that issues the invoices.
public struct Seller: Sendable, Hashable, Codable {
    /// Legal name, printed on invoices and in email subjects.
    public var name: String
    /// Postal address.
    public var address: String
    /// Country of establishment: decides domestic VAT.
    public var country: Country
    /// The seller's VAT number.
    public var vatNumber: String
    /// The prefix of the seller-wide invoice series.
    public var seriesPrefix: String

    /// A seller.
    public init(name: String, address: String, country: Country, vatNumber: String, seriesPrefix: String = "INV") {
        self.name = name
        self.address = address
        self.country = country
        self.vatNumber = vatNumber
        self.seriesPrefix = seriesPrefix
    }

    /// The default seller: a Swedish hosting company.
    public static let standard = Seller(
        name: "BillingSim Hosting AB", address: "Sveavägen 1, 111 57 Stockholm", country: .sweden,
        vatNumber: "SE556000000101")
}

/// The rules a whole world bills by: seller, catalog, tax rates and numbering scheme.
public struct WorldSettings: Sendable, Hashable, Codable {
    /// Who issues the invoices.
    public var seller: Seller
    /// What is sold.
    public var catalog: Catalog
    /// VAT rates as dated data.
    public var taxes: TaxTable
    /// Per-company series (default) or one seller-wide series.
    public var numbering: NumberingScheme
    /// A plan change whose net increase is above this many minor units is invoiced at
    /// once; at or below it goes on the next invoice. 100.00 in every currency.
    public var immediateInvoiceThreshold: Int64
    /// Seconds an invitation stays valid: seven days.
    public var invitationLifetime: Int64

    /// Settings; every argument has the standard default.
    public init(
        seller: Seller = .standard, catalog: Catalog = .standard, taxes: TaxTable = .standardEU,
        numbering: NumberingScheme = .perCompany, immediateInvoiceThreshold: Int64 = 10_000,
        invitationLifetime: Int64 = 7 * Instant.secondsPerDay
    ) {
        self.seller = seller
        self.catalog = catalog
        self.taxes = taxes
        self.numbering = numbering
        self.immediateInvoiceThreshold = immediateInvoiceThreshold
        self.invitationLifetime = invitationLifetime
    }
}
