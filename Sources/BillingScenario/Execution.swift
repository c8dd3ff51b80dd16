internal import BillingCore
internal import BillingRuntime
internal import BillingStore
internal import Foundation

/// The state of one running scenario: the world settings while they are being written,
/// then the simulation, and the expectation results so far.
struct Execution {
    let seedOverride: UInt64?
    /// The folders snapshot paths must stay in.
    let sandbox: ScenarioSandbox
    var seed: UInt64 = 1
    var start = Scenario.defaultStart
    var settings = WorldSettings()
    var simulation: Simulation?
    var results: [ExpectationResult] = []

    init(seedOverride: UInt64?, sandbox: ScenarioSandbox) {
        self.seedOverride = seedOverride
        self.sandbox = sandbox
    }

    /// The simulation, created from the world statements on first use.
    ///
    /// - Throws: ``BillingError/beforeTaxTable(_:)`` when the scenario starts before the
    ///   VAT table's first date (the checker reports it at the `start` line first).
    mutating func world() throws(BillingError) -> Simulation {
        if let simulation { return simulation }
        let created = try Simulation(seed: seedOverride ?? seed, start: start, settings: settings)
        simulation = created
        return created
    }

    /// Runs one statement; a failure says why, at the statement's line.
    mutating func run(_ statement: Statement) async throws(StatementFailure) {
        do {
            try await run(statement.kind, statement)
        } catch let error as BillingError {
            var location = statement.location
            // A refused prefix is pointed at, as the checker points at what it refuses.
            if case .numberPrefixTaken(let prefix, _) = error,
                let column = Checker.column(of: prefix, in: statement.text, from: location.column, after: ["prefix"])
            {
                location.column = column
            }
            throw StatementFailure(location: location, text: statement.text, message: error.description)
        } catch let error as StatementFailure {
            throw error
        } catch {
            throw StatementFailure(location: statement.location, text: statement.text, message: "\(error)")
        }
    }

    private mutating func run(_ kind: Statement.Kind, _ statement: Statement) async throws {
        switch kind {
        case .seed(let value): seed = value
        case .start(let instant): start = instant
        case .seller(let seller): settings.seller = seller
        case .numbering(let scheme): settings.numbering = scheme
        case .catalogEmpty: settings.catalog = Catalog(plans: [], addOns: [], overage: settings.catalog.overage)
        case .plan(let plan): settings.catalog.plans[plan.id] = plan
        case .addOn(let addOn): settings.catalog.addOns[addOn.id] = addOn
        case .overage(let metric, let prices):
            switch metric {
            case .visits: settings.catalog.overage.per1000Visits = prices
            case .cdn: settings.catalog.overage.perCDNGB = prices
            case .disk: settings.catalog.overage.perDiskGB = prices
            }
        case .vat(let country, let rate, let date): settings.taxes.set(rate, for: country, from: date)
        case .exchange(let currency, let rate, let date): settings.exchangeRates.set(rate, for: currency, from: date)
        case .user(let email, let name): try await world().register(email: email, name: name)
        case .company(var spec, let owner, let inSellerCountry):
            let simulation = try world()
            if inSellerCountry { spec.details.country = settings.seller.country }
            try await simulation.register(email: owner, name: "")
            try await simulation.createCompany(spec, owner: owner)
        case .generate(let spec): try await world().populate(spec)
        case .action(let action, let user):
            let simulation = try world()
            let actor: String
            if let user {
                actor = user
            } else {
                actor = try await owner(of: action.company ?? "", in: simulation)
            }
            try await Execution.perform(action, as: actor, in: simulation, commit: true)
        case .usage(let company, let site, let metric, let amount):
            try await world().system(in: company) { state, _, _ throws(BillingError) in
                if let site, !state.sites.contains(where: { $0.id == site }) { throw .unknownSite(site) }
                try state.recordUsage(metric, amount)
            }
        case .credit(let company, let amount):
            try await world().system(in: company) { state, _, _ throws(BillingError) in
                if let currency = amount.currency, currency != state.currency {
                    throw .invalidValue("company \(company) is billed in \(state.currency.code), not \(currency.code)")
                }
                try state.addCredit(Money(minorUnits: amount.minorUnits, state.currency))
            }
        case .advance(let duration):
            let simulation = try world()
            try await advance(to: duration.after(await simulation.now), in: simulation, statement)
        case .advanceTo(let target):
            try await advance(to: target, in: world(), statement)
        case .on(let instant, let inner):
            try await advance(to: instant, in: world(), statement)
            try await run(inner.kind, inner)
        case .saveSnapshot(let written):
            do {
                let path = try SnapshotTarget.forSaving(written, in: sandbox).get()
                let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try Snapshot.save(await world().image(), to: path)
            } catch {
                throw StatementFailure(location: statement.location, text: statement.text, message: "\(error)")
            }
        case .restoreSnapshot(let written):
            do {
                let path = try SnapshotTarget.forRestoring(written, in: sandbox).get()
                simulation = try Snapshot.restore(from: path)
            } catch {
                throw StatementFailure(location: statement.location, text: statement.text, message: "\(error)")
            }
        case .expect(let expectation):
            let mismatches = await check(expectation, in: try world())
            results.append(ExpectationResult(location: statement.location, text: statement.text, mismatches: mismatches))
        }
    }

    private func advance(to target: Instant, in simulation: Simulation, _ statement: Statement) async throws(StatementFailure) {
        let now = await simulation.now
        guard target >= now else {
            throw StatementFailure(
                location: statement.location, text: statement.text,
                message: "\(target) is before the simulated time \(now): time never goes back")
        }
        let limit = SimulatedDuration.years(100).after(simulation.start)
        guard target <= limit else {
            throw StatementFailure(
                location: statement.location, text: statement.text, message: "a scenario simulates at most 100 years, to \(limit.date)")
        }
        await simulation.advance(to: target)
    }

    /// The email of the company's current Owner.
    func owner(of company: String, in simulation: Simulation) async throws(BillingError) -> String {
        let id = await (try await simulation.company(company)).read { state in
            state.members.first { $0.role == .owner }?.user
        }
        guard let id else { throw .invalidValue("company \(company) has no Owner") }
        return await simulation.user(id).email
    }
}
