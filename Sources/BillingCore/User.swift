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
