import BillingCore
import BillingRuntime
import Testing

/// Issue 14's property: over a generated world with random plan changes, moves between
/// countries, add-on changes, usage and closings, checked after every month for 24 months (across
/// Finland's 2024-09-01, Slovakia's 2025-01-01 and Estonia's 2025-07-01 rate changes):
/// numbers unique across the seller and gapless per series; every credit reversing VAT at
/// the rate and treatment of the invoice it credits, never for more than that invoice
/// charged; quantity × unit price = amount on every line; and every invoice's totals
/// adding up.
@Suite("Accounting properties of generated worlds")
struct AccountingPropertyTests {
    /// Countries a company moves to, with a VAT number of the country's published form.
    static let moves: [(country: String, vat: String)] = [
        ("SE", ""), ("SE", "SE556677889901"), ("DE", ""), ("DE", "DE123456789"), ("FI", ""), ("FI", "FI12345678"),
        ("EE", ""), ("SK", ""), ("LU", ""), ("FR", "FR40123456789"), ("US", ""), ("NO", ""),
    ]

    /// What the operations did: each kind must have happened for the run to prove anything.
    struct Counts {
        var planChanges = 0
        var switchesBack = 0
        var moves = 0
        var addOnChanges = 0
        var credits = 0
        var creditsAcrossTreatments = 0
        var creditNotes = 0
        var closings = 0
        var finalInvoices = 0
        var invoices = 0
        /// Per company and invoice position, what the credits naming it have reversed so far.
        var credited: [String: [Int: Int64]] = [:]
    }

    @Test("Thousands of companies for 24 months of random changes keep every accounting invariant after every month")
    func invariantsHoldEveryMonth() async throws {
        let start = at("2024-01-01")
        let sim = try Simulation(seed: 14, start: start)
        try await sim.populate(PopulationSpec(companies: 2_000, annualPercent: 40, optInPercent: 0))
        var random = SplitMix64(seed: 14, stream: 1)
        let plans: [PlanID] = ["starter", "pro", "business", "agency", "enterprise"]
        var counts = Counts()
        var checked: [Int] = Array(repeating: 0, count: 2_000)
        for month in 1...24 {
            await sim.advance(to: SimulatedDuration.months(month).after(start).adding(seconds: -86_400 * 10))
            for _ in 0..<150 {
                let index = Int32(random.next() % 2_000)
                let state = await sim.state(at: index)
                guard let owner = state.members.first(where: { $0.role == .owner }) else { continue }
                let email = await sim.user(owner.user).email
                switch random.next() % 20 {
                case 0..<5:
                    let plan = plans[Int(random.next() % UInt64(plans.count))]
                    let cycle: BillingCycle? = random.next() % 4 == 0 ? (state.cycle == .monthly ? .annual : .monthly) : nil
                    if (try? await sim.changePlan(of: state.id, to: plan, cycle: cycle, as: email)) != nil { counts.planChanges += 1 }
                    if random.next() % 3 == 0, plan != state.plan {
                        // Away and back and away again at once: each credit must reverse
                        // the latest charge, pending or invoiced, not the first one twice.
                        if (try? await sim.changePlan(of: state.id, to: state.plan, as: email)) != nil,
                            (try? await sim.changePlan(of: state.id, to: plan, as: email)) != nil
                        {
                            counts.switchesBack += 1
                        }
                    }
                case 5..<10:
                    let move = Self.moves[Int(random.next() % UInt64(Self.moves.count))]
                    let country = try #require(Country(rawValue: move.country))
                    if (try? await sim.editDetails(of: state.id, country: country, vatNumber: move.vat, as: email)) != nil {
                        counts.moves += 1
                    }
                case 10..<15:
                    let done =
                        state.addOns.contains { $0.id == "disk20" }
                        ? try? await sim.removeAddOn("disk20", from: state.id, as: email)
                        : try? await sim.addAddOn("disk20", to: state.id, as: email)
                    if done != nil { counts.addOnChanges += 1 }
                case 15..<19:
                    try? await sim.recordUsage(.disk, Int64(random.next() % 80), in: state.id)
                default:
                    if !state.closed, (try? await sim.closeAccount(of: state.id, as: email)) != nil { counts.closings += 1 }
                }
            }
            await sim.advance(to: SimulatedDuration.months(month).after(start))
            try await Self.check(sim, checked: &checked, counts: &counts)
        }
        // The run exercised what it claims to check.
        #expect(counts.planChanges > 500)
        #expect(counts.switchesBack > 100)
        #expect(counts.moves > 500)
        #expect(counts.addOnChanges > 500)
        #expect(counts.credits > 300)
        #expect(counts.creditsAcrossTreatments > 20)
        #expect(counts.creditNotes > 20)
        #expect(counts.closings > 100)
        #expect(counts.finalInvoices > 100)
        #expect(counts.invoices > 40_000)
    }

