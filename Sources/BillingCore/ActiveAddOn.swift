/// An add-on in use, since an instant (for per-use billing on annual plans).
public struct ActiveAddOn: Sendable, Hashable, Codable {
    /// Which add-on.
    public var id: AddOnID
    /// Its site, for per-site add-ons.
    public var site: SiteID?
    /// When it was added.
    public var since: Instant

    /// An add-on in use, as it was stored.
    public init(id: AddOnID, site: SiteID?, since: Instant) {
        self.id = id
        self.site = site
        self.since = since
    }
}
