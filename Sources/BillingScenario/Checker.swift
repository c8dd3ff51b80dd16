internal import BillingCore
internal import BillingRuntime

/// Checks a parsed scenario before it runs: the world comes first, every company and
/// user is introduced before use, plans and add-ons exist, time never goes back. Each
/// problem is a diagnostic with a hint where one helps.
struct Checker {
    private var diagnostics: [Diagnostic] = []
    private var worldStartedAt: SourceLocation?
    private var plans = Set(Catalog.standard.planIDs)
    private var addOns = Set(Catalog.standard.addOnIDs)
    private var catalog = Catalog.standard
    private var currencies: [String: Currency] = [:]
    private var companies: [String: SourceLocation] = [:]
    private var companyCount = 0
    private var generated: [Range<Int>] = []
    private var users: Set<String> = []
    private var generatedUsers = false
    private var start = Scenario.defaultStart
    private var startStatement: Statement?
    private var seller = Seller.standard
    private var taxes = TaxTable.standardEU
    private var now = Scenario.defaultStart
    private var restored = false
    /// The country (when known) and VAT number of each scripted company, as the
    /// statements so far leave them: what a VAT number is checked against.
    private var buyers: [String: (country: Country?, vatNumber: String)] = [:]

    /// Names that read as keywords after `expect`, so they cannot be company ids.
    static let reservedIDs: Set<String> = ["no", "emails", "email", "total", "digest"]

    /// Every problem in `scenario`, in line order.
    static func check(_ scenario: Scenario) -> [Diagnostic] {
        var checker = Checker()
        for statement in scenario.statements { checker.check(statement) }
        if checker.worldStartedAt == nil, let start = checker.startStatement { checker.checkTaxes(startingAt: start) }
        return checker.diagnostics
    }

    private mutating func check(_ statement: Statement) {
        if statement.isWorld {
            if let started = worldStartedAt {
                report(
                    statement, "world statements come first, but the world started at line \(started.line)",
                    hint: "move this line above line \(started.line) of \(started.file)")
            }
        } else if worldStartedAt == nil {
            worldStartedAt = statement.location
            now = start
            // A world restored from a file brings its own start and tax table.
            if case .restoreSnapshot = statement.kind {} else { checkTaxes(startingAt: statement) }
        }
        switch statement.kind {
        case .start(let instant):
            start = instant
            startStatement = statement
            now = instant
        case .catalogEmpty:
            plans = []
            addOns = []
            catalog = Catalog(plans: [], addOns: [], overage: catalog.overage)
        case .plan(let plan):
            plans.insert(plan.id)
            catalog.plans[plan.id] = plan
        case .addOn(let addOn):
            addOns.insert(addOn.id)
            catalog.addOns[addOn.id] = addOn
        case .seller(let given): seller = given
        case .vat(let country, let rate, let date): taxes.set(rate, for: country, from: date)
        case .seed, .numbering, .overage, .exchange: break
        case .user(let email, _):
            checkNotGenerated(email: email, statement)
            users.insert(email)
        case .company(let spec, let owner, let inSellerCountry):
            if let previous = companies[spec.id] {
                report(statement, "company \(spec.id) is already introduced at line \(previous.line)", at: spec.id)
            } else if Checker.reservedIDs.contains(spec.id) {
                report(statement, "'\(spec.id)' is a keyword and cannot be a company id", at: spec.id)
            } else if isGeneratedForm(company: spec.id) {
                report(statement, "ids like \(spec.id) are kept for generated companies", at: spec.id, hint: "pick another id")
            }
            if spec.details.name.allSatisfy(\.isWhitespace) {
                report(statement, "company \(spec.id) needs a name", at: spec.details.name, hint: "write its name in the quotes")
            }
            // After a restore the seller, and so a company's default country, is the file's.
            let country = inSellerCountry ? (restored ? nil : seller.country) : spec.details.country
            buyers[spec.id] = (country, spec.details.vatNumber)
            if let country { checkVATNumber(spec.details.vatNumber, of: spec.id, in: country, changedCountry: false, statement) }
            companies[spec.id] = statement.location
            currencies[spec.id] = spec.currency
            companyCount += 1
            checkPlan(spec.plan, statement)
            checkSold(plan: spec.plan, cycle: spec.cycle, in: spec.currency, statement)
            checkNotGenerated(email: owner, statement)
            users.insert(owner)
        case .generate(let spec):
            generated.append(companyCount..<(companyCount + spec.companies))
            companyCount += spec.companies
            generatedUsers = true
        case .action(let action, let user):
            check(action, by: user, statement)
        case .usage(let company, _, _, _):
            checkCompany(company, statement)
        case .credit(let company, let amount):
            checkCompany(company, statement)
            if amount.minorUnits <= 0 { report(statement, "a credit must be positive (\(amount))") }
            if let given = amount.currency, !restored, let billed = currencies[company], given != billed {
                report(statement, "company \(company) is billed in \(billed.code), not \(given.code)", at: given.code)
            }
        case .advance(let duration):
            now = duration.after(now)
            checkHorizon(statement)
        case .advanceTo(let target):
            checkForward(to: target, statement)
            now = target
            checkHorizon(statement)
        case .on(let instant, let inner):
            checkForward(to: instant, statement)
            now = instant
            checkHorizon(statement)
            check(inner)
        case .expect(let expectation):
            check(expectation, statement)
        case .saveSnapshot: break
        case .restoreSnapshot:
            // The file's world is unknown until it is read: from here on, companies,
            // users and time are checked when the scenario runs.
            restored = true
            buyers = [:]
        }
    }

