internal import BillingCore
internal import BillingRuntime

// Checking expectations against the simulation: each gives the values that differ.

extension Execution {
    func check(_ expectation: Expectation, in simulation: Simulation) async -> [Mismatch] {
        do {
            return try await mismatches(expectation, in: simulation)
        } catch {
            return [Mismatch("outcome", expected: "a value to compare", actual: "error: \(error)")]
        }
    }

    private func mismatches(_ expectation: Expectation, in simulation: Simulation) async throws(BillingError) -> [Mismatch] {
        switch expectation {
        case .invoiceCount(let company, let count):
            let actual = try await state(company, in: simulation) { $0.invoiceCount }
            return compare("invoices", "\(count)", "\(actual)")
        case .invoice(let company, let selector, let checks):
            let settings = simulation.settings
            let found = try await state(company, in: simulation) { state in
                Execution.select(selector, in: state.invoices).map { ($0, state.detailsHistory[Int($0.detailsRevision)]) }
            }
            guard let (invoice, details) = found else { return [Mismatch("invoice \(selector)", expected: "an invoice", actual: "none")] }
            return checks.flatMap { Execution.compare($0, invoice, details, settings) }
        case .line(let company, let selector, let number, let checks):
            let catalog = simulation.settings.catalog
            let found = try await state(company, in: simulation) { state in Execution.select(selector, in: state.invoices) }
            guard let invoice = found else { return [Mismatch("invoice \(selector)", expected: "an invoice", actual: "none")] }
            guard number <= invoice.lines.count else {
                return [Mismatch("line \(number)", expected: "a line", actual: "the invoice has \(invoice.lines.count) lines")]
            }
            let line = invoice.lines[number - 1]
            return checks.flatMap { Execution.compare($0, line, number: number, currency: invoice.currency, catalog) }
        case .balance(let company, let amount):
            let balance = try await state(company, in: simulation) { $0.balanceMoney }
            return Execution.compare("balance", amount, balance)
        case .plan(let company, let plan, let cycle):
            let (actualPlan, actualCycle) = try await state(company, in: simulation) { ($0.plan, $0.cycle) }
            return compare("plan", plan, actualPlan) + (cycle.map { compare("cycle", $0.rawValue, actualCycle.rawValue) } ?? [])
        case .owner(let company, let email):
            return compare("owner", email, try await owner(of: company, in: simulation))
        case .role(let email, let company, let role):
            let id = await simulation.users.id(forEmail: email)
            let actual = try await state(company, in: simulation) { state in id.flatMap { state.role(of: $0) } }
            return compare("role", role.map { "\($0.normalized)" } ?? "none", actual.map { "\($0.normalized)" } ?? "none")
        case .can(let email, let action):
            do {
                try await Execution.perform(action, as: email, in: simulation, commit: false)
                return []
            } catch {
                return [Mismatch("outcome", expected: "allowed", actual: "refused: \(error)")]
            }
        case .cannot(let email, let action, let saying):
            do {
                try await Execution.perform(action, as: email, in: simulation, commit: false)
                return [Mismatch("outcome", expected: "refused", actual: "allowed")]
            } catch {
                guard let saying, !error.description.contains(saying) else { return [] }
                return [Mismatch("message", expected: "containing \"\(saying)\"", actual: "\"\(error.description)\"")]
            }
        case .emails(let filter, let count):
            return compare("emails", "\(count)", "\(try await countEmails(filter, in: simulation))")
        case .invoiceEmail(let email, let on):
            guard let id = await simulation.users.id(forEmail: email) else {
                return [Mismatch("invoice email", expected: on ? "on" : "off", actual: "no such user")]
            }
            return compare("invoice email", on ? "on" : "off", await simulation.user(id).notifications.invoiceByEmail ? "on" : "off")
        case .invitation(let company, let email, let status):
            let id = await simulation.users.id(forEmail: email)
            let now = await simulation.now
            let actual = try await state(company, in: simulation) { state in
                state.invitations.last { $0.invitee == id }?.statusText(at: now) ?? "none"
            }
            return compare("invitation", status, actual)
        case .series(let prefix, let from, let to):
            var sequences: [Int64] = []
            for state in await simulation.states() {
                for position in 0..<state.invoiceCount {
                    if let number = state.invoiceNumber(at: position), number.prefix == prefix { sequences.append(number.sequence) }
                }
            }
            sequences.sort()
            let expected = Array(from...to)
            guard sequences != expected else { return [] }
            let found = sequences.isEmpty ? "none" : Execution.ranges(sequences)
            return [Mismatch("series \(prefix)", expected: "\(from) to \(to), each once", actual: found)]
        case .totalCount(let kind, let count):
            let summary = await simulation.summary()
            let actual: Int
            switch kind {
            case .companies: actual = summary.companies
            case .users: actual = summary.users
            case .invoices: actual = summary.invoices
            case .emails: actual = summary.emails
            }
            return compare("total \(kind.rawValue)", "\(count)", "\(actual)")
        case .totalMoney(let kind, let minorUnits, let currency):
            let summary = await simulation.summary()
            let totals = kind == .revenue ? summary.revenue : summary.amountDue
            return compare(
                "total \(kind.rawValue)", Money.description(minorUnits: minorUnits, currency),
                Money.description(minorUnits: totals[currency] ?? 0, currency))
        case .digest(let hex):
            return compare("digest", hex, await simulation.digest())
        }
    }

