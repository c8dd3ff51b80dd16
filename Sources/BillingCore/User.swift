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

    /// The canonical form of an email address (trimmed, lower-cased), or `nil` if it is
    /// not of the form `local@domain` without spaces, brackets, quotes or control
    /// characters.
    public static func normalize(email: String) -> String? {
        if isNormalized(email) { return email }
        let trimmed = email.trimmingSpaces().lowercased()
        let parts = trimmed.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty,
            !trimmed.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "\"" }),
            !trimmed.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F })
        else { return nil }
        return trimmed
    }

    /// True when `email` is already canonical: ASCII without upper case, spaces or
    /// brackets, one `@` with text on both sides. Checked on bytes, so registering
    /// millions of generated users allocates nothing here.
    private static func isNormalized(_ email: String) -> Bool {
        var ats = 0
        var count = 0
        var lastWasAt = true
        for byte in email.utf8 {
            guard byte > 0x20, byte < 0x7F, !(0x41...0x5A).contains(byte), byte != UInt8(ascii: "<"),
                byte != UInt8(ascii: ">"), byte != UInt8(ascii: "\"")
            else { return false }
            if byte == UInt8(ascii: "@") {
                if lastWasAt { return false }
                ats += 1
            }
            lastWasAt = byte == UInt8(ascii: "@")
            count += 1
        }
        return ats == 1 && !lastWasAt && count > 2
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
