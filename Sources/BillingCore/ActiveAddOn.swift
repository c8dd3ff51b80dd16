/// An add-on in use, since an instant (for per-use billing on annual plans).
public struct ActiveAddOn: Sendable, Hashable, Codable {
    /// Which add-on.
    public var id: AddOnID
    /// Its site, for per-site add-ons.
    public var site: SiteID?
    /// When it was added.
    public var since: Instant
}
