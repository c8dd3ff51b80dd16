internal import BillingCore

// Readers for the values of the language: numbers, amounts, dates, emails, ids.

extension LineReader {
    /// A whole number in `range`.
    mutating func integer(_ what: String, in range: ClosedRange<Int64>) throws(Failure) -> Int64 {
        let start = self
        let text = try word(what)
        guard !text.isEmpty, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else {
            self = start
            throw failure("expected \(what) (a whole number), found '\(text.prefix(40))'")
        }
        guard text.utf8.count <= 19, let value = Int64(text), range.contains(value) else {
            self = start
            throw failure("\(what) must be from \(range.lowerBound) to \(range.upperBound), not \(text.prefix(40))")
        }
        return value
    }

    /// A whole number in `range`, as an `Int`.
    mutating func count(_ what: String, in range: ClosedRange<Int>) throws(Failure) -> Int {
        Int(try integer(what, in: Int64(range.lowerBound)...Int64(range.upperBound)))
    }

    /// An amount with at most two decimals, and its currency if one follows.
    mutating func amount(_ what: String, negativeAllowed: Bool = false) throws(Failure) -> Amount {
        let start = self
        let text = try word(what)
        guard let minor = Money.parseMinorUnits(text), negativeAllowed || minor >= 0 else {
            self = start
            if Money.parseMinorUnits(text) == nil, Money.parseSumMinorUnits(text) != nil {
                throw failure(
                    "\(what) '\(text.prefix(40))' is too large: an amount has at most 13 digits before the point "
                        + "(up to 9999999999999.99); only world totals take more")
            }
            let form = negativeAllowed ? "12.50 or -12.50" : "12.50"
            throw failure("expected \(what) as an amount like \(form), found '\(text.prefix(40))'")
        }
        var currency: Currency?
        if let code = peekWord, let parsed = Currency(rawValue: code) {
            position += 1
            currency = parsed
        }
        return Amount(minorUnits: minor, currency: currency)
    }

    /// An exchange rate: kronor per unit with at most four decimals, above zero and at
    /// most 1,000,000 (`11.2`, `11.2034`), in ten-thousandths.
    mutating func exchangeRate(_ what: String) throws(Failure) -> Int64 {
        let start = self
        let text = try word(what)
        if let rate = ExchangeRates.parseRate(Substring(text)) { return rate }
        self = start
        throw failure("expected \(what) as a rate like 11.20 (at most four decimals, above 0, at most 1000000), found '\(text.prefix(40))'")
    }

    /// A world total: written like an amount but with up to 36 digits before the point,
    /// since a sum over many invoices passes what one amount may hold; and its currency
    /// if one follows.
    mutating func total(_ what: String) throws(Failure) -> (minorUnits: Int128, currency: Currency?) {
        let start = self
        let text = try word(what)
        guard let minor = Money.parseSumMinorUnits(text), minor >= 0 else {
            self = start
            throw failure("expected \(what) as an amount like 12.50, found '\(text.prefix(40))'")
        }
        var currency: Currency?
        if let code = peekWord, let parsed = Currency(rawValue: code) {
            position += 1
            currency = parsed
        }
        return (minor, currency)
    }

    /// A currency code.
    mutating func currency() throws(Failure) -> Currency {
        let codes = Currency.allCases.map(\.code)
        return Currency(rawValue: try choice("a currency", codes)) ?? .usd
    }

    /// One or more `AMOUNT CURRENCY` pairs, each at most `limit` minor units. The limits
    /// keep every invoice amount inside `Int64` whatever the usage: a plan or add-on
    /// costs at most 1,000,000.00 a month, an overage unit at most 10,000.00.
    mutating func prices(_ what: String, limit: Int64 = 100_000_000) throws(Failure) -> PriceList {
        var prices: [Currency: Int64] = [:]
        repeat {
            let start = self
            let amount = try self.amount(what)
            guard amount.minorUnits <= limit else {
                self = start
                let most = Money(minorUnits: limit, .usd).decimalString
                throw failure("\(what) must be at most \(most)")
            }
            guard let currency = amount.currency else {
                throw failure("expected a currency after the amount", hint: "for example 115.00 USD")
            }
            prices[currency] = amount.minorUnits
        } while peekWord.map { Money.parseMinorUnits($0) != nil } ?? false
        return PriceList(prices)
    }

    /// A percentage such as `25%` or `25.5%`.
    mutating func rate(_ what: String) throws(Failure) -> TaxRate {
        let start = self
        let text = try word(what)
        guard text.hasSuffix("%"), let rate = TaxRate(percent: text.dropLast()) else {
            self = start
            throw failure("expected \(what) as a percentage like 25% or 25.5%, found '\(text.prefix(40))'")
        }
        return rate
    }

