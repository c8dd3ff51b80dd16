import BillingCore
import BillingRuntime

/// One random attempt of the isolation campaign: a user tries an operation in a company.
struct IsolationAttempt: Sendable, CustomStringConvertible {
    /// What is tried.
    enum Kind: Sendable {
        case viewInvoices, viewSettings, listSites, closeAccount, accept
        case editDetails(String), editPaymentMethod(String), changePlan(PlanID)
        case addAddOn(AddOnID, SiteID?), removeAddOn(AddOnID, SiteID?)
        case invite(String, Role), revokeInvitation(String), removeMember(String), changeRole(String, Role)
        case addSite(SiteID), removeSite(SiteID), accessSite(SiteID, SiteEnvironment)
        case transferOwnership(String), setInvoiceEmails(String, Bool)
    }

    /// What the model says must happen.
    enum Verdict: Equatable {
        /// Refused with a denial naming one of these operations (and the user and company).
        case denied([Operation])
        /// Refused: notification settings are each user's own.
        case selfOnly(target: String)
        /// Refused: this email (the actor's or the target's) is not registered.
        case unknownUser(String)
        /// Not denied; it may still be refused by another rule, such as a closed account.
        case allowed
    }

    /// What an attempt gave.
    enum Outcome: Sendable {
        case done
        case invoices([Invoice])
        case details(CompanyDetails)
        case sites([Site])
        case failed(BillingError)
    }

    var company: String
    var user: String
    var kind: Kind

    var description: String { "\(user) in \(company): \(kind)" }

    /// True for operations that never change anything, even when allowed.
    var isRead: Bool {
        switch kind {
        case .viewInvoices, .viewSettings, .listSites, .accessSite: true
        default: false
        }
    }

    /// The model's verdict on this attempt in `state`, with `users` registered.
    func verdict(in state: CompanyState, users: UserRegistry) -> Verdict {
        if let target = targetLookedUpFirst, users.id(forEmail: target) == nil { return .unknownUser(target) }
        guard let actorID = users.id(forEmail: user) else { return .unknownUser(user) }
        if case .setInvoiceEmails(let target, _) = kind, users.id(forEmail: target) == nil { return .unknownUser(target) }
        let me = PermissionModel.member(state.role(of: actorID))
        func member(_ email: String) -> PermissionModel.Member? {
            users.id(forEmail: email).flatMap { PermissionModel.member(state.role(of: $0)) }
        }
        func pending(_ email: String) -> PermissionModel.Member? {
            guard let id = users.id(forEmail: email) else { return nil }
            return PermissionModel.member(state.invitations.last { $0.invitee == id && $0.status == .pending }?.role)
        }
        func check(_ row: String, _ operation: Operation, site: String? = nil, live: Bool = false) -> Verdict {
            PermissionModel.allows(row, me, site: site, live: live) ? .allowed : .denied([operation])
        }
        func managing(_ involved: [PermissionModel.Member?]) -> Verdict {
            let row = PermissionModel.userRow(involved)
            return check(row, row == PermissionModel.companyUsers ? .manageCompanyUsers : .manageSiteUsers)
        }
        switch kind {
        case .viewInvoices: return check("list / view / download invoices", .viewInvoices)
        case .viewSettings: return check("view company settings", .viewCompanySettings)
        case .editDetails: return check("edit company name, address, VAT number", .editCompanyDetails)
        case .editPaymentMethod: return check("edit payment method", .editPaymentMethod)
        case .changePlan: return check("change plan, add or remove add-ons", .changePlan)
        case .addAddOn, .removeAddOn: return check("change plan, add or remove add-ons", .manageAddOns)
        case .invite(let email, let role): return managing([PermissionModel.member(role), pending(email)])
        case .revokeInvitation(let email): return managing([pending(email)])
        case .removeMember(let email): return managing([member(email)])
        case .changeRole(let email, let role):
            return managing(member(email) == nil ? [PermissionModel.member(role)] : [member(email), PermissionModel.member(role)])
        case .listSites, .addSite, .removeSite: return check("view and manage all sites", .manageAllSites)
        case .accessSite(let site, let environment):
            return check("view and manage an assigned site", .manageSite(site, environment), site: site, live: environment == .live)
        case .closeAccount: return check("close the account, transfer ownership", .closeAccount)
        case .transferOwnership: return check("close the account, transfer ownership", .transferOwnership)
        case .setInvoiceEmails(let target, _): return target == user ? .allowed : .selfOnly(target: target)
        case .accept: return .allowed
        }
    }

