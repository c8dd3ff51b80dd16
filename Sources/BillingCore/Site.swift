/// A site of a company.
public struct Site: Sendable, Hashable, Codable {
    /// Identifier within the company.
    public var id: SiteID
    /// Display name.
    public var name: String

    /// A site.
    public init(id: SiteID, name: String) {
        self.id = id
        self.name = name
    }
}
