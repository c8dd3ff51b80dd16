internal import BillingCore

// Expectations: `expect …`.

extension Parser {
    static func expectation(_ reader: inout LineReader) throws(LineReader.Failure) -> Expectation {
        guard let first = reader.peekWord else { throw reader.failure("expected what to expect") }
        switch first {
        case "no":
            _ = try reader.word("'no'")
            _ = try reader.choice("'email'", ["email", "emails"])
            return .emails(try emailFilter(&reader), count: 0)
        case "emails", "email":
            _ = try reader.word("'emails'")
            let filter = try emailFilter(&reader)
            try reader.expect("count")
            return .emails(filter, count: try reader.count("the number of emails", in: 0...Int(Int32.max)))
        case "total":
            _ = try reader.word("'total'")
            let names = TotalCount.allCases.map(\.rawValue) + TotalMoney.allCases.map(\.rawValue)
            let name = try reader.choice("what to total", names)
            if let kind = TotalCount(rawValue: name) {
                return .totalCount(kind, try reader.count("the expected \(name)", in: 0...Int(Int64.max)))
            }
            let total = try reader.total("the expected \(name)")
            guard let currency = total.currency else {
                throw reader.failure("a total of money needs its currency", hint: "for example 1234.00 USD")
            }
            return .totalMoney(TotalMoney(rawValue: name) ?? .revenue, minorUnits: total.minorUnits, currency)
        case "series":
            _ = try reader.word("'series'")
            let prefix = try reader.identifier("the series' prefix, for example ACME")
            try reader.expect("gapless")
            try reader.expect("from")
            let from = try reader.integer("the first number", in: 1...Int64.max)
            try reader.expect("to")
            return .series(prefix: prefix, from: from, to: try reader.integer("the last number", in: from...Int64.max))
        case "digest":
            _ = try reader.word("'digest'")
            let hex = try reader.word("the digest (64 hex digits)").lowercased()
            guard hex.utf8.count == 64, hex.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else {
                throw LineReader.Failure(column: reader.tokens[reader.position - 1].column, message: "a digest is 64 hex digits")
            }
            return .digest(hex)
        default:
            if first.contains("@") { return try userExpectation(&reader) }
            return try companyExpectation(&reader)
        }
    }

    private static func userExpectation(_ reader: inout LineReader) throws(LineReader.Failure) -> Expectation {
        let email = try reader.email()
        switch try reader.choice("'can', 'cannot', 'role' or 'invoice'", ["can", "cannot", "role", "invoice"]) {
        case "can": return .can(email: email, try action(&reader))
        case "cannot":
            let action = try action(&reader)
            let saying = reader.accept("saying") ? try reader.string("the text the error must contain") : nil
            return .cannot(email: email, action, saying: saying)
        case "invoice":
            try reader.expect("email")
            return .invoiceEmail(email: email, on: try reader.choice("'on' or 'off'", ["on", "off"]) == "on")
        default:
            try reader.expect("in")
            let company = try reader.identifier("a company id")
            if reader.accept("none") { return .role(email: email, company: company, nil) }
            return .role(email: email, company: company, try role(&reader))
        }
    }

    private static func companyExpectation(_ reader: inout LineReader) throws(LineReader.Failure) -> Expectation {
        let company = try reader.identifier("a company id, or one of: emails, no, total, digest, or a user's email")
        switch try reader.choice("what to expect of the company", ["invoices", "invoice", "balance", "plan", "owner", "invitation"]) {
        case "invoices": return .invoiceCount(company: company, try reader.count("the number of invoices", in: 0...Int(Int32.max)))
        case "balance": return .balance(company: company, try reader.amount("the balance"))
        case "plan":
            let plan = try reader.identifier("a plan id")
            let cycle = reader.optionalChoice(["monthly", "annual"]).flatMap(BillingCycle.init(rawValue:))
            return .plan(company: company, plan, cycle)
        case "owner": return .owner(company: company, email: try reader.email())
        case "invitation":
            let email = try reader.email()
            let status = try reader.choice("an invitation status", ["pending", "accepted", "revoked", "expired", "none"])
            return .invitation(company: company, email: email, status: status)
        default:
            let selector = try invoiceSelector(&reader)
            var checks: [InvoiceCheck] = []
            while !reader.atEnd {
                if reader.accept("line") {
                    let line = try reader.count("the line number", in: 1...1_000_000)
                    guard checks.isEmpty else {
                        throw reader.failure("write line checks in their own expectation, without invoice fields")
                    }
                    return .line(company: company, selector, line: line, try lineChecks(&reader))
                }
                checks.append(try invoiceCheck(&reader))
            }
            guard !checks.isEmpty else { throw reader.failure("say which fields to check", hint: "for example 'total 143.75'") }
            return .invoice(company: company, selector, checks)
        }
    }

