/// Values per key that change on dates, as data: each applies from its effective date
/// until the key's next change. VAT rates per country (``TaxTable``) and exchange rates
/// per currency (``ExchangeRates``) are kept this way.
public struct DatedValues<Key: Hashable & Sendable & Codable, Value: Hashable & Sendable & Codable>: Sendable, Hashable, Codable {
    /// One value taking effect on a date.
    public struct Change: Sendable, Hashable, Codable {
        /// The first day the value applies.
        public var effective: CivilDate
        /// The value from that day.
        public var value: Value

        /// `value` from `effective` on.
        public init(effective: CivilDate, value: Value) {
            self.effective = effective
            self.value = value
        }
    }

    /// Changes per key, sorted by date.
    public private(set) var changes: [Key: [Change]] = [:]

    /// No values.
    public init() {}

    /// Adds (or replaces) the value of `key` from `effective` on.
    public mutating func set(_ value: Value, for key: Key, from effective: CivilDate) {
        var list = changes[key, default: []].filter { $0.effective != effective }
        list.append(Change(effective: effective, value: value))
        list.sort { $0.effective < $1.effective }
        changes[key] = list
    }

    /// The change of `key` in effect on `date`; `nil` before its first.
    public func change(for key: Key, on date: CivilDate) -> Change? {
        changes[key]?.last { $0.effective <= date }
    }

    /// The first day there is a value for `key`; `nil` when there is none.
    public func firstDate(for key: Key) -> CivilDate? { changes[key]?.first?.effective }

    /// How many changes there are, over every key.
    public var count: Int { changes.values.reduce(0) { $0 + $1.count } }
}