    private func state<T: Sendable>(
        _ company: String, in simulation: Simulation, _ body: @escaping @Sendable (CompanyState) -> T
    ) async throws(BillingError) -> T {
        await (try await simulation.company(company)).read(body)
    }

    private func countEmails(_ filter: EmailFilter, in simulation: Simulation) async throws(BillingError) -> Int {
        var recipient: UserID?
        if let to = filter.to {
            guard let id = await simulation.users.id(forEmail: to) else { return 0 }
            recipient = id
        }
        var companyIndex: Int32?
        if let company = filter.company { companyIndex = try await simulation.company(company).index }
        return await simulation.emails.count { message in
            (recipient.map { $0 == message.recipient } ?? true) && (companyIndex.map { $0 == message.company } ?? true)
                && (filter.invoice.map { $0 == message.number.description } ?? true)
        }
    }

    static func select(_ selector: InvoiceSelector, in invoices: [Invoice]) -> Invoice? {
        switch selector {
        case .position(let n): n <= invoices.count ? invoices[n - 1] : nil
        case .last: invoices.last
        case .number(let number): invoices.first { $0.number?.description == number }
        }
    }

    private static func compare(_ check: InvoiceCheck, _ invoice: Invoice, _ details: CompanyDetails, _ settings: WorldSettings)
        -> [Mismatch]
    {
        let money = { (minor: Int64) in Money(minorUnits: minor, invoice.currency) }
        switch check {
        case .number(let number): return compare("number", number, invoice.number?.description ?? "none")
        case .kind(let kind): return compare("kind", kind.rawValue, invoice.kind.rawValue)
        case .cycle(let cycle): return compare("cycle", cycle.rawValue, invoice.cycle.rawValue)
        case .created(let instant): return compare("created", "\(instant)", "\(invoice.created)")
        case .period(let start, let end):
            return compare("period", "\(start) to \(end)", "\(invoice.periodStart) to \(invoice.periodEnd.lastIncludedDay)")
        case .lines(let count): return compare("lines", "\(count)", "\(invoice.lines.count)")
        case .subtotal(let amount): return compare("subtotal", amount, money(invoice.subtotal))
        case .taxAmount(let amount): return compare("tax", amount, money(invoice.taxAmount))
        case .taxRate(let rate): return compare("tax", "\(rate)", describe(invoice.tax))
        case .reverseCharge: return compare("tax", "reverse-charge", describe(invoice.tax))
        case .noTax: return compare("tax", "none", describe(invoice.tax))
        case .total(let amount): return compare("total", amount, money(invoice.total))
        case .applied(let amount): return compare("applied", amount, money(invoice.balanceApplied))
        case .due(let amount): return compare("due", amount, money(invoice.amountDue))
        case .remaining(let amount): return compare("remaining", amount, money(invoice.balanceRemaining))
        case .name(let name): return compare("name", "\"\(name)\"", "\"\(details.name)\"")
        case .address(let address): return compare("address", "\"\(address)\"", "\"\(details.address)\"")
        case .country(let country): return compare("country", country.rawValue, details.country.rawValue)
        case .vatNumber(let number):
            // Companies keep the normal form: `de 123.456.789` expects `DE123456789`.
            let expected = VATNumber.normalized(number)
            return compare("vat", expected.isEmpty ? "none" : expected, details.vatNumber.isEmpty ? "none" : details.vatNumber)
        case .paymentMethod(let method):
            return compare("payment", "\"\(method)\"", "\"\(details.paymentMethod)\"")
        case .vatInSEK(let amount):
            guard let swedish = invoice.swedishVAT(seller: settings.seller, rates: settings.exchangeRates) else {
                return [Mismatch("vat-sek", expected: "\(amount)", actual: "no Swedish VAT on an invoice in another currency")]
            }
            guard let sek = swedish.sek else {
                return [Mismatch("vat-sek", expected: "\(amount)", actual: "no \(invoice.currency.code) rate on \(invoice.created.date)")]
            }
            return Execution.compare("vat-sek", amount, Money(minorUnits: sek, .sek))
        case .document(let creditNote):
            return compare("document", creditNote ? "credit-note" : "invoice", invoice.isCreditNote ? "credit-note" : "invoice")
        case .credits(let number):
            let credited = invoice.creditedNumbers.map(\.description)
            let found = credited.isEmpty ? "none" : credited.joined(separator: ", ")
            guard let number else { return compare("credits", "none", found) }
            return credited.contains(number) ? [] : [Mismatch("credits", expected: number, actual: found)]
        }
    }

