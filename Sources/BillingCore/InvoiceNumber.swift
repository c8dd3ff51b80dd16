/// An invoice number: a series prefix and a gapless sequence within that series.
public struct InvoiceNumber: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The series prefix: the company's (per-company scheme) or the seller's.
    public var prefix: String
    /// The position in the series, from 1, without gaps.
    public var sequence: Int64

    /// A number.
    public init(prefix: String, sequence: Int64) {
        self.prefix = prefix
        self.sequence = sequence
    }

    /// `ACME-000012`: the prefix, a dash and the sequence padded to six digits.
    public var description: String {
        let digits = String(sequence)
        return "\(prefix)-\(String(repeating: "0", count: max(0, 6 - digits.count)))\(digits)"
    }

    public static func < (lhs: InvoiceNumber, rhs: InvoiceNumber) -> Bool {
        (lhs.prefix, lhs.sequence) < (rhs.prefix, rhs.sequence)
    }
}

/// How invoice numbers are assigned.
public enum NumberingScheme: String, Sendable, Hashable, Codable, CaseIterable {
    /// One series per company: the company's prefix and its own sequence (the default).
    case perCompany = "per-company"
    /// One series for the whole seller, assigned in the order (time, company, sequence).
    case sellerWide = "seller-wide"
}