    private mutating func check(_ action: Action, by user: String?, _ statement: Statement) {
        if let user {
            checkUser(user, statement)
        } else if action.needsUser {
            report(statement, "this action is done by a user: start the line with 'as EMAIL:'")
        }
        if let company = action.company { checkCompany(company, statement) }
        guard case .command(let command, let company) = action else {
            for email in action.namedUsers { checkUser(email, statement) }
            return
        }
        if case .editDetails(_, _, let country, let vat) = command, country != nil || vat != nil,
            var buyer = buyers[company]
        {
            buyer.country = country ?? buyer.country
            buyer.vatNumber = vat ?? buyer.vatNumber
            // A refused edit changes nothing, so later lines are checked against the old details.
            let fits = buyer.country.map {
                checkVATNumber(buyer.vatNumber, of: company, in: $0, changedCountry: vat == nil, statement)
            }
            if fits ?? true { buyers[company] = buyer }
        }
        switch command {
        case .invite(let email, _):
            checkNotGenerated(email: email, statement)
            users.insert(email)
        default:
            for email in action.namedUsers { checkUser(email, statement) }
        }
        switch command {
        case .changePlan(let plan, let cycle):
            checkPlan(plan, statement)
            if let cycle, !restored, let currency = currencies[company] { checkSold(plan: plan, cycle: cycle, in: currency, statement) }
        case .addAddOn(let addOn, let site):
            checkAddOn(addOn, statement)
            checkAddOnScope(addOn, site: site, statement)
            if !restored, let currency = currencies[company], let item = catalog.addOns[addOn], item.monthly.minorUnits[currency] == nil {
                report(statement, "add-on '\(addOn)' is not sold in \(currency.code)", at: addOn)
            }
        case .removeAddOn(let addOn, let site):
            checkAddOn(addOn, statement)
            checkAddOnScope(addOn, site: site, statement)
        case .editDetails(let name?, _, _, _) where name.allSatisfy(\.isWhitespace):
            report(statement, "the company name cannot be empty", at: name)
        default: break
        }
    }

    /// What the runtime refuses when a company is created or changes plan: a plan with
    /// no price in the company's currency for its cycle.
    private mutating func checkSold(plan: PlanID, cycle: BillingCycle, in currency: Currency, _ statement: Statement) {
        guard let item = catalog.plans[plan], item.price(cycle, in: currency) == nil else { return }
        report(
            statement, "plan '\(plan)' is not sold in \(currency.code) \(cycle == .annual ? "annually" : "monthly")", at: plan,
            after: ["plan", "to"])
    }

