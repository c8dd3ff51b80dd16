import BillingCore
import BillingRuntime
import Testing

/// DOMAIN.md "Invoices": a number identifies one document across everything the seller
/// issues, so two companies never share a series prefix (the audit's bug 1).
@Suite("Invoice number prefixes are never shared")
struct NumberPrefixTests {
    private func world() async throws -> Simulation {
        let sim = try Simulation(seed: 3, start: at("2026-01-10"))
        try await sim.register(email: "owner@x.se", name: "Owner")
        return sim
    }

    private func prefix(_ id: String, in sim: Simulation) async throws -> String {
        try await sim.company(id).snapshot.numberPrefix
    }

    @Test(
        "Ids that cut to the same eight letters and digits get distinct prefixes, the later one numbered",
        arguments: [("northwind1", "northwind2", "NORTHWIN"), ("acme-se", "acmese", "ACMESE"), ("inv", "in-v", "INV")])
    func defaultPrefixesAreMadeDistinct(first: String, second: String, base: String) async throws {
        let sim = try await world()
        try await sim.createCompany(companySpec(first), owner: "owner@x.se")
        try await sim.createCompany(companySpec(second), owner: "owner@x.se")
        let prefixes = [try await prefix(first, in: sim), try await prefix(second, in: sim)]
        // "INV" is the seller's series prefix: even the first company may not have it.
        #expect(prefixes == (base == "INV" ? ["INV2", "INV3"] : [base, base + "2"]))
        let numbers = await allStates(of: sim).flatMap { $0.invoices.compactMap(\.number) }
        #expect(numbers.count == 2 && Set(numbers).count == 2)
    }

    @Test("A prefix given for a company that another company holds is refused, and the world is unchanged")
    func explicitClashIsRefused() async throws {
        let sim = try await world()
        try await sim.createCompany(companySpec("northwind"), owner: "owner@x.se")
        var spec = companySpec("other")
        spec.numberPrefix = "NORTHWIN"
        await #expect(throws: BillingError.numberPrefixTaken(prefix: "NORTHWIN", company: "other")) {
            try await sim.createCompany(spec, owner: "owner@x.se")
        }
        spec.numberPrefix = "INV"
        await #expect(throws: BillingError.numberPrefixTaken(prefix: "INV", company: "other")) {
            try await sim.createCompany(spec, owner: "owner@x.se")
        }
        #expect(await sim.companyCount == 1)
        // The refused claim was given back: the prefix it asked for is free for a later company.
        spec.numberPrefix = "OTHER1"
        try await sim.createCompany(spec, owner: "owner@x.se")
        #expect(try await prefix("other", in: sim) == "OTHER1")
    }

    @Test("An empty prefix, or one with a space, is refused")
    func malformedPrefixIsRefused() async throws {
        let sim = try await world()
        for bad in ["", "A B"] {
            var spec = companySpec("acme")
            spec.numberPrefix = bad
            await #expect(throws: BillingError.self) { try await sim.createCompany(spec, owner: "owner@x.se") }
        }
        #expect(await sim.companyCount == 0)
    }

    @Test("Scripted c_000000N beside generated c000000N: whichever joins later gets another prefix")
    func scriptedAndGeneratedDoNotClash() async throws {
        let sim = try await world()
        // World index 0, so the generated companies are c0000001, c0000002, c0000003.
        try await sim.createCompany(companySpec("c_0000001"), owner: "owner@x.se")
        try await sim.populate(PopulationSpec(companies: 3))
        try await sim.createCompany(companySpec("c_0000002"), owner: "owner@x.se")
        #expect(try await prefix("c_0000001", in: sim) == "C0000001")
        #expect(try await prefix("c0000001", in: sim) == "C00000012")
        #expect(try await prefix("c0000002", in: sim) == "C0000002")
        #expect(try await prefix("c_0000002", in: sim) == "C00000022")
    }

    @Test("Thousands of companies with random ids and prefixes: every number in the world is unique")
    func randomWorldNumbersAreUnique() async throws {
        for numbering in [NumberingScheme.perCompany, .sellerWide] {
            let sim = try Simulation(seed: 5, start: at("2026-01-10"), settings: WorldSettings(numbering: numbering))
            try await sim.register(email: "owner@x.se", name: "Owner")
            var random = SplitMix64(seed: 77)
            // A small alphabet and short ids make clashes of cut ids and of explicit
            // prefixes common; the generated c0000000… companies join halfway.
            let alphabet = Array("ab1-_")
            var refused = 0
            var made = 0
            for index in 0..<2_000 {
                if index == 1_000 { try await sim.populate(PopulationSpec(companies: 500)) }
                let length = 1 + random.below(10)
                let id = String((0..<length).map { _ in alphabet[random.below(alphabet.count)] }) + "\(index % 50)"
                var spec = companySpec(id)
                if random.chance(30) { spec.numberPrefix = String(id.uppercased().filter { $0 != "-" && $0 != "_" }.prefix(3)) + "1" }
                do {
                    try await sim.createCompany(spec, owner: "owner@x.se")
                    made += 1
                } catch {
                    if case .numberPrefixTaken = error { refused += 1 } else if case .duplicateCompany = error {} else { throw error }
                }
            }
            #expect(made > 1_000 && refused > 0, "the campaign must make clashes: made \(made), refused \(refused)")
            await sim.advance(to: at("2026-05-20"))
            let states = await allStates(of: sim)
            #expect(Set(states.map(\.numberPrefix)).count == states.count)
            let numbers = states.flatMap { $0.invoices.compactMap(\.number) }
            #expect(numbers.count == states.reduce(0) { $0 + $1.invoices.count })
            #expect(Set(numbers).count == numbers.count, "\(numbering)")
            #expect(Set(numbers.map(\.description)).count == numbers.count, "\(numbering): two numbers print alike")
        }
    }
}
