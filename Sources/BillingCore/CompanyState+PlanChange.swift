// Plan changes mid-period, prorated to the second.

extension CompanyState {
    /// Changes the plan (and optionally the cycle), as `actor`, at `now`.
    ///
    /// Same cycle: the unused time of the old plan is credited and the remaining time of
    /// the new one charged, both prorated by seconds over the period's nominal length and
    /// rounded half away from zero. A net increase above the threshold (100.00) is
    /// invoiced at once; anything else goes on the next invoice.
    ///
    /// New cycle: usage so far is closed and billed, the old plan's unused time (and on
    /// monthly plans the add-ons' unused time) is credited, and a new period of the new
    /// cycle starts now, invoiced at once in advance.
    ///
    /// Overage already incurred this window stays billable after an upgrade.
    public mutating func changePlan(
        to newPlan: PlanID, cycle newCycle: BillingCycle? = nil, by actor: UserRef, at now: Instant,
        settings: WorldSettings
    ) throws(BillingError) {
        try authorize(actor, .changePlan)
        let newCycle = newCycle ?? cycle
        guard let target = settings.catalog.plans[newPlan] else { throw .unknownPlan(newPlan) }
        guard let newPrice = target.price(newCycle, in: currency)?.minorUnits else {
            throw .notSoldIn(item: newPlan, currency: currency)
        }
        guard newPlan != plan || newCycle != cycle else { return }
        guard periodBilled else {
            // Before signup nothing has been billed: the first invoice bills the new plan.
            plan = newPlan
            cycle = newCycle
            return
        }
        let oldPrice = settings.catalog.plans[plan]?.price(cycle, in: currency)?.minorUnits ?? 0
        if let old = settings.catalog.plans[plan] {
            let over = usage.overage(against: old, extraDiskGB: extraDiskGB(settings))
            usage.incurredVisits = over.visits
            usage.incurredCDN = over.cdn
            usage.incurredDisk = over.disk
        }
        let credit = crediting(prorated(.planCredit(plan, cycle), price: oldPrice, from: now, sign: -1), at: now)
        if newCycle == cycle {
            let charge = prorated(.planCharge(newPlan, cycle), price: newPrice, from: now, sign: 1)
            plan = newPlan
            if credit.amount + charge.amount > settings.immediateInvoiceThreshold {
                // Its own two lines only: the pending ones stay pending, after them.
                let at = invoicedLineCount
                insertLine(credit, at: at, catalog: settings.catalog)
                insertLine(charge, at: at + 1, catalog: settings.catalog)
                finalize(
                    kind: .proration, cycle: cycle, created: now, periodStart: now, periodEnd: periodEnd, lineEnd: at + 2,
                    settings: settings)
            } else {
                appendPending(credit, catalog: settings.catalog)
                appendPending(charge, catalog: settings.catalog)
            }
            return
        }
        closeUsageWindow(at: now, settings: settings)
        appendPending(credit, catalog: settings.catalog)
        if cycle == .monthly {
            for addOn in addOns {
                guard let price = addOnPrice(addOn.id, settings) else { continue }
                appendPending(
                    crediting(prorated(.addOnCredit(addOn.id, site: addOn.site), price: price, from: now, sign: -1), at: now),
                    catalog: settings.catalog)
            }
        }
        for index in addOns.indices { addOns[index].since = now }
        plan = newPlan
        cycle = newCycle
        anchor = BillingAnchor(start: now, mode: anchorMode)
        periodIndex = 0
        periodStart = now
        usageIndex = 0
        usageStart = now
        issuePlanInvoice(at: now, settings: settings)
    }
}
