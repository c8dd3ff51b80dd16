/// An invoice line as a company stores it: the kind as a tag and small indices instead
/// of strings, 48 bytes. ``InvoiceLine`` is the readable form, built on demand by
/// ``CompanyState/lines(of:)`` and friends.
struct LineRecord: Sendable, Hashable {
    /// Which case of ``InvoiceLine/Kind`` the line is.
    enum Tag: UInt8, Sendable, Hashable {
        case plan, addOn, overage, planCredit, planCharge, addOnCredit
    }

    /// The kind's case.
    var tag: Tag
    /// The cycle (plan lines: 0 monthly, 1 annual) or the metric (overage lines, in
    /// ``Metric/allCases`` order); 0 for add-on lines.
    var detail: UInt8
    /// The plan or add-on: an index into the company's ``CompanyState/itemNames``.
    var item: UInt16
    /// The site of a per-site add-on: an index into the company's sorted
    /// ``CompanyState/lineSites``; -1 for none.
    var site: Int32
    /// Units billed.
    var quantity: Int64
    /// Price per unit in minor units.
    var unitPrice: Int64
    /// The amount in minor units.
    var amount: Int64
    /// Start of the service period the line covers.
    var periodStart: Instant
    /// End (exclusive) of the service period the line covers.
    var periodEnd: Instant
}

/// A credit line and the invoice it credits (``CompanyState/lineCredits``).
struct LineCredit: Sendable, Hashable {
    /// The line's index in the line store.
    var line: Int32
    /// The credited invoice's position.
    var invoice: Int32
}

extension BillingCycle {
    /// The cycle's position in ``allCases``: a line record's detail byte.
    var code: UInt8 { self == .monthly ? 0 : 1 }

    /// The cycle with position `code` (anything but 0 is annual).
    init(code: UInt8) { self = code == 0 ? .monthly : .annual }
}

extension Metric {
    /// The metric's position in ``allCases``: a line record's detail byte.
    var code: UInt8 {
        switch self {
        case .visits: 0
        case .cdn: 1
        case .disk: 2
        }
    }

    /// The metric with position `code`.
    init(code: UInt8) { self = code == 0 ? .visits : code == 1 ? .cdn : .disk }
}