    /// Sorted numbers as runs: `1 to 3, 5, 5, 7 to 9` (a repeat is shown twice), at most
    /// 20 runs and then `…`.
    static func ranges(_ numbers: [Int64]) -> String {
        var runs: [String] = []
        var index = 0
        while index < numbers.count, runs.count < 20 {
            var end = index
            while end + 1 < numbers.count, numbers[end + 1] == numbers[end] + 1 { end += 1 }
            runs.append(end == index ? "\(numbers[index])" : "\(numbers[index]) to \(numbers[end])")
            index = end + 1
        }
        return runs.joined(separator: ", ") + (index < numbers.count ? ", …" : "")
    }

    private static func compare(_ check: LineCheck, _ line: InvoiceLine, number: Int, currency: Currency, _ catalog: Catalog) -> [Mismatch]
    {
        let name = "line \(number)"
        switch check {
        case .description(let text): return compare("\(name) description", "\"\(text)\"", "\"\(line.description(in: catalog))\"")
        case .quantity(let quantity): return compare("\(name) quantity", "\(quantity)", "\(line.quantity)")
        case .unit(let amount): return compare("\(name) unit", amount, Money(minorUnits: line.unitPrice, currency))
        case .amount(let amount): return compare("\(name) amount", amount, Money(minorUnits: line.amount, currency))
        case .period(let start, let end):
            return compare("\(name) period", "\(start) to \(end)", "\(line.periodStart) to \(line.periodEnd.lastIncludedDay)")
        case .credits(let number):
            let credited = line.credits.map { $0.number?.description ?? "a draft" } ?? "none"
            return compare("\(name) credits", number ?? "none", credited)
        }
    }

    /// `25%`, `reverse-charge` or `none`: how a tax treatment is written in scenarios.
    private static func describe(_ tax: TaxTreatment) -> String {
        switch tax {
        case .domestic(let rate), .destination(let rate): "\(rate)"
        case .reverseCharge: "reverse-charge"
        case .outsideScope: "none"
        }
    }

    private static func compare(_ what: String, _ expected: Amount, _ actual: Money) -> [Mismatch] {
        let sameCurrency = expected.currency.map { $0 == actual.currency } ?? true
        guard expected.minorUnits != actual.minorUnits || !sameCurrency else { return [] }
        let shown = expected.currency == nil ? actual.decimalString : "\(actual)"
        return [Mismatch(what, expected: "\(expected)", actual: shown)]
    }

    private func compare(_ what: String, _ expected: String, _ actual: String) -> [Mismatch] {
        Execution.compare(what, expected, actual)
    }

    private static func compare(_ what: String, _ expected: String, _ actual: String) -> [Mismatch] {
        expected == actual ? [] : [Mismatch(what, expected: expected, actual: actual)]
    }
}