    /// An add-on sold per site needs `site S`; one sold per company must not have one.
    private mutating func checkAddOnScope(_ addOn: AddOnID, site: SiteID?, _ statement: Statement) {
        guard let item = catalog.addOns[addOn], (item.scope == .site) != (site != nil) else { return }
        report(
            statement,
            item.scope == .site
                ? "add-on '\(addOn)' is sold per site: name one with 'site S'" : "add-on '\(addOn)' is sold per company: no site",
            at: addOn)
    }

    private mutating func check(_ expectation: Expectation, _ statement: Statement) {
        switch expectation {
        case .invoiceCount(let company, _), .invoice(let company, _, _), .line(let company, _, _, _),
            .balance(let company, _):
            checkCompany(company, statement)
        case .plan(let company, let plan, _):
            checkCompany(company, statement)
            checkPlan(plan, statement)
        case .owner(let company, let email), .role(let email, let company, _), .invitation(let company, let email, _):
            checkCompany(company, statement)
            checkUser(email, statement)
        case .can(let email, let action), .cannot(let email, let action, _):
            checkUser(email, statement)
            if let company = action.company { checkCompany(company, statement) }
            for named in action.namedUsers where !isInvite(action) { checkUser(named, statement) }
            if case .command(.changePlan(let plan, _), _) = action { checkPlan(plan, statement) }
        case .emails(let filter, _):
            if let to = filter.to { checkUser(to, statement) }
            if let company = filter.company { checkCompany(company, statement) }
        case .invoiceEmail(let email, _): checkUser(email, statement)
        case .totalCount, .totalMoney, .digest, .series: break
        }
    }

    private func isInvite(_ action: Action) -> Bool {
        if case .command(.invite, _) = action { return true }
        return false
    }

    // MARK: References

    private mutating func checkCompany(_ id: String, _ statement: Statement) {
        guard !restored, companies[id] == nil, !isGenerated(company: id) else { return }
        let hint = Suggestion.hint(for: id, in: companies.keys.sorted())
        report(
            statement, "no company '\(id)' has been introduced", at: id,
            after: ["of", "to", "from", "in", "company", "expect", "usage", "credit", "for"],
            hint: hint ?? "introduce it with 'company \(id) \"Name\" owner … plan …'")
    }

    private mutating func checkUser(_ email: String, _ statement: Statement) {
        guard !restored, !users.contains(email), !(generatedUsers && isGeneratedForm(email: email)) else { return }
        let hint = Suggestion.hint(for: email, in: users.sorted())
        report(
            statement, "no user \(email) has been introduced", at: email, hint: hint ?? "introduce it with 'user \(email)' or an invitation"
        )
    }

    private mutating func checkNotGenerated(email: String, _ statement: Statement) {
        if isGeneratedForm(email: email) {
            report(statement, "addresses like \(email) are kept for generated users", at: email, hint: "pick another address")
        }
    }

    /// What the runtime refuses when a company is created or its details edited: a VAT
    /// number that does not fit its country. Reported at the number, or at the new
    /// country when only the country changed (`changedCountry`). True when it fits.
    @discardableResult
    private mutating func checkVATNumber(
        _ number: String, of company: String, in country: Country, changedCountry: Bool, _ statement: Statement
    ) -> Bool {
        do throws(BillingError) {
            _ = try CompanyDetails(name: company, address: "", country: country, vatNumber: number).validated()
            return true
        } catch {
            if changedCountry {
                report(
                    statement, "\(error)", at: country.rawValue, after: ["country"],
                    hint: "company \(company) keeps its VAT number when only its country changes: add 'vat NUMBER' or 'vat none'")
            } else {
                report(statement, "\(error)", at: number, after: ["vat"])
            }
            return false
        }
    }

    private mutating func checkPlan(_ plan: PlanID, _ statement: Statement) {
        guard !plans.contains(plan) else { return }
        report(
            statement, "the catalog has no plan '\(plan)'", at: plan, after: ["plan", "to"],
            hint: Suggestion.hint(for: plan, in: plans.sorted()) ?? "plans: \(plans.sorted().joined(separator: ", "))")
    }

