/// A company's identity as printed on its invoices. Editing it appends a revision, so
/// each invoice keeps the details it was issued with.
public struct CompanyDetails: Sendable, Hashable, Codable {
    /// Company name, any Unicode.
    public var name: String
    /// Postal address, any Unicode.
    public var address: String
    /// Country: decides VAT with the VAT number.
    public var country: Country
    /// VAT registration number; empty when the company has none.
    public var vatNumber: String

    /// Details.
    public init(name: String, address: String, country: Country, vatNumber: String = "") {
        self.name = name
        self.address = address
        self.country = country
        self.vatNumber = vatNumber
    }
}
