/// A person who logs in to the dashboard. One user may hold roles in many companies.
public struct User: Sendable, Hashable, Codable {
    /// The email address, normalised by ``normalize(email:)``: unique in the world.
    public var email: String
    /// The display name, any Unicode.
    public var name: String
    /// The user's own notification settings.
    public var notifications: NotificationSettings

    /// A new user with invoice emails off.
    public init(email: String, name: String) {
        self.email = email
        self.name = name
        self.notifications = NotificationSettings()
    }
}

/// A user's notification settings. Only the user may change them.
public struct NotificationSettings: Sendable, Hashable, Codable {
    /// "Invoice by email": off by default for every user.
    public var invoiceByEmail: Bool = false

    /// The defaults: everything off.
    public init() {}
}

extension String {
    /// The string without leading and trailing whitespace.
    func trimmingSpaces() -> String {
        var view = Substring(self)
        while view.first?.isWhitespace == true { view = view.dropFirst() }
        while view.last?.isWhitespace == true { view = view.dropLast() }
        return String(view)
    }
}

extension User {
    /// The email of generated user number `number`: `u<number>@bs.io`.
    ///
    /// Up to `u99999999@bs.io` it fits in Swift's inline small strings (15 bytes), so
    /// generating millions of users allocates nothing for their emails.
    public static func numberedEmail(_ number: Int) -> String {
        String(ascii: "u", number, "@bs.io")
    }

    /// The number `n` of an email of the form `u<n>@bs.io` (decimal, no leading zeros),
    /// the inverse of ``numberedEmail(_:)``; `nil` for any other email.
    public static func number(ofNumberedEmail email: String) -> Int? {
        // Every native string (small ones on the stack) has contiguous UTF-8.
        email.utf8.withContiguousStorageIfAvailable(number(ofNumberedEmail:)) ?? number(ofNumberedEmail: Array(email.utf8))
    }

    private static func number(ofNumberedEmail bytes: some RandomAccessCollection<UInt8>) -> Int? {
        let suffix = "@bs.io".utf8
        let digits = bytes.count - 1 - suffix.count
        guard (1...18).contains(digits), bytes.first == UInt8(ascii: "u") else { return nil }
        var number = 0
        for (offset, byte) in bytes.dropFirst().prefix(digits).enumerated() {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), byte != UInt8(ascii: "0") || offset > 0 || digits == 1 else {
                return nil
            }
            number = number * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return bytes.suffix(suffix.count).elementsEqual(suffix) ? number : nil
    }
}

extension String {
    /// `prefix`, `number` in decimal, then `suffix`: as `"\(prefix)\(number)\(suffix)"`, but
    /// written as bytes in one go (what generating millions of users' emails and names
    /// needs); any prefix and suffix up to 32 bytes together.
    public init(ascii prefix: StaticString, _ number: Int, _ suffix: StaticString) {
        guard number >= 0, prefix.utf8CodeUnitCount + suffix.utf8CodeUnitCount <= 32 else {
            self = "\(prefix)\(number)\(suffix)"
            return
        }
        self = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { buffer in
            var digits = 1
            var rest = number / 10
            while rest > 0 {
                digits += 1
                rest /= 10
            }
            var end = 0
            for byte in UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount) {
                buffer[end] = byte
                end += 1
            }
            rest = number
            for position in stride(from: end + digits - 1, through: end, by: -1) {
                buffer[position] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            }
            end += digits
            for byte in UnsafeBufferPointer(start: suffix.utf8Start, count: suffix.utf8CodeUnitCount) {
                buffer[end] = byte
                end += 1
            }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<end]), as: UTF8.self)
        }
    }
}
