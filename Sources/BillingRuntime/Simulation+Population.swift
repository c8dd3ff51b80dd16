public import BillingCore

extension Simulation {
    /// Generates `spec.companies` companies with their users. Each signs up on one of the
    /// next 28 days (its anniversary) and gets its first invoice then. Company ids are `c0000000`, `c0000001`, … by world
    /// index; user emails `u<n>@bs.io` by directory position.
    ///
    /// - Complexity: O(companies + users); one actor call per company, none per user.
    public func populate(_ spec: PopulationSpec) async throws(BillingError) {
        guard spec.companies >= 0 else { throw .invalidValue("a population needs 0 or more companies, not \(spec.companies)") }
        try await clock.exclusively { () throws(BillingError) in try await self.populateHoldingLock(spec) }
    }

    private func populateHoldingLock(_ spec: PopulationSpec) async throws(BillingError) {
        let generator = PopulationGenerator(seed: seed, spec: spec, catalog: settings.catalog)
        let firstIndex = await clock.companyCount
        let base = await directory.count
        var users: [(email: String, name: String, invoiceByEmail: Bool)] = []
        var partnerRandom = SplitMix64(seed: seed ^ 0xACC0, stream: UInt64(firstIndex))
        for k in 0..<spec.partnerCount {
            users.append((email: "u\(base + k)@bs.io", name: "Partner \(k)", invoiceByEmail: partnerRandom.chance(80)))
        }
        var drafts: [PopulationGenerator.Draft] = []
        drafts.reserveCapacity(spec.companies)
        for position in 0..<spec.companies {
            let index = Int32(firstIndex + position)
            let id = "c" + String(repeating: "0", count: max(0, 7 - String(index).count)) + String(index)
            drafts.append(generator.draft(position: position, index: index, id: id, firstUser: base, users: &users))
        }
        let ids = try await directory.registerAll(users)
        let now = await clock.now
        var added: [(company: Company, due: Instant?)] = []
        added.reserveCapacity(drafts.count)
        for (position, draft) in drafts.enumerated() {
            func id(_ member: Int) -> UserID { member < 0 ? ids[-1 - member] : ids[member - base] }
            var state = CompanyState(
                id: draft.spec.id, index: Int32(firstIndex + position), details: draft.spec.details,
                currency: draft.spec.currency, plan: draft.spec.plan, cycle: draft.spec.cycle, owner: id(draft.members[0].user),
                start: now.adding(seconds: Int64(draft.signupDay) * Instant.secondsPerDay), paymentMethod: draft.spec.paymentMethod,
                profile: draft.profile, seed: seed)
            for member in draft.members.dropFirst() where state.role(of: id(member.user)) == nil {
                state.addMember(id(member.user), member.role)
            }
            for site in draft.sites { state.setUpSite(site) }
            for (addOn, site) in draft.addOns { try state.setUpAddOn(addOn, site: site, at: state.periodStart, settings: settings) }
            added.append((Company(state, settings: settings), state.nextDue))
        }
        try await clock.add(added)
        await clock.advanceHoldingLock(to: now)
    }
}