    /// A whole percentage from 0% to 100%.
    mutating func percent(_ what: String) throws(Failure) -> Int {
        let start = self
        let text = try word(what)
        guard text.hasSuffix("%"), let value = Int(text.dropLast()), (0...100).contains(value) else {
            self = start
            throw failure("expected \(what) as a whole percentage from 0% to 100%, found '\(text.prefix(40))'")
        }
        return value
    }

    /// A two-letter country code.
    mutating func country() throws(Failure) -> Country {
        let start = self
        let text = try word("a country code")
        guard let country = Country(rawValue: text) else {
            self = start
            throw failure("expected a two-letter country code like SE, found '\(text.prefix(40))'")
        }
        guard country.isAssigned else {
            self = start
            throw failure("'\(country)' is not an assigned ISO 3166-1 country code", hint: "use a real country, like SE or US")
        }
        return country
    }

    /// A date `YYYY-MM-DD` that exists.
    mutating func date(_ what: String) throws(Failure) -> CivilDate {
        let start = self
        let text = try word(what)
        guard let date = LineReader.date(text) else {
            self = start
            throw failure(LineReader.dateProblem(text, what: what))
        }
        return date
    }

    /// An instant: `YYYY-MM-DD` (midnight) or `YYYY-MM-DDTHH:MM[:SS]`, UTC.
    mutating func instant(_ what: String) throws(Failure) -> Instant {
        let start = self
        let text = try word(what)
        let parts = text.split(separator: "T", maxSplits: 1, omittingEmptySubsequences: false)
        guard let date = LineReader.date(parts[0]) else {
            self = start
            throw failure(LineReader.dateProblem(parts[0], what: what))
        }
        guard parts.count == 2 else { return Instant(date) }
        let time = parts[1].split(separator: ":", omittingEmptySubsequences: false)
        let numbers = time.map { $0.count == 2 && $0.utf8.allSatisfy { (0x30...0x39).contains($0) } ? Int64($0) : nil }
        guard (2...3).contains(time.count), let hour = numbers[0], let minute = numbers[1],
            hour < 24, minute < 60, (numbers.count == 2 || (numbers[2] ?? 60) < 60)
        else {
            self = start
            throw failure("\(what): '\(parts[1].prefix(20))' is not a time HH:MM or HH:MM:SS")
        }
        let second = numbers.count == 3 ? numbers[2] ?? 0 : 0
        return Instant(date).adding(seconds: hour * 3600 + minute * 60 + second)
    }

    /// A user's email address.
    mutating func email(_ what: String = "an email address") throws(Failure) -> String {
        let start = self
        let text = try word(what)
        guard text.utf8.count <= 254, let normalized = User.normalize(email: text) else {
            self = start
            throw failure("expected \(what), found '\(text.prefix(40))'")
        }
        return normalized
    }

    /// An identifier: a company, plan, add-on or site id.
    mutating func identifier(_ what: String) throws(Failure) -> String {
        let start = self
        let text = try word(what)
        guard text.utf8.count <= 64, !text.contains("@"), !text.hasSuffix("%") else {
            self = start
            throw failure("expected \(what), found '\(text.prefix(40))'")
        }
        return text
    }

    /// A buyer's VAT number as written, a word (`DE123456789`, `DE-123.456.789`) or a
    /// quoted string (`"DE 123 456 789"`); `none` is `""`. Whether it fits the company's
    /// country is checked later, when the country is known (``Checker``, the runtime).
    mutating func vatNumber(_ what: String) throws(Failure) -> String {
        if peek?.kind == .string {
            let start = self
            let text = try string(what)
            guard text.utf8.count <= 64 else {
                self = start
                throw failure("\(what) is longer than 64 bytes")
            }
            return text
        }
        let number = try identifier(what)
        return number == "none" ? "" : number
    }

    /// Site roles name sites separated by commas: `shop,blog`.
    mutating func siteList() throws(Failure) -> [SiteID] {
        let start = self
        let text = try word("a site or a list of sites like shop,blog")
        let sites = text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard !sites.contains(where: \.isEmpty) else {
            self = start
            throw failure("a list of sites is written without spaces, like shop,blog")
        }
        return sites
    }

    private static func date(_ text: some StringProtocol) -> CivilDate? {
        CivilDate(parsing: text)
    }

    private static func dateProblem(_ text: some StringProtocol, what: String) -> String {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.utf8.allSatisfy { (0x30...0x39).contains($0) } })
        {
            return "\(text) is not a date that exists"
        }
        return "expected \(what) as a date YYYY-MM-DD, found '\(text.prefix(40))'"
    }
}
