/// How much one scenario may expand to, its includes counted each time they are
/// included: a diamond of includes (each file including the next one four times) grows
/// as 4^n, so without a cap ten tiny files never finish.
public struct ScenarioLimits: Sendable, Hashable {
    /// Statements after includes (1,000,000: the bundled scenarios have a few hundred; a
    /// million statements check in about a second).
    public var maxStatements: Int
    /// Bytes of scenario text read after includes, each inclusion counted (64 MiB, the
    /// size of the largest single file).
    public var maxBytes: Int
    /// Diagnostics reported before the rest are dropped (100, as compilers do).
    public var maxDiagnostics: Int

    /// Limits.
    public init(maxStatements: Int = 1_000_000, maxBytes: Int = 64 << 20, maxDiagnostics: Int = 100) {
        self.maxStatements = maxStatements
        self.maxBytes = maxBytes
        self.maxDiagnostics = maxDiagnostics
    }

    /// The byte cap for messages: `64 MiB`, or `4500 bytes` when not whole MiB.
    var described: String {
        maxBytes >= 1 << 20 && maxBytes % (1 << 20) == 0 ? "\(maxBytes >> 20) MiB" : "\(maxBytes) bytes"
    }

    /// The limits `run` and `check` use.
    public static let standard = ScenarioLimits()
}
