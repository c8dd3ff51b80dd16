// Company settings, plan, add-ons, sites, usage and balance. Every user operation
// authorizes first and changes nothing when it throws.

extension CompanyState {
    /// The invoices, as `actor` sees them in the dashboard.
    public func viewInvoices(by actor: UserRef) throws(BillingError) -> [Invoice] {
        guard Permissions.allows(role(of: actor.id), .viewInvoices) else {
            throw .denied(AccessDenied(user: actor.email, operation: .viewInvoices, company: id))
        }
        return invoices
    }

    /// The company settings page, as `actor` sees it.
    public func viewSettings(by actor: UserRef) throws(BillingError) -> CompanyDetails {
        guard Permissions.allows(role(of: actor.id), .viewCompanySettings) else {
            throw .denied(AccessDenied(user: actor.email, operation: .viewCompanySettings, company: id))
        }
        return details
    }

    /// Changes name, address, country or VAT number (each `nil` keeps the old value),
    /// as `actor`. Invoices already issued keep the details they had.
    ///
    /// The VAT number is stored in normal form and must fit the country the details end
    /// up with: a new country with the old number is refused when the number is not one
    /// of it (give the new number, or `""` for none, in the same edit).
    public mutating func editDetails(
        name: String? = nil, address: String? = nil, country: Country? = nil, vatNumber: String? = nil,
        by actor: UserRef
    ) throws(BillingError) {
        try authorize(actor, .editCompanyDetails)
        if let name, name.trimmingSpaces().isEmpty { throw .invalidValue("the company name cannot be empty") }
        if let country, !country.isAssigned {
            throw .invalidValue("'\(country)' is not an assigned ISO 3166-1 country code")
        }
        var next = details
        if let name { next.name = name }
        if let address { next.address = address }
        if let country { next.country = country }
        if let vatNumber { next.vatNumber = vatNumber }
        next = try next.validated()
        if next != details { detailsHistory.append(next) }
    }

    /// Changes the payment method, as `actor`: a new details revision, so invoices
    /// already issued keep the method they were issued with.
    public mutating func editPaymentMethod(_ method: String, by actor: UserRef) throws(BillingError) {
        try authorize(actor, .editPaymentMethod)
        var next = details
        next.paymentMethod = method
        if next != details { detailsHistory.append(next) }
    }

    /// Checks `actor` may view and manage `site`'s `environment`.
    public func accessSite(_ site: SiteID, _ environment: SiteEnvironment, by actor: UserRef) throws(BillingError) {
        try authorize(actor, .manageSite(site, environment))
        guard sites.contains(where: { $0.id == site }) else { throw .unknownSite(site) }
    }

    /// All sites, as `actor` (Owner, Administrator, Developer).
    public func listSites(by actor: UserRef) throws(BillingError) -> [Site] {
        try authorize(actor, .manageAllSites)
        return sites
    }

    /// Adds a site, as `actor`.
    public mutating func addSite(_ site: Site, by actor: UserRef) throws(BillingError) {
        try authorize(actor, .manageAllSites)
        guard !sites.contains(where: { $0.id == site.id }) else { throw .duplicateSite(site.id) }
        sites.append(site)
    }

    /// Removes a site with its add-ons (credited like removed add-ons) and drops it from
    /// site roles, as `actor`.
    public mutating func removeSite(_ site: SiteID, by actor: UserRef, at now: Instant, settings: WorldSettings) throws(BillingError) {
        try authorize(actor, .manageAllSites)
        guard sites.contains(where: { $0.id == site }) else { throw .unknownSite(site) }
        for addOn in addOns where addOn.site == site { dropAddOn(addOn, at: now, settings: settings) }
        sites.removeAll { $0.id == site }
        forgetSite(site)
    }

    /// Adds a site without a user (company setup, population generation).
    public mutating func setUpSite(_ site: Site) {
        if !sites.contains(where: { $0.id == site.id }) { sites.append(site) }
    }

    /// Adds an add-on, as `actor`. On monthly plans the rest of the period is charged on
    /// the next invoice; on annual plans it is billed per use at the month's end.
    public mutating func addAddOn(
        _ addOnID: AddOnID, site: SiteID? = nil, by actor: UserRef, at now: Instant, settings: WorldSettings
    ) throws(BillingError) {
        try authorize(actor, .manageAddOns)
        try validateAddOn(addOnID, site: site, settings: settings)
        guard !addOns.contains(where: { $0.id == addOnID && $0.site == site }) else { throw .addOnAlreadyActive(addOnID) }
        let addOn = ActiveAddOn(id: addOnID, site: site, since: periodBilled ? now : periodStart)
        if settings.catalog.addOns[addOnID]?.diskGB != 0 { closeDiskAllowance(settings) }
        addOns.append(addOn)
        if cycle == .monthly, periodBilled, let price = addOnPrice(addOnID, settings) {
            appendPending(prorated(.addOn(addOnID, site: site), price: price, from: now, sign: 1), catalog: settings.catalog)
        }
    }

    /// Removes an add-on, as `actor`: monthly plans get the unused time credited on the
    /// next invoice; annual plans are billed for the time used this month.
    public mutating func removeAddOn(
        _ addOnID: AddOnID, site: SiteID? = nil, by actor: UserRef, at now: Instant, settings: WorldSettings
    ) throws(BillingError) {
        try authorize(actor, .manageAddOns)
        guard let addOn = addOns.first(where: { $0.id == addOnID && $0.site == site }) else {
            throw .addOnNotActive(addOnID)
        }
        dropAddOn(addOn, at: now, settings: settings)
    }

