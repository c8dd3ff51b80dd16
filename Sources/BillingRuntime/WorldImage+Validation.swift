internal import BillingCore

// The invariants of one company in an image, checked before a restore (see
// ``WorldImage/validate()``).

extension WorldImage {
    /// The earliest and latest years a restored world may be in: nothing is billed for
    /// centuries, and every instant stays far inside `Int64`.
    static let years = 1970...2200

    /// Checks `company` (at `index`); collects the seller-wide numbers it uses.
    func validate(_ company: CompanyState, at index: Int, sellerNumbers: inout Set<Int64>) throws(WorldInconsistency) {
        let id = company.id
        guard !company.detailsHistory.isEmpty else { throw .noDetails(company: index, id: id) }
        for (revision, details) in company.detailsHistory.enumerated() {
            guard details.country.isAssigned else {
                throw .unknownCountry(company: index, id: id, revision: revision, country: details.country.rawValue)
            }
            try WorldImage.validateVATNumber(details, company: index, id: id, revision: revision)
        }
        guard settings.catalog.plans[company.plan]?.price(company.cycle, in: company.currency) != nil else {
            throw .planNotSold(company: index, id: id, plan: company.plan, cycle: company.cycle, currency: company.currency)
        }
        try validateSites(company, at: index)
        try validateMembers(company, at: index)
        try validateInvoices(company, at: index, sellerNumbers: &sellerNumbers)
        try validateSchedule(company, at: index)
    }

    /// The number fits the country and is in normal form: what creating a company and
    /// editing its details store, so a restored world holds no number they would refuse.
    static func validateVATNumber(_ details: CompanyDetails, company: Int, id: String, revision: Int) throws(WorldInconsistency) {
        let checked: CompanyDetails
        do throws(BillingError) {
            checked = try details.validated()
        } catch {
            let detail = if case .invalidVATNumber(_, _, let reason) = error { "\(reason)" } else { "\(error)" }
            throw .vatNumber(
                company: company, id: id, revision: revision, number: details.vatNumber,
                detail: "does not fit the country \(details.country): \(detail)")
        }
        guard checked.vatNumber == details.vatNumber else {
            throw .vatNumber(
                company: company, id: id, revision: revision, number: details.vatNumber,
                detail: "is not in normal form, which is '\(checked.vatNumber)' (letters upper-cased; no spaces, dots or hyphens)")
        }
    }

    private func validateSites(_ company: CompanyState, at index: Int) throws(WorldInconsistency) {
        var siteIDs = Set<String>()
        for (position, site) in company.sites.enumerated() where !siteIDs.insert(site.id).inserted {
            throw .duplicateSite(company: index, id: company.id, position: position, site: site.id)
        }
        var active = Set<String>()
        for (position, addOn) in company.addOns.enumerated() {
            func refuse(_ detail: String) -> WorldInconsistency {
                .addOn(company: index, id: company.id, position: position, detail: detail)
            }
            guard let catalogued = settings.catalog.addOns[addOn.id] else { throw refuse("the catalog has no add-on '\(addOn.id)'") }
            guard catalogued.monthly.minorUnits[company.currency] != nil else {
                throw refuse("'\(addOn.id)' has no price in \(company.currency.code)")
            }
            guard (catalogued.scope == .site) == (addOn.site != nil) else {
                throw refuse("'\(addOn.id)' is \(catalogued.scope.rawValue)-wide")
            }
            if let site = addOn.site, !siteIDs.contains(site) { throw refuse("the site '\(site)' does not exist") }
            guard active.insert(addOn.id + "\u{0}" + (addOn.site ?? "")).inserted else { throw refuse("'\(addOn.id)' is active twice") }
        }
    }