    private mutating func checkAddOn(_ addOn: AddOnID, _ statement: Statement) {
        guard !addOns.contains(addOn) else { return }
        report(
            statement, "the catalog has no add-on '\(addOn)'", at: addOn, after: ["addon"],
            hint: Suggestion.hint(for: addOn, in: addOns.sorted()) ?? "add-ons: \(addOns.sorted().joined(separator: ", "))")
    }

    private func isGenerated(company id: String) -> Bool {
        guard isGeneratedForm(company: id), let index = Int(id.dropFirst()) else { return false }
        let digits = String(index)
        let canonical = "c" + String(repeating: "0", count: max(0, 7 - digits.count)) + digits
        return id == canonical && generated.contains { $0.contains(index) }
    }

    private func isGeneratedForm(company id: String) -> Bool {
        id.first == "c" && id.utf8.count >= 8 && id.utf8.dropFirst().allSatisfy { (0x30...0x39).contains($0) }
    }

    private func isGeneratedForm(email: String) -> Bool {
        guard email.hasPrefix("u"), email.hasSuffix("@bs.io") else { return false }
        let digits = email.utf8.dropFirst().dropLast(6)
        return !digits.isEmpty && digits.allSatisfy { (0x30...0x39).contains($0) }
    }

    // MARK: Time

    /// What the runtime refuses when it creates the world: a start before the VAT table's
    /// first date. Reported at the `start` line's date, once the `seller` and `vat` lines
    /// that may follow it are known (else at `statement`, the one that starts the world).
    private mutating func checkTaxes(startingAt statement: Statement) {
        let settings = WorldSettings(seller: seller, taxes: taxes)
        do throws(TaxTableGap) {
            try settings.checkTaxes(from: start.date)
        } catch {
            let culprit = startStatement ?? statement
            var location = culprit.location
            if startStatement != nil, let column = Checker.column(after: "start", in: culprit.text, from: location.column) {
                location.column = column
            }
            diagnostics.append(Diagnostic(at: location, "\(error)", sourceLine: culprit.text))
        }
    }

    private mutating func checkForward(to target: Instant, _ statement: Statement) {
        if !restored, target < now {
            report(statement, "\(target) is before the scenario's time then, \(now): time never goes back")
        }
    }

    private mutating func checkHorizon(_ statement: Statement) {
        let limit = SimulatedDuration.years(100).after(start)
        if now > limit { report(statement, "a scenario simulates at most 100 years, to \(limit.date)") }
    }

    /// Reports a problem at the statement, or at `word` in its line when the word is found
    /// there (any case: emails are compared lower-cased), preferring an occurrence right
    /// after one of the keywords `after` (a plan may share its id with a company).
    private mutating func report(
        _ statement: Statement, _ message: String, at word: String? = nil, after keywords: [String] = [], hint: String? = nil
    ) {
        var location = statement.location
        if let word, let column = Checker.column(of: word, in: statement.text, from: location.column, after: keywords) {
            location.column = column
        }
        diagnostics.append(Diagnostic(at: location, message, hint: hint, sourceLine: statement.text))
    }

    /// The column of the token right after the first `keyword` of `line` at or after `start`.
    static func column(after keyword: String, in line: String, from start: Int) -> Int? {
        guard let tokens = try? Lexer.tokens(of: line),
            let index = tokens.indices.first(where: { tokens[$0].column >= start && tokens[$0].text == keyword }),
            index + 1 < tokens.count
        else { return nil }
        return tokens[index + 1].column
    }

    /// The column of the token of `line` at or after `start` that reads `word`: the first
    /// one following one of `keywords`, else the first one.
    static func column(of word: String, in line: String, from start: Int, after keywords: [String]) -> Int? {
        guard let tokens = try? Lexer.tokens(of: line) else { return nil }
        let wanted = word.lowercased()
        let matches = tokens.indices.filter { tokens[$0].column >= start && tokens[$0].text.lowercased() == wanted }
        let preferred = matches.first { $0 > 0 && tokens[$0 - 1].kind == .word && keywords.contains(tokens[$0 - 1].text) }
        return (preferred ?? matches.first).map { tokens[$0].column }
    }
}