    /// Adds an add-on without a user and without proration (population generation).
    public mutating func setUpAddOn(_ addOnID: AddOnID, site: SiteID?, at now: Instant, settings: WorldSettings) throws(BillingError) {
        try validateAddOn(addOnID, site: site, settings: settings)
        if !addOns.contains(where: { $0.id == addOnID && $0.site == site }) {
            addOns.append(ActiveAddOn(id: addOnID, site: site, since: now))
        }
    }

    private func validateAddOn(_ addOnID: AddOnID, site: SiteID?, settings: WorldSettings) throws(BillingError) {
        guard let addOn = settings.catalog.addOns[addOnID] else { throw .unknownAddOn(addOnID) }
        guard addOn.monthly.minorUnits[currency] != nil else { throw .notSoldIn(item: addOnID, currency: currency) }
        guard (addOn.scope == .site) == (site != nil) else { throw .addOnScope(addOn: addOnID, needsSite: addOn.scope == .site) }
        if let site, !sites.contains(where: { $0.id == site }) { throw .unknownSite(site) }
    }

    private mutating func dropAddOn(_ addOn: ActiveAddOn, at now: Instant, settings: WorldSettings) {
        if settings.catalog.addOns[addOn.id]?.diskGB != 0 { closeDiskAllowance(settings) }
        addOns.removeAll { $0.id == addOn.id && $0.site == addOn.site }
        guard periodBilled, let price = addOnPrice(addOn.id, settings) else { return }
        if cycle == .monthly {
            appendPending(
                crediting(prorated(.addOnCredit(addOn.id, site: addOn.site), price: price, from: now, sign: -1), at: now),
                catalog: settings.catalog)
        } else if let used = usedLine(addOn, until: now, settings: settings) {
            appendPending(used, catalog: settings.catalog)
        }
    }

    /// The monthly price of add-on `id` in the company's currency.
    func addOnPrice(_ id: AddOnID, _ settings: WorldSettings) -> Int64? {
        settings.catalog.addOns[id]?.monthly.minorUnits[currency]
    }

    /// On annual plans, the line for the time `addOn` was in use in the current usage
    /// window up to `end`, prorated by seconds over the window's nominal length; `nil`
    /// when it was not in use then. One unit at the prorated price, so quantity × unit
    /// price = amount.
    func usedLine(_ addOn: ActiveAddOn, until end: Instant, settings: WorldSettings) -> InvoiceLine? {
        let from = max(addOn.since, usageStart)
        guard from < end, let price = addOnPrice(addOn.id, settings) else { return nil }
        let amount = Rounding.scale(price, by: end.seconds - from.seconds, over: usageEnd.seconds - usageNominalStart.seconds)
        return InvoiceLine(
            kind: .addOn(addOn.id, site: addOn.site), quantity: 1, unitPrice: amount, amount: amount, periodStart: from, periodEnd: end)
    }

    /// A line for the rest of the current plan period from `from`, prorated by seconds
    /// over the period's nominal length and rounded half away from zero: one unit at the
    /// prorated price, so quantity × unit price = amount (a full period is the price).
    func prorated(_ kind: InvoiceLine.Kind, price: Int64, from: Instant, sign: Int64) -> InvoiceLine {
        let end = periodEnd
        let amount = Rounding.scale(sign * price, by: end.seconds - from.seconds, over: end.seconds - periodNominalStart.seconds)
        return InvoiceLine(kind: kind, quantity: 1, unitPrice: amount, amount: amount, periodStart: from, periodEnd: end)
    }

    /// The most usage of one metric in one monthly window: a trillion visits or GB.
    /// Bounds keep every amount far inside `Int64`, so bad input cannot overflow.
    public static let usageLimit: Int64 = 1_000_000_000_000

    /// The largest account balance: 10,000,000,000,000.00 in any currency.
    public static let balanceLimit: Int64 = 1_000_000_000_000_000

    /// Records metered usage: visits and CDN GB add up over the window, disk GB is the
    /// current level (its peak is billed).
    public mutating func recordUsage(_ metric: Metric, _ amount: Int64) throws(BillingError) {
        guard amount >= 0 else { throw .invalidValue("usage cannot be negative (\(amount))") }
        let current = metric == .visits ? usage.visits : metric == .cdn ? usage.cdnGB : 0
        guard amount <= CompanyState.usageLimit - current else {
            throw .invalidValue("usage of \(amount) \(metric.rawValue) would pass the limit of \(CompanyState.usageLimit) a month")
        }
        guard !closed else { throw .accountClosed(id) }
        switch metric {
        case .visits: usage.visits += amount
        case .cdn: usage.cdnGB += amount
        case .disk:
            usage.diskGB = amount
            usage.diskPeakGB = max(usage.diskPeakGB, amount)
        }
    }

    /// Adds a credit (referral, refund, goodwill) to the account balance.
    public mutating func addCredit(_ amount: Money) throws(BillingError) {
        guard amount.currency == currency else {
            throw .invalidValue("credit in \(amount.currency.code) for a company billed in \(currency.code)")
        }
        guard amount.minorUnits > 0 else { throw .invalidValue("a credit must be positive (\(amount))") }
        guard amount.minorUnits <= CompanyState.balanceLimit - balance else {
            throw .invalidValue(
                "a credit of \(amount) would take the balance past \(Money(minorUnits: CompanyState.balanceLimit, currency))")
        }
        balance += amount.minorUnits
    }
}
