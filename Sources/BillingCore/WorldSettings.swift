/// The rules a whole world bills by: seller, catalog, tax rates and numbering scheme.
public struct WorldSettings: Sendable, Hashable, Codable {
    /// Who issues the invoices.
    public var seller: Seller
    /// What is sold.
    public var catalog: Catalog
    /// VAT rates as dated data.
    public var taxes: TaxTable
    /// Exchange rates to SEK as dated data, for stating Swedish VAT in kronor.
    public var exchangeRates: ExchangeRates
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
        invitationLifetime: Int64 = 7 * Instant.secondsPerDay, exchangeRates: ExchangeRates = ExchangeRates()
    ) {
        self.seller = seller
        self.catalog = catalog
        self.taxes = taxes
        self.exchangeRates = exchangeRates
        self.numbering = numbering
        self.immediateInvoiceThreshold = immediateInvoiceThreshold
        self.invitationLifetime = invitationLifetime
    }
}
