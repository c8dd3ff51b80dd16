internal import BillingCore

/// The invoice-number prefixes in use in one world: the seller's series and every
/// company's. Each is held by one series only, so no two documents share a number.
///
/// A company's default prefix (its id cut to eight letters and digits) that is taken
/// gets the first free of `PREFIX2`, `PREFIX3`, …, in the order companies join; a
/// prefix given explicitly is never changed, and one that is taken is refused.
struct NumberPrefixes: Sendable {
    private var taken: Set<String>

    /// The prefixes of a world with the seller's series `seller` and companies holding
    /// `companies` (distinct: ``WorldImage/validate()`` checks a restored world's).
    init(seller: String, companies: [String] = []) {
        taken = Set(minimumCapacity: companies.count + 1)
        taken.insert(seller)
        for prefix in companies { taken.insert(prefix) }
    }

    /// Claims `prefix` for company `id`; returns the prefix the company gets.
    mutating func claim(_ prefix: String, explicit: Bool, company id: String) throws(BillingError) -> String {
        if taken.insert(prefix).inserted { return prefix }
        guard !explicit else { throw .numberPrefixTaken(prefix: prefix, company: id) }
        var suffix = 2
        while !taken.insert("\(prefix)\(suffix)").inserted { suffix += 1 }
        return "\(prefix)\(suffix)"
    }

    /// Gives `prefix` back (a company that did not join after all).
    mutating func release(_ prefix: String) {
        taken.remove(prefix)
    }
}
