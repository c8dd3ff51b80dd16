internal import BillingCore
internal import BillingRuntime

/// Turns the lines of one file into statements, or diagnostics. Never traps, whatever
/// the text. `include` lines are returned as paths for ``ScenarioLoader`` to resolve.
enum Parser {
    /// One parsed line.
    enum Line {
        /// A statement.
        case statement(Statement)
        /// `include "path"`, with the location of the path.
        case include(String, SourceLocation)
    }

    /// Every statement keyword, for hints.
    static let keywords =
        [
            "seed", "start", "seller", "numbering", "catalog", "plan", "addon", "overage", "vat", "user", "company",
            "generate", "as", "on", "advance", "usage", "credit", "expect", "include", "save", "restore",
        ] + actionKeywords

    /// Parses one line; `nil` for a blank line or a comment.
    static func parse(line text: String, file: String, number: Int) -> Result<Line, Diagnostic>? {
        let tokens: [Token]
        do {
            tokens = try Lexer.tokens(of: text)
        } catch {
            return .failure(Diagnostic(at: SourceLocation(file: file, line: number, column: error.column), error.message, sourceLine: text))
        }
        guard let first = tokens.first else { return nil }
        var reader = LineReader(tokens, endColumn: text.count + 1)
        let location = SourceLocation(file: file, line: number, column: first.column)
        do {
            if reader.accept("include") {
                let column = reader.column
                let path = try reader.string("the path of the file to include")
                try reader.finish()
                return .success(.include(path, SourceLocation(file: file, line: number, column: column)))
            }
            let kind = try statement(&reader, nested: false, at: location, text: text)
            try reader.finish()
            return .success(.statement(Statement(kind, at: location, text: text)))
        } catch {
            let at = SourceLocation(file: file, line: number, column: error.column)
            return .failure(Diagnostic(at: at, error.message, hint: error.hint, sourceLine: text))
        }
    }

    /// Reads one statement from the reader's position.
    static func statement(
        _ reader: inout LineReader, nested: Bool, at location: SourceLocation, text: String
    ) throws(LineReader.Failure) -> Statement.Kind {
        guard let keyword = reader.peekWord else {
            throw reader.failure("expected a statement, found \(reader.peek.map(LineReader.describe) ?? "nothing")")
        }
        if nested, keyword == "on" || keyword == "include" || worldKeywords.contains(keyword) {
            throw reader.failure("'\(keyword)' cannot follow 'on …:'")
        }
        if actionKeywords.contains(keyword) { return .action(try action(&reader), user: nil) }
        if worldKeywords.contains(keyword) { return try world(&reader) }
        _ = try reader.word("a statement")
        switch keyword {
        case "user":
            let email = try reader.email()
            let name = try reader.optionalString("the user's name") ?? ""
            return .user(email: email, name: name)
        case "company": return try company(&reader)
        case "generate": return .generate(try population(&reader))
        case "as":
            let email = try reader.email("the email of the user who acts")
            try reader.colon(after: "the user")
            return .action(try action(&reader), user: email)
        case "on":
            let instant = try reader.instant("the instant")
            try reader.colon(after: "the instant")
            var inner = location
            inner.column = reader.column
            let kind = try statement(&reader, nested: true, at: inner, text: text)
            return .on(instant, Statement(kind, at: inner, text: text))
        case "advance": return try advance(&reader)
        case "usage":
            let company = try reader.identifier("a company id")
            let site = reader.accept("site") ? try reader.identifier("a site id") : nil
            let metric = Metric(rawValue: try reader.choice("a metric", Metric.allCases.map(\.rawValue))) ?? .visits
            let amount = try reader.integer("the usage", in: 0...1_000_000_000_000)
            return .usage(company: company, site: site, metric, amount)
        case "credit":
            let company = try reader.identifier("a company id")
            return .credit(company: company, try reader.amount("the credit"))
        case "expect": return .expect(try expectation(&reader))
        case "save", "restore":
            try reader.expect("snapshot")
            let written = try reader.string("the snapshot file's path")
            let folder = location.file.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
            let path = written.hasPrefix("/") || folder.isEmpty ? written : folder + "/" + written
            return keyword == "save" ? .saveSnapshot(path) : .restoreSnapshot(path)
        default:
            throw LineReader.Failure(
                column: reader.tokens[reader.position - 1].column, message: "unknown statement '\(keyword.prefix(40))'",
                hint: Suggestion.hint(for: keyword, in: keywords))
        }
    }

