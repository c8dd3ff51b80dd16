internal import BillingCore

// The world statements: seed, start, seller, numbering, catalog, VAT, exchange rates.

extension Parser {
    static let worldKeywords: Set<String> = [
        "seed", "start", "seller", "numbering", "catalog", "plan", "addon", "overage", "vat", "exchange",
    ]

    static func world(_ reader: inout LineReader) throws(LineReader.Failure) -> Statement.Kind {
        switch try reader.word("a statement") {
        case "seed": return .seed(UInt64(try reader.integer("the seed", in: 0...Int64.max)))
        case "start": return .start(try reader.instant("the start"))
        case "seller": return .seller(try seller(&reader))
        case "numbering":
            let scheme = try reader.choice("a numbering scheme", NumberingScheme.allCases.map(\.rawValue))
            return .numbering(NumberingScheme(rawValue: scheme) ?? .perCompany)
        case "catalog":
            try reader.expect("empty")
            return .catalogEmpty
        case "plan":
            let id = try reader.identifier("the plan's id")
            let name = try reader.string("the plan's name")
            var monthly: PriceList?
            var annual: PriceList?
            var visits: Int64 = 0
            var disk: Int64 = 0
            var cdn: Int64 = 0
            while !reader.atEnd {
                switch try reader.choice("a plan field", ["monthly", "annual", "visits", "disk", "cdn"]) {
                case "monthly": monthly = try reader.prices("the monthly price")
                case "annual": annual = try reader.prices("the annual price")
                case "visits": visits = try reader.integer("the visits included", in: 0...1_000_000_000_000)
                case "disk": disk = try reader.integer("the disk GB included", in: 0...1_000_000_000_000)
                default: cdn = try reader.integer("the CDN GB included", in: 0...1_000_000_000_000)
                }
            }
            guard let monthly else { throw reader.failure("a plan needs a monthly price", hint: "add 'monthly 115.00 USD'") }
            return .plan(Plan(id: id, name: name, monthly: monthly, annual: annual, visits: visits, diskGB: disk, cdnGB: cdn))
        case "addon":
            let id = try reader.identifier("the add-on's id")
            let name = try reader.string("the add-on's name")
            try reader.expect("monthly")
            let prices = try reader.prices("the monthly price")
            try reader.expect("per")
            let scope = AddOn.Scope(rawValue: try reader.choice("'site' or 'company'", ["site", "company"])) ?? .site
            var disk: Int64 = 0
            if !reader.atEnd {
                try reader.expect("disk")
                disk = try reader.integer("the disk GB it adds", in: 0...1_000_000_000_000)
            }
            return .addOn(AddOn(id: id, name: name, monthly: prices, scope: scope, diskGB: disk))
        case "overage":
            let metric = Metric(rawValue: try reader.choice("a metric", Metric.allCases.map(\.rawValue))) ?? .visits
            return .overage(metric, try reader.prices("the price", limit: 1_000_000))
        case "exchange":
            let currency = try reader.choice("a currency", Currency.allCases.map(\.code).filter { $0 != "SEK" })
            try reader.expect("SEK")
            let rate = try reader.exchangeRate("the kronor per unit")
            try reader.expect("from")
            return .exchange(Currency(rawValue: currency) ?? .eur, sekPerUnit: rate, try reader.date("the date it takes effect"))
        default:
            let country = try reader.country()
            let rate = try reader.rate("the VAT rate")
            try reader.expect("from")
            return .vat(country, rate, try reader.date("the date it takes effect"))
        }
    }

    private static func seller(_ reader: inout LineReader) throws(LineReader.Failure) -> Seller {
        var seller = Seller.standard
        seller.name = try reader.string("the seller's name")
        seller.address = ""
        seller.vatNumber = ""
        var countryGiven = false
        while !reader.atEnd {
            switch try reader.choice("a seller field", ["country", "vat", "address", "series"]) {
            case "country":
                seller.country = try reader.country()
                countryGiven = true
            case "vat": seller.vatNumber = try reader.identifier("the VAT number")
            case "address": seller.address = try reader.string("the address")
            default: seller.seriesPrefix = try reader.identifier("the series prefix")
            }
        }
        guard countryGiven else { throw reader.failure("a seller needs a country", hint: "add 'country SE'") }
        return seller
    }
}
