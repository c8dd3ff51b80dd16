internal import BillingCore

/// Generates realistic companies from a world seed: plans (mostly small), cycles
/// (mostly monthly), countries (Sweden, the rest of the EU with and without VAT
/// numbers, outside the EU), currencies, sites, add-ons, traffic, 1 to 8 users across
/// every role, opted-in users, and partners who hold the Billing role in many companies.
///
/// Company `i` draws only from its own random stream (world seed, index), so a
/// company's shape does not depend on how many were generated before it.
struct PopulationGenerator {
    /// A company before its users have ids.
    struct Draft {
        var spec: CompanySpec
        var profile: UsageProfile
        var sites: [Site]
        var addOns: [(AddOnID, SiteID?)]
        /// Days after the population's creation that the company signs up: spread over
        /// four weeks, so anniversaries (and the clock's work) spread over the month.
        var signupDay: Int
        /// The company's own users (1 to 8).
        var userCount: Int
        /// Whether each of the company's own users turned invoice emails on: bit `k` for
        /// user `k` (a bit set, not an array: one allocation fewer per company).
        var optIns: UInt8
        /// Members: the company's own users by number (`0..<userCount`), or partners
        /// (negative: `-1 - partner`).
        var members: [(user: Int, role: Role)]
    }

    /// Positions of `drafts` in the order the clock first visits them: by signup day,
    /// then position (a counting sort: days are few).
    static func visitOrder(signupDays: [Int]) -> [Int] {
        let days = (signupDays.max() ?? -1) + 1
        var start = [Int](repeating: 0, count: days + 1)
        for day in signupDays { start[day + 1] += 1 }
        for day in 0..<days { start[day + 1] += start[day] }
        var order = [Int](repeating: 0, count: signupDays.count)
        for (position, day) in signupDays.enumerated() {
            order[start[day]] = position
            start[day] += 1
        }
        return order
    }

    let seed: UInt64
    let spec: PopulationSpec
    let catalog: Catalog
    private let addOnIDs: [AddOnID]

    init(seed: UInt64, spec: PopulationSpec, catalog: Catalog) {
        self.seed = seed
        self.spec = spec
        self.catalog = catalog
        self.addOnIDs = catalog.addOnIDs
    }

    private static let plans: [(PlanID, Int)] = [("starter", 40), ("pro", 25), ("business", 20), ("agency", 10), ("enterprise", 5)]
    private static let euCountries = ["DE", "FI", "FR", "NL", "DK", "EE", "ES", "IT", "PL", "RO", "SK", "IE", "AT", "BE"]
    private static let otherCountries = ["US", "GB", "NO", "CH", "CA", "AU", "JP"]
    private static let names = [
        "Åkerberg", "Björk", "Dahlström", "Ekström", "Fjäll", "Gärdet", "Hällström", "Ljung", "Nordvik", "Öberg", "Sjö", "Ängby",
    ]
    private static let kinds = ["Konsult AB", "Media AB", "Webbyrå", "Digital", "Studio", "Handel AB", "GmbH", "Ltd", "Oy", "BV"]

