extension Duration {
    /// The duration in seconds, as a `Double`: how wall-clock times are reported.
    public var inSeconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
