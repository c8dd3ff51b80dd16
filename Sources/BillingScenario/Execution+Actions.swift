internal import BillingCore
internal import BillingRuntime

// Actions, performed for real or as a trial (`expect … can/cannot`).

extension Execution {
    /// Performs `action` as `user`. With `commit: false` nothing changes: the outcome is
    /// what the action would give now.
    static func perform(_ action: Action, as user: String, in simulation: Simulation, commit: Bool) async throws(BillingError) {
        func run(
            _ company: String,
            _ body: @escaping @Sendable (inout CompanyState, UserRef, Instant, WorldSettings) throws(BillingError) -> Void
        ) async throws(BillingError) {
            try await simulation.perform(as: user, in: company, commit: commit, body)
        }
        switch action {
        case .viewInvoices(let c): try await run(c) { state, actor, _, _ throws(BillingError) in _ = try state.viewInvoices(by: actor) }
        case .viewSettings(let c): try await run(c) { state, actor, _, _ throws(BillingError) in _ = try state.viewSettings(by: actor) }
        case .viewSites(let c): try await run(c) { state, actor, _, _ throws(BillingError) in _ = try state.listSites(by: actor) }
        case .manageSite(let c, let site, let environment):
            try await run(c) { state, actor, _, _ throws(BillingError) in try state.accessSite(site, environment, by: actor) }
        case .editDetails(let c, let name, let address, let country, let vat):
            try await run(c) { state, actor, _, _ throws(BillingError) in
                try state.editDetails(name: name, address: address, country: country, vatNumber: vat, by: actor)
            }
        case .editPayment(let c, let method):
            try await run(c) { state, actor, _, _ throws(BillingError) in try state.editPaymentMethod(method, by: actor) }
        case .changePlan(let c, let plan, let cycle):
            try await run(c) { state, actor, now, settings throws(BillingError) in
                try state.changePlan(to: plan, cycle: cycle, by: actor, at: now, settings: settings)
            }
        case .addAddOn(let c, let addOn, let site):
            try await run(c) { state, actor, now, settings throws(BillingError) in
                try state.addAddOn(addOn, site: site, by: actor, at: now, settings: settings)
            }
        case .removeAddOn(let c, let addOn, let site):
            try await run(c) { state, actor, now, settings throws(BillingError) in
                try state.removeAddOn(addOn, site: site, by: actor, at: now, settings: settings)
            }
        case .addSite(let c, let site): try await run(c) { state, actor, _, _ throws(BillingError) in try state.addSite(site, by: actor) }
        case .removeSite(let c, let site):
            try await run(c) { state, actor, now, settings throws(BillingError) in
                try state.removeSite(site, by: actor, at: now, settings: settings)
            }
        case .invite(let c, let email, let role):
            if commit {
                try await simulation.invite(email, to: c, as: role, by: user)
            } else {
                // A trial must not register the invitee: stand in an id nobody has.
                let invitee = (try? await simulation.userRef(email: email)) ?? UserRef(id: UserID(Int32.max), email: email)
                try await run(c) { state, actor, now, settings throws(BillingError) in
                    try state.invite(invitee, as: role, by: actor, at: now, settings: settings)
                }
            }
        case .revokeInvitation(let c, let email):
            let invitee = try await simulation.userRef(email: email)
            try await run(c) { state, actor, _, _ throws(BillingError) in try state.revokeInvitation(of: invitee, by: actor) }
        case .accept(let c):
            let invitee = try await simulation.userRef(email: user)
            try await simulation.system(in: c, commit: commit) { state, now, _ throws(BillingError) in try state.accept(invitee, at: now) }
        case .removeUser(let c, let email):
            let target = try await simulation.userRef(email: email)
            try await run(c) { state, actor, _, _ throws(BillingError) in try state.removeMember(target, by: actor) }
        case .changeRole(let c, let email, let role):
            let target = try await simulation.userRef(email: email)
            try await run(c) { state, actor, _, _ throws(BillingError) in try state.changeRole(of: target, to: role, by: actor) }
        case .transferOwnership(let c, let email):
            let target = try await simulation.userRef(email: email)
            try await run(c) { state, actor, _, _ throws(BillingError) in try state.transferOwnership(to: target, by: actor) }
        case .closeAccount(let c):
            try await run(c) { state, actor, now, settings throws(BillingError) in
                try state.closeAccount(by: actor, at: now, settings: settings)
            }
        case .turnInvoiceEmail(let on, let target):
            try await simulation.setInvoiceEmails(on, of: target ?? user, as: user, commit: commit)
        }
    }
}
