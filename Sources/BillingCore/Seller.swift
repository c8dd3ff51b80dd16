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
