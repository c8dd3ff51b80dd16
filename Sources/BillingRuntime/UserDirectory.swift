public import BillingCore

/// Owns every user of a world and their notification settings; the ``Simulation`` and
/// the clock (at month ends) talk to it.
public actor UserDirectory {
    private var registry = UserRegistry()
    /// Every user's "invoice by email" setting by user id, kept beside the registry:
    /// rebuilding it from millions of users at every month end was a serial pass over
    /// cold memory.
    private var optIns: [Bool] = []

    /// An empty directory.
    public init() {}

    /// A directory holding `registry` (a restored snapshot).
    init(registry: UserRegistry) {
        self.registry = registry
        optIns = registry.users.map(\.notifications.invoiceByEmail)
    }

    /// Registers a user, or returns the one with the same email (any case).
    @discardableResult
    public func register(email: String, name: String) throws(BillingError) -> UserID {
        defer { syncOptIns() }
        return try registry.register(email: email, name: name)
    }

    /// Adds the settings of users registered since the last call.
    private func syncOptIns() {
        let users = registry.users
        if optIns.count < users.count { optIns += users[optIns.count...].lazy.map(\.notifications.invoiceByEmail) }
    }

    /// Registers generated users at once (population generation), their opt-in choice
    /// already made; each email should be the numbered email of the id it gets. Returns
    /// `nil` when they got exactly those ids (``count`` onwards, in order), else each
    /// one's id: some email was taken, and those users were registered one by one as
    /// ``register(email:name:)`` would (a taken email gives its existing user).
    func registerAll(_ users: [User]) throws(BillingError) -> [UserID]? {
        defer { syncOptIns() }
        if registry.append(numbered: users) { return nil }
        var ids: [UserID] = []
        ids.reserveCapacity(users.count)
        for user in users {
            let id = try registry.register(email: user.email, name: user.name)
            if user.notifications.invoiceByEmail { try registry.setInvoiceByEmail(true, for: id, by: id) }
            ids.append(id)
        }
        // A taken email may have changed an existing user's setting.
        optIns = registry.users.map(\.notifications.invoiceByEmail)
        return ids
    }

    /// The reference (id and email) of the user with `email`.
    public func ref(email: String) throws(BillingError) -> UserRef {
        guard let id = registry.id(forEmail: email) else { throw .unknownUser(email) }
        return registry.ref(id)
    }

    /// The user with `id`.
    public func user(_ id: UserID) -> User { registry[id] }

    /// The number of users.
    public var count: Int { registry.count }

    /// Turns `target`'s invoice emails on or off, as `actor`: only for themselves. With
    /// `commit: false` the change is tried on a copy and dropped.
    public func setInvoiceByEmail(_ on: Bool, for target: UserID, by actor: UserID, commit: Bool = true) throws(BillingError) {
        guard commit else {
            var trial = registry
            return try trial.setInvoiceByEmail(on, for: target, by: actor)
        }
        try registry.setInvoiceByEmail(on, for: target, by: actor)
        optIns[Int(target.rawValue)] = registry[target].notifications.invoiceByEmail
    }

    /// Every user's "invoice by email" setting, indexed by user id: what a month end
    /// decides recipients by.
    func invoiceEmailSettings() -> [Bool] { optIns }

    /// The whole registry, for snapshots and the digest.
    public var snapshot: UserRegistry { registry }
}