    private func validateMembers(_ company: CompanyState, at index: Int) throws(WorldInconsistency) {
        let id = company.id
        let siteIDs = Set(company.sites.map(\.id))
        func checkUser(_ user: UserID, _ what: String) throws(WorldInconsistency) {
            guard (0..<users.count).contains(Int(user.rawValue)) else {
                throw .unknownUser(company: index, id: id, what: what, user: user.rawValue)
            }
        }
        let owners = company.members.count { $0.role == .owner }
        guard owners == 1 else { throw .owners(company: index, id: id, count: owners) }
        var seen = Set<UserID>()
        for (position, member) in company.members.enumerated() {
            try checkUser(member.user, "memberships position \(position)")
            guard seen.insert(member.user).inserted else {
                throw .duplicateMember(company: index, id: id, position: position, user: member.user.rawValue)
            }
            if let site = WorldImage.sites(of: member.role).first(where: { !siteIDs.contains($0) }) {
                throw .unknownSite(company: index, id: id, position: position, site: site)
            }
        }
        for (position, invitation) in company.invitations.enumerated() {
            try checkUser(invitation.invitee, "invitations position \(position)")
            try checkUser(invitation.invitedBy, "invitations position \(position)")
        }
    }

    /// The sites a role names (none for company-wide roles).
    static func sites(of role: Role) -> [SiteID] {
        switch role {
        case .siteAdministrator(let sites), .siteDeveloper(let sites): sites
        default: []
        }
    }

    private func validateInvoices(_ company: CompanyState, at index: Int, sellerNumbers: inout Set<Int64>) throws(WorldInconsistency) {
        let id = company.id
        let perCompany = settings.numbering == .perCompany
        let prefix = perCompany ? company.numberPrefix : settings.seller.seriesPrefix
        let next = perCompany ? company.nextSequence : sellerNext
        var numbers = Set<Int64>(minimumCapacity: company.invoiceCount)
        var drafts = 0
        for (position, invoice) in company.invoices.enumerated() {
            func refuse(_ detail: String) -> WorldInconsistency {
                .invoiceNumber(company: index, id: id, invoice: position, detail: detail)
            }
            guard (0..<company.detailsHistory.count).contains(Int(invoice.detailsRevision)) else {
                throw .detailsRevision(company: index, id: id, invoice: position, revision: invoice.detailsRevision)
            }
            if let number = invoice.number {
                guard drafts == 0 else { throw refuse("numbered after a draft") }
                guard number.prefix == prefix else { throw refuse("the prefix '\(number.prefix)' is not the series' '\(prefix)'") }
                guard number.sequence < next else { throw refuse("\(number) is not below the series' next number \(next)") }
                guard numbers.insert(number.sequence).inserted, perCompany || sellerNumbers.insert(number.sequence).inserted else {
                    throw refuse("\(number) is used twice")
                }
            } else {
                guard !perCompany else { throw refuse("a draft, but numbers are per company") }
                drafts += 1
            }
            try WorldImage.checkTotals(invoice, company: index, id: id, position: position)
        }
        guard (0...company.invoiceCount - drafts).contains(company.emailedCount) else {
            throw .emailedCount(company: index, id: id, emailed: company.emailedCount, invoices: company.invoiceCount - drafts)
        }
        var pending: Int64 = 0
        for line in company.pendingLines {
            let (sum, overflow) = pending.addingReportingOverflow(line.amount)
            guard !overflow, line.amount.magnitude <= 1_000_000_000_000_000_000, sum.magnitude <= 2_000_000_000_000_000_000 else {
                throw .pendingTotal(company: index, id: id)
            }
            pending = sum
        }
    }

