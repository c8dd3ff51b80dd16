/// SplitMix64: a tiny, fast, seedable pseudo-random generator. Its whole state is one
/// `UInt64`, so it snapshots and restores exactly.
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable, Codable {
    /// The generator's state.
    public var state: UInt64

    /// A generator starting at `seed`.
    public init(seed: UInt64) { state = seed }

    /// A generator for one stream of a world: mixes the world seed with a stream number
    /// (a company index, a shard), so streams are independent and stable.
    public init(seed: UInt64, stream: UInt64) {
        var mixer = SplitMix64(seed: seed ^ (stream &* 0x9E37_79B9_7F4A_7C15))
        state = mixer.next() ^ stream
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound` (Lemire's multiply-shift; bias is negligible for the
    /// small bounds used here and, above all, deterministic).
    public mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0, "below(0)")
        return Int(((next() >> 32) &* UInt64(bound)) >> 32)
    }

    /// True with probability `percent`/100.
    public mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
}
