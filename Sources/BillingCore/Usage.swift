/// Metered usage in the current monthly window.
public struct Usage: Sendable, Hashable, Codable {
    /// Visits this window.
    public var visits: Int64 = 0
    /// CDN GB this window.
    public var cdnGB: Int64 = 0
    /// Disk GB now.
    public var diskGB: Int64 = 0
    /// Peak disk GB this window.
    public var diskPeakGB: Int64 = 0
    /// Overage already incurred under earlier plans this window, per metric, in units
    /// (visits or GB): an upgrade does not erase it.
    public var incurredVisits: Int64 = 0
    /// See ``incurredVisits``.
    public var incurredCDN: Int64 = 0
    /// See ``incurredVisits``.
    public var incurredDisk: Int64 = 0

    /// No usage.
    public init() {}
}
