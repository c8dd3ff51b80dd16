extension VATNumber {
    /// Why a text is not a VAT number of a country.
    public enum Problem: Error, Sendable, Hashable, CustomStringConvertible {
        /// Nothing is left once spaces, dots and hyphens are dropped.
        case empty
        /// A character other than a letter or a digit (an old Irish number may hold `+`
        /// or `*`) besides spaces, dots and hyphens.
        case characters
        /// More than ``VATNumber/maximumLength`` characters in normal form.
        case tooLong
        /// The number does not start with the country's prefix: a Swedish number on a
        /// German company, or `GR` for Greece's `EL`.
        case prefix(Format)
        /// The country's prefix, followed by a shape the country does not publish.
        case shape(Format)

        /// Says what a number of the country looks like, where that helps.
        public var description: String {
            switch self {
            case .empty: "it is empty: a company without a VAT number has none"
            case .characters:
                "a VAT number holds only letters and digits (spaces, dots and hyphens between them are left out)"
            case .tooLong: "a VAT number has at most \(VATNumber.maximumLength) letters and digits"
            case .prefix(let format): "a VAT number there starts with \(format.prefix): \(format); give one of that form, or none"
            case .shape(let format): "a VAT number there is \(format); give one of that form, or none"
            }
        }
    }
}
