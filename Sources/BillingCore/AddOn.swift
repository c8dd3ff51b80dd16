/// The identifier of an add-on in the catalog, for example `redis`.
public typealias AddOnID = String

/// An extra billed monthly on top of the plan, per company or per site.
public struct AddOn: Sendable, Hashable, Codable, Identifiable {
    /// Whether one instance covers the company or one site.
    public enum Scope: String, Sendable, Hashable, Codable {
        /// One per company.
        case company
        /// One per site it is attached to.
        case site
    }

    /// Catalog identifier, for example `redis`.
    public var id: AddOnID
    /// The name shown on invoices, for example `Redis`.
    public var name: String
    /// Price per month.
    public var monthly: PriceList
    /// Per company or per site.
    public var scope: Scope
    /// Disk GB it adds to the plan's allowance while active (20 for "Extra disk 20 GB").
    public var diskGB: Int64

    /// An add-on.
    public init(id: AddOnID, name: String, monthly: PriceList, scope: Scope, diskGB: Int64 = 0) {
        self.id = id
        self.name = name
        self.monthly = monthly
        self.scope = scope
        self.diskGB = diskGB
    }
}