    private static func company(_ reader: inout LineReader) throws(LineReader.Failure) -> Statement.Kind {
        let id = try reader.identifier("the company's id")
        let name = try reader.string("the company's name")
        var owner: String?
        var details = CompanyDetails(name: name, address: "", country: .sweden)
        var countryGiven = false
        var currency = Currency.usd
        var plan: PlanID?
        var cycle = BillingCycle.monthly
        var anchor = AnchorMode.anniversary
        var prefix: String?
        let options = ["owner", "address", "country", "vat", "currency", "plan", "monthly", "annual", "anchor", "payment", "prefix"]
        while !reader.atEnd {
            switch try reader.choice("a company option", options) {
            case "owner": owner = try reader.email("the owner's email")
            case "address": details.address = try reader.string("the address")
            case "country":
                details.country = try reader.country()
                countryGiven = true
            case "vat": details.vatNumber = try reader.vatNumber("the VAT number, or 'none'")
            case "currency": currency = try reader.currency()
            case "plan": plan = try reader.identifier("a plan id")
            case "monthly": cycle = .monthly
            case "annual": cycle = .annual
            case "anchor":
                anchor = AnchorMode(rawValue: try reader.choice("an anchor", ["anniversary", "calendar-month"])) ?? .anniversary
            case "payment": details.paymentMethod = try reader.string("the payment method")
            default: prefix = try reader.identifier("the invoice number prefix")
            }
        }
        guard let owner else { throw reader.failure("a company needs an owner", hint: "add 'owner anna@example.com'") }
        guard let plan else { throw reader.failure("a company needs a plan", hint: "add 'plan business'") }
        let spec = CompanySpec(
            id: id, details: details, currency: currency, plan: plan, cycle: cycle, anchorMode: anchor, numberPrefix: prefix)
        return .company(spec, owner: owner, inSellerCountry: !countryGiven)
    }

    private static func population(_ reader: inout LineReader) throws(LineReader.Failure) -> PopulationSpec {
        let companies = try reader.count("the number of companies", in: 1...2_000_000)
        _ = try reader.choice("'companies'", ["companies", "company"])
        var spec = PopulationSpec(companies: companies)
        let options = ["annual", "opt-in", "partners", "partner-share", "addons", "max-users"]
        while !reader.atEnd {
            switch try reader.choice("a population option", options) {
            case "annual": spec.annualPercent = try reader.percent("the annual share")
            case "opt-in": spec.optInPercent = try reader.percent("the opt-in share")
            case "partners": spec.partners = try reader.count("the number of partners", in: 1...100_000)
            case "partner-share": spec.partnerPercent = try reader.percent("the partner share")
            case "addons": spec.addOnPercent = try reader.percent("the add-on share")
            default: spec.maxUsers = try reader.count("the most users per company", in: 1...8)
            }
        }
        return spec
    }

    private static func advance(_ reader: inout LineReader) throws(LineReader.Failure) -> Statement.Kind {
        if reader.accept("to") { return .advanceTo(try reader.instant("the instant to advance to")) }
        let column = reader.column
        let amount = try reader.count("how far to advance", in: 0...36_600)
        let unit = try reader.choice("a unit", ["day", "days", "month", "months", "year", "years"])
        let limit = unit.hasPrefix("day") ? 36_600 : unit.hasPrefix("month") ? 1_200 : 100
        guard amount <= limit else {
            throw LineReader.Failure(column: column, message: "a scenario simulates at most 100 years; \(amount) \(unit) is more")
        }
        switch unit {
        case "day", "days": return .advance(.days(amount))
        case "month", "months": return .advance(.months(amount))
        default: return .advance(.years(amount))
        }
    }
}