    /// Site ids the attempt itself names (an error may repeat them: that reveals nothing).
    var namedSites: [SiteID] {
        func sites(_ role: Role) -> [SiteID] {
            switch role {
            case .siteAdministrator(let ids), .siteDeveloper(let ids): ids
            default: []
            }
        }
        switch kind {
        case .accessSite(let site, _), .addSite(let site), .removeSite(let site): return [site]
        case .addAddOn(_, let site), .removeAddOn(_, let site): return site.map { [$0] } ?? []
        case .invite(_, let role), .changeRole(_, let role): return sites(role)
        default: return []
        }
    }

    /// The target user of an operation that looks its target up before its actor.
    private var targetLookedUpFirst: String? {
        switch kind {
        case .revokeInvitation(let email), .removeMember(let email), .changeRole(let email, _), .transferOwnership(let email): email
        default: nil
        }
    }

    /// Performs the attempt through the simulation's public operations.
    func perform(on sim: Simulation) async -> Outcome {
        do throws(BillingError) {
            switch kind {
            case .viewInvoices: return .invoices(try await sim.viewInvoices(of: company, as: user))
            case .viewSettings: return .details(try await sim.viewSettings(of: company, as: user))
            case .listSites: return .sites(try await sim.listSites(of: company, as: user))
            case .closeAccount: try await sim.closeAccount(of: company, as: user)
            case .accept: try await sim.accept(invitationTo: company, as: user)
            case .editDetails(let name): try await sim.editDetails(of: company, name: name, as: user)
            case .editPaymentMethod(let method): try await sim.editPaymentMethod(of: company, to: method, as: user)
            case .changePlan(let plan): try await sim.changePlan(of: company, to: plan, as: user)
            case .addAddOn(let addOn, let site): try await sim.addAddOn(addOn, site: site, to: company, as: user)
            case .removeAddOn(let addOn, let site): try await sim.removeAddOn(addOn, site: site, from: company, as: user)
            case .invite(let email, let role): try await sim.invite(email, to: company, as: role, by: user)
            case .revokeInvitation(let email): try await sim.revokeInvitation(of: email, to: company, by: user)
            case .removeMember(let email): try await sim.removeMember(email, from: company, by: user)
            case .changeRole(let email, let role): try await sim.changeRole(of: email, in: company, to: role, by: user)
            case .addSite(let site): try await sim.addSite(Site(id: site, name: site), to: company, as: user)
            case .removeSite(let site): try await sim.removeSite(site, from: company, as: user)
            case .accessSite(let site, let environment): try await sim.accessSite(site, environment, of: company, as: user)
            case .transferOwnership(let email): try await sim.transferOwnership(of: company, to: email, by: user)
            case .setInvoiceEmails(let target, let on): try await sim.setInvoiceEmails(on, of: target, as: user)
            }
            return .done
        } catch {
            return .failed(error)
        }
    }

    /// What is wrong with `outcome` given the model's `verdict`; `nil` when it agrees.
    func problem(_ outcome: Outcome, verdict: Verdict) -> String? {
        switch (verdict, outcome) {
        case (.denied(let operations), .failed(let error)):
            let expected = operations.map { BillingError.denied(AccessDenied(user: user, operation: $0, company: company)) }
            return expected.contains(error) ? nil : "expected \(expected[0]), got \(error)"
        case (.selfOnly(let target), .failed(let error)):
            return error == .notificationsAreSelfOnly(actor: user, target: target) ? nil : "expected self-only, got \(error)"
        case (.unknownUser(let email), .failed(let error)):
            return error == .unknownUser(email) ? nil : "expected unknown user \(email), got \(error)"
        case (.allowed, .failed(.denied(let denial))):
            return "the model allows it, but it was denied: \(denial)"
        case (.allowed, _):
            return nil
        case (_, let outcome):
            return "the model says \(verdict), but it gave \(outcome)"
        }
    }
}
