public import BillingCore

extension Simulation {
    /// Generates `spec.companies` companies with their users. Each signs up on one of the
    /// next 28 days (its anniversary) and gets its first invoice then. Company ids are
    /// `c0000000`, `c0000001`, … by world index; user emails `u<n>@bs.io` by directory
    /// position, partners first.
    ///
    /// Companies are drafted and built on every core; only registering the users (one
    /// dictionary) runs on one.
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
    private func generate(_ spec: PopulationSpec, firstIndex: Int, now: Instant) async throws(BillingError) -> [(company: Company, due: Instant?)] {
        let generator = PopulationGenerator(seed: seed, spec: spec, catalog: settings.catalog)
        let base = await directory.count
        let drafts = try await concurrentMap(spec.companies, width: width) { range in
            range.map { generator.draft(index: Int32(firstIndex + $0)) }
        }

        // Directory positions: partners first, then each company's users in order.
        var firstUser: [Int] = []
        firstUser.reserveCapacity(drafts.count)
        var next = spec.partnerCount
        for draft in drafts {
            firstUser.append(next)
            next += draft.optIns.count
        }
        var partnerRandom = SplitMix64(seed: seed ^ 0xACC0, stream: UInt64(firstIndex))
        var users = (0..<spec.partnerCount).map { k in
            (email: "u\(base + k)@bs.io", name: "Partner \(k)", invoiceByEmail: partnerRandom.chance(80))
        }
        users += try await concurrentMap(drafts.count, width: width) { [firstUser] range in
            range.flatMap { position in
                drafts[position].optIns.enumerated().map { k, optIn in
                    let number = base + firstUser[position] + k
                    return (email: "u\(number)@bs.io", name: "User \(number)", invoiceByEmail: optIn)
                }
            }
        }
        let ids = try await directory.registerAll(users)

        let settings = self.settings
        let seed = self.seed
        // Built in the order the clock will visit them (by signup day, then index), so
        // each day's companies lie together in memory; added in index order.
        let order = drafts.indices.sorted { (drafts[$0].signupDay, $0) < (drafts[$1].signupDay, $1) }
        let built = try await concurrentMap(drafts.count, width: width) { [firstUser] range throws(BillingError) in
            var built: [(company: Company, due: Instant?)] = []
            for position in range.map({ order[$0] }) {
                let draft = drafts[position]
                func id(_ member: Int) -> UserID { member < 0 ? ids[-1 - member] : ids[firstUser[position] + member] }
                var state = CompanyState(
                    id: draft.spec.id, index: Int32(firstIndex + position), details: draft.spec.details,
                    currency: draft.spec.currency, plan: draft.spec.plan, cycle: draft.spec.cycle,
                    owner: id(draft.members[0].user), start: now.adding(seconds: Int64(draft.signupDay) * Instant.secondsPerDay),
                    paymentMethod: draft.spec.paymentMethod, profile: draft.profile, seed: seed)
                for member in draft.members.dropFirst() where state.role(of: id(member.user)) == nil {
                    state.addMember(id(member.user), member.role)
                }
                for site in draft.sites { state.setUpSite(site) }
                for (addOn, site) in draft.addOns { try state.setUpAddOn(addOn, site: site, at: state.periodStart, settings: settings) }
                built.append((Company(state, settings: settings), state.nextDue))
            }
            return built
        }
        var added = built
        for (company, due) in built { added[Int(company.index) - firstIndex] = (company, due) }
        return added
    }
}
