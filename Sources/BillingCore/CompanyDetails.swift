/// A company's identity and payment method as printed on its invoices. Editing either
/// appends a revision, so each invoice keeps the details it was issued with.
public struct CompanyDetails: Sendable, Hashable, Codable {
    /// Company name, any Unicode.
    public var name: String
    /// Postal address, any Unicode.
    public var address: String
    /// Country: decides VAT with the VAT number.
    public var country: Country
    /// VAT registration number; empty when the company has none. A company keeps it in
    /// normal form, fitting its country (``validated()``).
    public var vatNumber: String
    /// How the company pays, as shown on its invoices: free text such as
    /// `Visa •••• 4242`; `Invoice` (bank transfer against the invoice) unless set.
    public var paymentMethod: String

    /// Details.
    public init(name: String, address: String, country: Country, vatNumber: String = "", paymentMethod: String = "Invoice") {
        self.name = name
        self.address = address
        self.country = country
        self.vatNumber = vatNumber
        self.paymentMethod = paymentMethod
    }

    /// These details with the VAT number in normal form (see ``VATNumber``); a number
    /// that normalises to nothing is none.
    ///
    /// - Throws: ``BillingError/invalidVATNumber(number:country:reason:)`` when the number
    ///   does not fit the country. Creating a company and editing its details refuse
    ///   such a number; so does a restore (as a `WorldInconsistency`).
    public func validated() throws(BillingError) -> CompanyDetails {
        var details = self
        do throws(VATNumber.Problem) {
            details.vatNumber = try VATNumber(vatNumber, for: country).text
        } catch .empty {
            details.vatNumber = ""
        } catch {
            throw .invalidVATNumber(number: vatNumber, country: country, reason: error)
        }
        return details
    }
}