    /// Checks numbering over the whole world, and every invoice issued since the last check.
    static func check(_ sim: Simulation, checked: inout [Int], counts: inout Counts) async throws {
        let states = await sim.states()
        var numbers = Set<InvoiceNumber>()
        var sequences: [String: [Int64]] = [:]
        for state in states {
            for position in 0..<state.invoiceCount {
                let number = try #require(state.invoiceNumber(at: position), "\(state.id) invoice \(position) has no number")
                #expect(numbers.insert(number).inserted, "\(number) names two documents")
                sequences[number.prefix, default: []].append(number.sequence)
            }
        }
        for (prefix, list) in sequences {
            #expect(list.sorted() == Array(1...Int64(list.count)), "the series \(prefix) has a gap or a repeat")
        }
        for (index, state) in states.enumerated() {
            let invoices = state.invoices
            for position in checked[index]..<invoices.count {
                try check(invoices[position], at: position, of: state, among: invoices, counts: &counts)
            }
            counts.invoices += invoices.count - checked[index]
            checked[index] = invoices.count
        }
    }

    static func check(
        _ invoice: Invoice, at position: Int, of state: CompanyState, among invoices: [Invoice], counts: inout Counts
    ) throws {
        let name = "\(state.id) \(invoice.number?.description ?? "draft")"
        var subtotal: Int64 = 0
        for line in invoice.lines {
            #expect(line.quantity * line.unitPrice == line.amount, "\(name): \(line.quantity) × \(line.unitPrice) ≠ \(line.amount)")
            subtotal += line.amount
            guard let credited = line.credits else { continue }
            counts.credits += 1
            try #require(Int(credited.invoice) < position, "\(name) credits a later invoice")
            let original = invoices[Int(credited.invoice)]
            #expect(credited.tax == original.tax, "\(name): a credit at \(credited.tax), charged at \(original.tax)")
            #expect(credited.number == original.number)
            let reversed = counts.credited[state.id, default: [:]][Int(credited.invoice), default: 0] - line.amount
            counts.credited[state.id, default: [:]][Int(credited.invoice)] = reversed
            let charged = original.lines.reduce(0) { $0 + max(0, $1.amount) }
            #expect(
                reversed <= charged, "\(name): credits name \(original.number?.description ?? "?") for \(reversed), it charged \(charged)")
            if credited.tax != invoice.tax { counts.creditsAcrossTreatments += 1 }
        }
        if invoice.isCreditNote { counts.creditNotes += 1 }
        if invoice.kind == .final { counts.finalInvoices += 1 }
        #expect(subtotal == invoice.subtotal, "\(name): subtotal")
        #expect(invoice.taxGroups.reduce(0) { $0 + $1.tax } == invoice.taxAmount, "\(name): tax")
        #expect(invoice.total == invoice.subtotal + invoice.taxAmount, "\(name): total")
        #expect(invoice.amountDue == max(0, invoice.total - invoice.balanceApplied), "\(name): amount due")
        #expect(invoice.balanceApplied >= 0 && invoice.balanceRemaining >= 0, "\(name): balance")
    }
}
