/// All users of a world by id and by email: the state behind the runtime's
/// `UserDirectory` actor, as a value.
///
/// A user whose email is the numbered email of its own id (``User/numberedEmail(_:)``,
/// as every generated user's is) is found by reading the number out of the email; only
/// the others are kept in a dictionary. A million generated companies have ~4.5 million
/// users: hashing and storing all their emails took longer than generating the rest of
/// the world.
public struct UserRegistry: Sendable, Hashable {
    /// Users by ``UserID`` index.
    public private(set) var users: [User] = []
    /// The ids of users whose emails are not their own numbered email.
    private var idsByEmail: [String: UserID] = [:]

    /// An empty registry.
    public init() {}

    /// A registry of `users` in id order, as a snapshot stored them; `nil` when two
    /// share an email or an email is not normalized.
    public init?(users: [User]) {
        self.users = users
        for (index, user) in users.enumerated() where !UserRegistry.isNumbered(user.email, at: index) {
            guard User.normalize(email: user.email) == user.email, numberedID(user.email) == nil, idsByEmail[user.email] == nil
            else { return nil }
            idsByEmail[user.email] = UserID(Int32(index))
        }
    }

    /// The number of users.
    public var count: Int { users.count }

    /// The user with `id`.
    public subscript(id: UserID) -> User { users[Int(id.rawValue)] }

    /// The id of the user with `email` (any case), if registered.
    public func id(forEmail email: String) -> UserID? {
        User.normalize(email: email).flatMap { numberedID($0) ?? idsByEmail[$0] }
    }

    /// Registers a user, or returns the existing one with the same email.
    ///
    /// - Throws: ``BillingError/invalidEmail(_:)`` when `email` is not an address.
    public mutating func register(email: String, name: String) throws(BillingError) -> UserID {
        guard let normalized = User.normalize(email: email) else { throw .invalidEmail(email) }
        if let existing = numberedID(normalized) ?? idsByEmail[normalized] { return existing }
        let id = UserID(Int32(users.count))
        if !UserRegistry.isNumbered(normalized, at: users.count) { idsByEmail[normalized] = id }
        users.append(User(email: normalized, name: name))
        return id
    }

    /// Appends `numbered` as new users with ids continuing ``count``, each of whose email
    /// must be the numbered email of the id it gets; returns `false`, changing nothing,
    /// when one is not or one of those emails is taken (then register them one by one).
    ///
    /// - Complexity: O(`numbered.count` + users not numbered): no dictionary work per
    ///   user.
    public mutating func append(numbered: [User]) -> Bool {
        let ids = users.count..<(users.count + numbered.count)
        for email in idsByEmail.keys {
            if let number = User.number(ofNumberedEmail: email), ids.contains(number) { return false }
        }
        for (offset, user) in numbered.enumerated() where !UserRegistry.isNumbered(user.email, at: ids.lowerBound + offset) {
            return false
        }
        if users.isEmpty { users = numbered } else { users += numbered }
        return true
    }

    /// Turns `target`'s invoice emails on or off, as `actor`: allowed only when they are
    /// the same user.
    public mutating func setInvoiceByEmail(_ on: Bool, for target: UserID, by actor: UserID) throws(BillingError) {
        for id in [actor, target] where !(0..<users.count).contains(Int(id.rawValue)) {
            throw .unknownUser("#\(id.rawValue)")
        }
        guard actor == target else {
            throw .notificationsAreSelfOnly(actor: users[Int(actor.rawValue)].email, target: users[Int(target.rawValue)].email)
        }
        users[Int(target.rawValue)].notifications.invoiceByEmail = on
    }

    /// The id of the user whose email is `email` and its own numbered email.
    private func numberedID(_ email: String) -> UserID? {
        guard let number = User.number(ofNumberedEmail: email), number < users.count, users[number].email == email else {
            return nil
        }
        return UserID(Int32(number))
    }

    private static func isNumbered(_ email: String, at index: Int) -> Bool {
        User.number(ofNumberedEmail: email) == index
    }

    /// A reference (id and email) for `id`.
    public func ref(_ id: UserID) -> UserRef { UserRef(id: id, email: self[id].email) }
}
