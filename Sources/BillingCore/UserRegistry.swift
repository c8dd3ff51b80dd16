/// All users of a world by id and by email: the state behind the runtime's
/// `UserDirectory` actor, as a value.
public struct UserRegistry: Sendable, Hashable {
    /// Users by ``UserID`` index.
    public private(set) var users: [User] = []
    private var idsByEmail: [String: UserID] = [:]

    /// An empty registry.
    public init() {}

    /// A registry of `users` in id order, as a snapshot stored them; `nil` when two
    /// share an email or an email is not normalized.
    public init?(users: [User]) {
        for (index, user) in users.enumerated() {
            guard User.normalize(email: user.email) == user.email, idsByEmail[user.email] == nil else { return nil }
            idsByEmail[user.email] = UserID(Int32(index))
        }
        self.users = users
    }

    /// The number of users.
    public var count: Int { users.count }

    /// The user with `id`.
    public subscript(id: UserID) -> User { users[Int(id.rawValue)] }

    /// The id of the user with `email` (any case), if registered.
    public func id(forEmail email: String) -> UserID? {
        User.normalize(email: email).flatMap { idsByEmail[$0] }
    }

    /// Registers a user, or returns the existing one with the same email.
    ///
    /// - Throws: ``BillingError/invalidEmail(_:)`` when `email` is not an address.
    public mutating func register(email: String, name: String) throws(BillingError) -> UserID {
        guard let normalized = User.normalize(email: email) else { throw .invalidEmail(email) }
        if let existing = idsByEmail[normalized] { return existing }
        let id = UserID(Int32(users.count))
        users.append(User(email: normalized, name: name))
        idsByEmail[normalized] = id
        return id
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

    /// A reference (id and email) for `id`.
    public func ref(_ id: UserID) -> UserRef { UserRef(id: id, email: self[id].email) }
}
