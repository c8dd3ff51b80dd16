public import BillingCore

extension Simulation {
    /// Generates `spec.companies` companies with their users. Each signs up on one of the
    /// next 28 days (its anniversary) and gets its first invoice then. Company ids are
    /// `c0000000`, `c0000001`, … by world index; user emails `u<n>@bs.io` by directory
    /// position, partners first.
    ///
    /// Companies and users are drafted and built on every core. The users join the
    /// directory in one step (their emails are their ids: no dictionary entries), and the
    /// companies join the clock in one call; only those two steps run on one core.
    ///
    /// - Complexity: O(companies + users); one actor call per company, none per user.
    public func populate(_ spec: PopulationSpec) async throws(BillingError) {
        guard spec.companies >= 0 else { throw .invalidValue("a population needs 0 or more companies, not \(spec.companies)") }
        _ = try await clock.admit { (firstIndex, now) throws(BillingError) in
            try await self.generate(spec, firstIndex: firstIndex, now: now)
        }
    }

    /// The companies of `spec` from `firstIndex` on, signing up from `now`, with their
    /// users registered.
    private func generate(_ spec: PopulationSpec, firstIndex: Int, now: Instant) async throws(BillingError) -> [SimulationClock.Admission] {
        let generator = PopulationGenerator(seed: seed, spec: spec, catalog: settings.catalog)
        let base = await directory.count
        // Kept in the slices they were drafted in (`size` each, the last maybe fewer):
        // one array of a million drafts would be copied whole once more.
        let slices = try await concurrentMap(spec.companies, width: width) { range in
            [range.map { generator.draft(index: Int32(firstIndex + $0)) }]
        }
        let size = slices.first?.count ?? 1

        // Directory positions: partners first, then each company's users in order;
        // `firstUser[position + 1]` ends company `position`'s users.
        var firstUser: [Int] = []
        var signupDays: [Int] = []
        firstUser.reserveCapacity(spec.companies + 1)
        signupDays.reserveCapacity(spec.companies)
        var next = spec.partnerCount
        for slice in slices {
            for draft in slice {
                firstUser.append(next)
                signupDays.append(draft.signupDay)
                next += draft.userCount
            }
        }
        firstUser.append(next)
        var partnerRandom = SplitMix64(seed: seed ^ 0xACC0, stream: UInt64(firstIndex))
        var users = (0..<spec.partnerCount).map { k in
            var partner = User(email: User.numberedEmail(base + k), name: String(ascii: "Partner ", k, ""))
            partner.notifications.invoiceByEmail = partnerRandom.chance(80)
            return partner
        }
        users.reserveCapacity(next)
        for sliceUsers in try await concurrentMap(
            slices.count, width: width,
            { [firstUser] sliceRange in
                sliceRange.map { slice in
                    let first = slice * size
                    var users: [User] = []
                    users.reserveCapacity(firstUser[first + slices[slice].count] - firstUser[first])
                    for (offset, draft) in slices[slice].enumerated() {
                        for k in 0..<draft.userCount {
                            let number = base + firstUser[first + offset] + k
                            var user = User(email: User.numberedEmail(number), name: String(ascii: "User ", number, ""))
                            user.notifications.invoiceByEmail = draft.optIns & (1 << k) != 0
                            users.append(user)
                        }
                    }
                    return users
                }
            })
        {
            users += sliceUsers
        }
        let ids = try await directory.registerAll(users)

        let settings = self.settings
        let seed = self.seed
        // Built in the order the clock will visit them (by signup day, then index), so
        // each day's companies lie together in memory; added in index order.
        let order = PopulationGenerator.visitOrder(signupDays: signupDays)
        let built = try await concurrentMap(order.count, width: width) { [firstUser, slices] range throws(BillingError) in
            var built: [SimulationClock.Admission] = []
            built.reserveCapacity(range.count)
            for visit in range {
                let position = order[visit]
                let userIDs = { (member: Int) -> UserID in
                    let user = member < 0 ? -1 - member : firstUser[position] + member
                    return ids?[user] ?? UserID(Int32(base + user))
                }
                let state = try Simulation.companyState(
                    slices[position / size][position % size], index: Int32(firstIndex + position), userIDs: userIDs,
                    start: now, seed: seed, settings: settings)
                let explicit = slices[position / size][position % size].spec.numberPrefix != nil
                built.append((Company(state, settings: settings), state.nextDue, state.numberPrefix, explicit))
            }
            return [built]
        }
        await Simulation.release(slices)
        // `rank[position]` is the visit of the company at `position`.
        var rank = [Int](repeating: 0, count: order.count)
        for (visit, position) in order.enumerated() { rank[position] = visit }
        let builtSize = built.first?.count ?? 1
        let added = rank.map { built[$0 / builtSize][$0 % builtSize] }
        return added
    }

    /// Lets go of `parts` on every core: freeing a million drafts' arrays one by one
    /// took longer than making them.
    private static func release<Part: Sendable>(_ parts: consuming [[Part]]) async {
        var parts = parts
        await withTaskGroup(of: Void.self) { group in
            for index in parts.indices {
                let part = parts[index]
                parts[index] = []
                group.addTask { withExtendedLifetime(part) {} }
            }
        }
    }

    /// The state of the company drafted as `draft` at world `index`, signed up
    /// `draft.signupDay` days after `start`; `userIDs` gives the id of a drafted member.
    private static func companyState(
        _ draft: borrowing PopulationGenerator.Draft, index: Int32, userIDs: (Int) -> UserID, start: Instant, seed: UInt64,
        settings: WorldSettings
    ) throws(BillingError) -> CompanyState {
        var state = CompanyState(
            id: draft.spec.id, index: index, details: draft.spec.details, currency: draft.spec.currency, plan: draft.spec.plan,
            cycle: draft.spec.cycle, owner: userIDs(draft.members[0].user),
            start: start.adding(seconds: Int64(draft.signupDay) * Instant.secondsPerDay),
            numberPrefix: draft.spec.numberPrefix, profile: draft.profile, seed: seed)
        for member in draft.members.dropFirst() where state.role(of: userIDs(member.user)) == nil {
            state.addMember(userIDs(member.user), member.role)
        }
        for site in draft.sites { state.setUpSite(site) }
        for (addOn, site) in draft.addOns { try state.setUpAddOn(addOn, site: site, at: state.periodStart, settings: settings) }
        return state
    }
}