    /// Each line's quantity × unit price = its amount, subtotal = the lines, tax = each
    /// treatment's rate on its lines, total = both, the balance applied within the total,
    /// amount due = the rest, and no negative balance.
    static func checkTotals(_ invoice: Invoice, company: Int, id: String, position: Int) throws(WorldInconsistency) {
        func refuse(_ detail: String) -> WorldInconsistency { .invoiceTotals(company: company, id: id, invoice: position, detail: detail) }
        var subtotal: Int64 = 0
        for line in invoice.lines {
            let product = line.quantity.multipliedReportingOverflow(by: line.unitPrice)
            guard !product.overflow, product.partialValue == line.amount else {
                throw refuse("a line's quantity \(line.quantity) × unit price \(line.unitPrice) is not its amount \(line.amount)")
            }
            let (sum, overflow) = subtotal.addingReportingOverflow(line.amount)
            guard !overflow else { throw refuse("the lines overflow") }
            subtotal = sum
        }
        guard subtotal == invoice.subtotal else { throw refuse("subtotal \(invoice.subtotal), but the lines add up to \(subtotal)") }
        for line in invoice.lines {
            guard let credited = line.credits else { continue }
            guard credited.invoice < position else { throw refuse("a line credits invoice \(credited.invoice), not an earlier one") }
            if let rate = credited.tax.rate, !(0...10_000).contains(rate.basisPoints) {
                throw refuse("the credited tax rate \(rate.basisPoints) is out of range")
            }
        }
        if let rate = invoice.tax.rate, !(0...10_000).contains(rate.basisPoints) {
            throw refuse("the tax rate \(rate.basisPoints) is out of range")
        }
        // Each treatment's lines must sum without overflow before they are taxed.
        var bases: [TaxTreatment: Int128] = [:]
        for line in invoice.lines { bases[line.credits?.tax ?? invoice.tax, default: 0] += Int128(line.amount) }
        guard bases.values.allSatisfy({ $0.magnitude <= 4_000_000_000_000_000_000 }) else { throw refuse("a tax base is out of range") }
        var tax: Int64 = 0
        for group in invoice.taxGroups { tax += group.tax }
        guard tax == invoice.taxAmount else { throw refuse("tax \(invoice.taxAmount), but the rates give \(tax)") }
        let (total, overflow) = subtotal.addingReportingOverflow(tax)
        guard !overflow, total == invoice.total else { throw refuse("total \(invoice.total), but subtotal and tax give \(total)") }
        guard invoice.balanceApplied >= 0, invoice.balanceApplied <= max(0, total), invoice.balanceRemaining >= 0 else {
            throw refuse("balance applied \(invoice.balanceApplied), remaining \(invoice.balanceRemaining)")
        }
        guard invoice.amountDue == max(0, total - invoice.balanceApplied) else {
            throw refuse("amount due \(invoice.amountDue), but total less balance gives \(max(0, total - invoice.balanceApplied))")
        }
    }

    private func validateSchedule(_ company: CompanyState, at index: Int) throws(WorldInconsistency) {
        func refuse(_ detail: String) -> WorldInconsistency { .schedule(company: index, id: company.id, detail: detail) }
        guard company.balance >= 0 else { throw refuse("a negative balance \(company.balance)") }
        let anchor = company.anchor
        guard WorldImage.years.contains(anchor.date.year), (0..<Instant.secondsPerDay).contains(anchor.secondOfDay) else {
            throw refuse("the anchor \(anchor.date) \(anchor.secondOfDay)s is out of range")
        }
        let months = 0...(WorldImage.years.upperBound - WorldImage.years.lowerBound) * 12
        guard months.contains(company.periodIndex), months.contains(company.usageIndex) else {
            throw refuse("period index \(company.periodIndex) or usage index \(company.usageIndex) is out of range")
        }
        guard company.periodNominalStart <= company.periodStart, company.periodStart < company.periodEnd else {
            throw refuse("the period start \(company.periodStart) is not within period \(company.periodIndex) of the anchor")
        }
        guard company.usageNominalStart <= company.usageStart, company.usageStart < company.usageEnd else {
            throw refuse("the usage window start \(company.usageStart) is not within window \(company.usageIndex) of the anchor")
        }
        // The clock may visit a company before its due instant (a stale entry does
        // nothing), never after it, and never at or before `now`.
        let due = company.nextDue
        if let due, due <= now { throw refuse("billing due at \(due) is not done by world.now \(now)") }
        if let visit = scheduled[index], visit <= now { throw refuse("scheduled at \(visit), not after world.now \(now)") }
        if let due, !(scheduled[index].map { $0 <= due } ?? false) {
            throw refuse("scheduled at \(scheduled[index]?.description ?? "never"), but due at \(due)")
        }
    }
}