    private static func invoiceSelector(_ reader: inout LineReader) throws(LineReader.Failure) -> InvoiceSelector {
        if reader.accept("last") { return .last }
        if let word = reader.peekWord, word.utf8.allSatisfy({ (0x30...0x39).contains($0) }) {
            return .position(try reader.count("the invoice's position", in: 1...Int(Int32.max)))
        }
        return .number(try reader.identifier("an invoice: its position (1 is the first), 'last' or its number"))
    }

    private static let invoiceFields = [
        "number", "kind", "cycle", "created", "period", "lines", "subtotal", "tax", "total", "applied", "due", "remaining",
        "name", "address", "country", "vat", "vat-sek", "payment", "document", "credits",
    ]

    private static func invoiceCheck(_ reader: inout LineReader) throws(LineReader.Failure) -> InvoiceCheck {
        switch try reader.choice("an invoice field", invoiceFields + ["line"]) {
        case "number": return .number(try reader.identifier("the invoice number"))
        case "kind":
            let kind = try reader.choice("an invoice kind", Invoice.Kind.allCases.map(\.rawValue))
            return .kind(Invoice.Kind(rawValue: kind) ?? .plan)
        case "cycle": return .cycle(BillingCycle(rawValue: try reader.choice("a cycle", ["monthly", "annual"])) ?? .monthly)
        case "created": return .created(try reader.instant("the creation instant"))
        case "period":
            let start = try reader.instant("the period's start")
            try reader.expect("to")
            return .period(start, try reader.date("the period's last day"))
        case "lines": return .lines(try reader.count("the number of lines", in: 0...1_000_000))
        case "subtotal": return .subtotal(try reader.amount("the subtotal", negativeAllowed: true))
        case "tax":
            if reader.accept("reverse-charge") { return .reverseCharge }
            if reader.accept("none") { return .noTax }
            if reader.peekWord?.hasSuffix("%") == true { return .taxRate(try reader.rate("the VAT rate")) }
            return .taxAmount(try reader.amount("the tax", negativeAllowed: true))
        case "total": return .total(try reader.amount("the total", negativeAllowed: true))
        case "applied": return .applied(try reader.amount("the balance applied"))
        case "due": return .due(try reader.amount("the amount due"))
        case "remaining": return .remaining(try reader.amount("the balance remaining"))
        case "name": return .name(try reader.string("the company's name on the invoice"))
        case "address": return .address(try reader.string("the company's address on the invoice"))
        case "country": return .country(try reader.country())
        case "payment": return .paymentMethod(try reader.string("the payment method on the invoice"))
        case "vat-sek": return .vatInSEK(try reader.amount("the Swedish VAT in SEK"))
        case "document": return .document(creditNote: try reader.choice("a document", ["invoice", "credit-note"]) == "credit-note")
        case "credits":
            let number = try reader.identifier("the number of an invoice it credits, or 'none'")
            return .credits(number == "none" ? nil : number)
        default: return .vatNumber(try reader.vatNumber("the VAT number on the invoice, or 'none'"))
        }
    }

    private static func lineChecks(_ reader: inout LineReader) throws(LineReader.Failure) -> [LineCheck] {
        var checks: [LineCheck] = []
        while !reader.atEnd {
            switch try reader.choice("a line field", ["description", "quantity", "unit", "amount", "period", "credits"]) {
            case "description": checks.append(.description(try reader.string("the description")))
            case "quantity": checks.append(.quantity(try reader.integer("the quantity", in: 0...Int64.max)))
            case "unit": checks.append(.unit(try reader.amount("the unit price", negativeAllowed: true)))
            case "amount": checks.append(.amount(try reader.amount("the amount", negativeAllowed: true)))
            case "credits":
                let number = try reader.identifier("the number of the invoice it credits, or 'none'")
                checks.append(.credits(number == "none" ? nil : number))
            default:
                let start = try reader.instant("the period's start")
                try reader.expect("to")
                checks.append(.period(start, try reader.date("the period's last day")))
            }
        }
        guard !checks.isEmpty else { throw reader.failure("say which line fields to check", hint: "for example 'amount 31.00'") }
        return checks
    }

    private static func emailFilter(_ reader: inout LineReader) throws(LineReader.Failure) -> EmailFilter {
        var filter = EmailFilter()
        while let word = reader.peekWord, ["to", "for", "invoice"].contains(word) {
            _ = try reader.word("a filter")
            switch word {
            case "to": filter.to = try reader.email("the recipient")
            case "for": filter.company = try reader.identifier("a company id")
            default: filter.invoice = try reader.identifier("an invoice number")
            }
        }
        return filter
    }
}