    /// The draft of the company at world index `index`, with id `c` and the index in
    /// seven digits.
    func draft(index: Int32) -> Draft {
        let digits = String(index)
        let id = "c" + String(repeating: "0", count: max(0, 7 - digits.count)) + digits
        var random = SplitMix64(seed: seed ^ 0x5EED, stream: UInt64(UInt32(bitPattern: index)))
        let plan = pick(PopulationGenerator.plans, &random)
        let cycle: BillingCycle = random.chance(spec.annualPercent) ? .annual : .monthly
        let place = random.below(100)
        var country = Country.sweden
        var vat = ""
        var currency = Currency.sek
        if place < 40 {
            // The organisation number (55 and 8 digits), then 01.
            vat = random.chance(70) ? "SE55\(100_000 + random.below(900_000))0001" : ""
            currency = random.chance(70) ? .sek : .eur
        } else if place < 75 {
            country = Country(rawValue: PopulationGenerator.euCountries[random.below(PopulationGenerator.euCountries.count)]) ?? .sweden
            vat = place < 58 ? PopulationGenerator.vatNumber(for: country, serial: 10_000_000 + random.below(89_999_999)) : ""
            currency = .eur
        } else {
            country =
                Country(rawValue: PopulationGenerator.otherCountries[random.below(PopulationGenerator.otherCountries.count)])
                ?? .unitedStates
            currency = .usd
        }
        let name =
            "\(PopulationGenerator.names[random.below(PopulationGenerator.names.count)]) \(PopulationGenerator.kinds[random.below(PopulationGenerator.kinds.count)])"
        var details = CompanyDetails(name: name, address: "Gatan \(1 + random.below(99)), \(country)", country: country, vatNumber: vat)
        let allowance = catalog.plans[plan]
        let visits = (allowance?.visits ?? 25_000) * Int64(50 + random.below(80)) / 100
        let profile = UsageProfile(
            visits: visits, cdnGB: (allowance?.cdnGB ?? 100) * Int64(30 + random.below(90)) / 100,
            diskGB: (allowance?.diskGB ?? 10) * Int64(40 + random.below(80)) / 100)
        let siteCount = 1 + random.below(5)
        let sites = (1...siteCount).map { Site(id: String(ascii: "s", $0, ""), name: String(ascii: "Site ", $0, "")) }
        var addOns: [(AddOnID, SiteID?)] = []
        if random.chance(spec.addOnPercent) {
            for addOn in addOnIDs where random.chance(40) {
                let scope = catalog.addOns[addOn]?.scope ?? .company
                addOns.append((addOn, scope == .site ? sites[random.below(sites.count)].id : nil))
            }
        }
        let userCount = 1 + random.below(max(1, min(8, spec.maxUsers)))
        var members: [(user: Int, role: Role)] = []
        members.reserveCapacity(userCount + 1)
        var optIns: UInt8 = 0
        for k in 0..<userCount {
            if random.chance(spec.optInPercent) { optIns |= 1 << k }
            let role: Role = k == 0 ? .owner : randomRole(sites: sites, &random)
            members.append((user: k, role: role))
        }
        if random.chance(spec.partnerPercent) {
            members.append((user: -1 - random.below(spec.partnerCount), role: .billing))
        }
        details.paymentMethod = random.chance(80) ? "Card •••• \(1000 + random.below(9000))" : "Invoice"
        let companySpec = CompanySpec(id: id, details: details, currency: currency, plan: plan, cycle: cycle)
        return Draft(
            spec: companySpec, profile: profile, sites: sites, addOns: addOns, signupDay: random.below(28),
            userCount: userCount, optIns: optIns, members: members)
    }

    /// A VAT number of `country` (one of ``euCountries``) made from an 8-digit `serial`,
    /// in the country's published syntax (``VATNumber/formats``): one random draw, as
    /// before numbers were checked, so a world's shape did not change with them.
    static func vatNumber(for country: Country, serial: Int) -> String {
        let digits = String(serial)
        switch country.rawValue {
        case "DE", "EE": return "\(country)1\(digits)"
        case "FR": return "FR\(10 + serial % 90)1\(digits)"
        case "NL": return "NL1\(digits)B01"
        case "ES": return "ESB\(digits)"
        case "IT": return "IT\(digits)001"
        case "PL": return "PL52\(digits)"
        case "SK": return "SK20\(digits)"
        case "IE": return "IE\(serial / 10)T"
        case "AT": return "ATU\(digits)"
        case "BE": return "BE04\(digits)"
        default: return "\(country)\(digits)"  // FI, DK, RO: 8 digits
        }
    }

    private func randomRole(sites: [Site], _ random: inout SplitMix64) -> Role {
        switch random.below(100) {
        case 0..<25: return .administrator
        case 25..<50: return .developer
        case 50..<70: return .billing
        case 70..<85: return .siteAdministrator(sites: [sites[random.below(sites.count)].id])
        default: return .siteDeveloper(sites: [sites[random.below(sites.count)].id])
        }
    }

    private func pick<T>(_ weighted: [(T, Int)], _ random: inout SplitMix64) -> T {
        var roll = random.below(weighted.reduce(0) { $0 + $1.1 })
        for (value, weight) in weighted {
            if roll < weight { return value }
            roll -= weight
        }
        return weighted[weighted.count - 1].0
    }
}
