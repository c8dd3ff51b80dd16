/// Simulated traffic of a generated company: at each usage window's close it records
/// this much usage, varied by ±20% from the company's own random stream (a window closed
/// early, by a cycle change or a closing, records the part of it that it lasted).
public struct UsageProfile: Sendable, Hashable, Codable {
    /// Typical visits per month.
    public var visits: Int64
    /// Typical CDN GB per month.
    public var cdnGB: Int64
    /// Disk level in GB.
    public var diskGB: Int64

    /// A profile.
    public init(visits: Int64, cdnGB: Int64, diskGB: Int64) {
        self.visits = visits
        self.cdnGB = cdnGB
        self.diskGB = diskGB
    }

    /// This month's usage: each figure times a random factor in 80…120%.
    func sample(_ random: inout SplitMix64) -> (visits: Int64, cdn: Int64, disk: Int64) {
        func vary(_ value: Int64) -> Int64 { value * Int64(80 + random.below(41)) / 100 }
        return (vary(visits), vary(cdnGB), diskGB)
    }
}
