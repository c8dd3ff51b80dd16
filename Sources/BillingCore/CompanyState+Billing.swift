// Billing: what is invoiced when, in advance for plans and in arrears for usage.

extension CompanyState {
    /// Does all billing work due up to and including `now`: closes usage windows,
    /// starts new plan periods, and issues their invoices.
    ///
    /// At one boundary instant the order is fixed: close the usage window (overage;
    /// the per-use invoice on annual plans), then start and invoice the new plan period.
    ///
    /// - Returns: the number of invoices created.
    @discardableResult
    public mutating func runDue(until now: Instant, settings: WorldSettings) -> Int {
        let before = invoiceStore.count
        settledUntil = max(settledUntil, now)
        while let due = nextDue, due <= now {
            if !periodBilled {
                issuePlanInvoice(at: periodStart, settings: settings)
            } else if usageEnd <= periodEnd {
                closeUsageWindow(at: usageEnd, settings: settings)
            } else {
                startNextPeriod()
            }
            if periodBilled, periodEnd <= usageStart { startNextPeriod() }
        }
        return invoiceStore.count - before
    }

    private mutating func startNextPeriod() {
        periodIndex += cycle.months
        periodStart = periodNominalStart
        periodBilled = false
    }

    /// The plan invoice for the current period, billed in advance. On monthly plans it
    /// also carries add-ons for the period and every pending line (overage in arrears,
    /// small prorations).
    mutating func issuePlanInvoice(at created: Instant, settings: WorldSettings) {
        let start = periodStart
        let end = periodEnd
        // The new lines go before the pending ones, which this invoice takes as well.
        var at = invoicedLineCount
        if let price = settings.catalog.plans[plan]?.price(cycle, in: currency)?.minorUnits {
            insertLine(prorated(.plan(plan, cycle), price: price, from: start, sign: 1), at: at, catalog: settings.catalog)
            at += 1
        }
        if cycle == .monthly {
            for addOn in addOns {
                guard let price = addOnPrice(addOn.id, settings) else { continue }
                insertLine(
                    prorated(.addOn(addOn.id, site: addOn.site), price: price, from: start, sign: 1), at: at,
                    catalog: settings.catalog)
                at += 1
            }
        }
        periodBilled = true
        finalize(
            kind: .plan, cycle: cycle, created: created, periodStart: start, periodEnd: end, lineEnd: lineStore.count,
            settings: settings)
    }

    /// Ends the usage window at `end` (its nominal end, or earlier on a cycle change):
    /// overage lines (and on annual plans the add-ons used) are billed in arrears, on a
    /// per-use invoice for annual plans and as pending lines of the next plan invoice for
    /// monthly plans.
    mutating func closeUsageWindow(at end: Instant, settings: WorldSettings) {
        let start = usageStart
        recordSimulatedUsage(until: end)
        // Annual plans: overage and add-ons used go before the pending lines, and all
        // of them on a per-use invoice. Monthly plans: overage joins the pending lines.
        let annual = cycle == .annual
        var at = annual ? invoicedLineCount : lineStore.count
        for line in overageLines(from: start, to: end, settings: settings) {
            insertLine(line, at: at, catalog: settings.catalog)
            at += 1
        }
        if annual {
            for addOn in addOns {
                guard let line = usedLine(addOn, until: end, settings: settings) else { continue }
                insertLine(line, at: at, catalog: settings.catalog)
                at += 1
            }
        }
        usageIndex += 1
        usageStart = end
        usage = Usage(carryingDiskOf: usage)
        if annual, lineStore.count > invoicedLineCount {
            finalize(
                kind: .perUse, cycle: .monthly, created: end, periodStart: start, periodEnd: end, lineEnd: lineStore.count,
                settings: settings)
        }
    }

    /// Adds a generated company's simulated traffic for the usage window up to `end`: a
    /// month's sample at the window's end, or at an early end (a cycle change, a closing)
    /// the part of it the window lasted, rounded half away from zero.
    mutating func recordSimulatedUsage(until end: Instant) {
        guard let profile, usageStart < end else { return }
        var month = profile.sample(&random)
        if end < usageEnd {
            let (elapsed, length) = (end.seconds - usageStart.seconds, usageEnd.seconds - usageStart.seconds)
            month.visits = Rounding.scale(month.visits, by: elapsed, over: length)
            month.cdn = Rounding.scale(month.cdn, by: elapsed, over: length)
        }
        usage.visits += month.visits
        usage.cdnGB += month.cdn
        usage.diskGB = month.disk
        usage.diskPeakGB = max(usage.diskPeakGB, month.disk)
    }

    /// The disk GB the active add-ons add to the plan's allowance.
    func extraDiskGB(_ settings: WorldSettings) -> Int64 {
        addOns.reduce(0) { $0 + (settings.catalog.addOns[$1.id]?.diskGB ?? 0) }
    }

    /// Before the disk allowance changes (an add-on added or removed): the disk overage
    /// incurred so far stays billable, and the window's peak restarts at today's level,
    /// so the new allowance applies from now on only.
    mutating func closeDiskAllowance(_ settings: WorldSettings) {
        guard let plan = settings.catalog.plans[plan] else { return }
        usage.incurredDisk = usage.overage(against: plan, extraDiskGB: extraDiskGB(settings)).disk
        usage.diskPeakGB = usage.diskGB
    }

    /// Overage lines for the window: usage above the current plan's allowance, or the
    /// overage already incurred under an earlier plan, whichever is larger.
    func overageLines(from start: Instant, to end: Instant, settings: WorldSettings) -> [InvoiceLine] {
        guard let plan = settings.catalog.plans[plan] else { return [] }
        let prices = settings.catalog.overage
        var lines: [InvoiceLine] = []
        func add(_ metric: Metric, _ quantity: Int64, _ price: PriceList) {
            guard quantity > 0, let unit = price.minorUnits[currency] else { return }
            lines.append(
                InvoiceLine(
                    kind: .overage(metric), quantity: quantity, unitPrice: unit, amount: quantity * unit, periodStart: start, periodEnd: end
                ))
        }
        let over = usage.overage(against: plan, extraDiskGB: extraDiskGB(settings))
        add(.visits, (over.visits + 999) / 1000, prices.per1000Visits)
        add(.cdn, over.cdn, prices.perCDNGB)
        add(.disk, over.disk, prices.perDiskGB)
        return lines
    }

    /// Totals, taxes and balance for the lines from the end of the last invoice's to
    /// `lineEnd` in the line store, and the invoice appended. In the per-company scheme
    /// it is numbered at once; in the seller-wide scheme it stays a draft until
    /// ``assignNumbers(prefix:from:count:)`` at the barrier.
    mutating func finalize(
        kind: Invoice.Kind, cycle: BillingCycle, created: Instant, periodStart: Instant, periodEnd: Instant,
        lineEnd: Int, settings: WorldSettings
    ) {
        let tax: TaxTreatment
        do {
            tax = try TaxTreatment.decide(
                seller: settings.seller.country, buyer: buyer.country, buyerVATNumber: buyer.vatNumber, on: created.date,
                rates: settings.taxes)
        } catch {
            // A world's start is checked against its table when the world is created or
            // restored (WorldSettings.checkTaxes), and no invoice is dated before it.
            preconditionFailure("\(error), yet the world's start was checked against the VAT table")
        }
        var subtotal: Int64 = 0
        for index in invoicedLineCount..<lineEnd { subtotal += lineStore[index].amount }
        var taxAmount = tax.rate.map { $0.tax(on: Money(minorUnits: subtotal, currency)).minorUnits } ?? 0
        if let last = lineCredits.last, last.line >= invoicedLineCount {
            // Credits reverse VAT at the treatment of the invoice they credit.
            let amounts = (invoicedLineCount..<lineEnd).map { index in
                (credit(ofLine: index)?.tax ?? tax, lineStore[index].amount)
            }
            taxAmount = TaxGroup.grouping(amounts, currency: currency).reduce(0) { $0 + $1.tax }
        }
        let total = subtotal + taxAmount
        var applied: Int64 = 0
        if total > 0 {
            applied = min(balance, total)
            balance -= applied
        } else {
            balance -= total
        }
        var series: Int32 = 0
        var sequence: Int64 = 0
        if settings.numbering == .perCompany {
            series = 1
            sequence = nextSequence
            nextSequence += 1
        }
        invoiceStore.append(
            InvoiceRecord(
                sequence: sequence, created: created, periodStart: periodStart, periodEnd: periodEnd, subtotal: subtotal,
                taxAmount: taxAmount, total: total, balanceApplied: applied, amountDue: max(0, total - applied),
                balanceRemaining: balance, tax: tax, kind: kind, cycle: cycle, currency: currency, series: series,
                detailsRevision: buyer.revision, lineEnd: Int32(lineEnd)))
    }

    /// The number of invoices waiting for a seller-wide number.
    public var draftCount: Int {
        var index = invoiceStore.endIndex
        while index > invoiceStore.startIndex, invoiceStore[index - 1].series == 0 { index -= 1 }
        return invoiceStore.endIndex - index
    }

    /// Numbers the `count` oldest drafts, in creation order, `first`, `first + 1`, … of
    /// the seller's series. Drafts made since the count was taken stay drafts for their
    /// own reservation, so every reserved number is used exactly once.
    public mutating func assignNumbers(prefix: String, from first: Int64, count: Int) {
        let start = invoiceStore.count - draftCount
        let end = min(start + count, invoiceStore.count)
        guard start < end else { return }
        let series = series(of: prefix)
        for (offset, index) in (start..<end).enumerated() {
            invoiceStore[index].series = series
            invoiceStore[index].sequence = first + Int64(offset)
        }
    }

    /// The invoices finalized since the last month-end send, marked as sent: each is
    /// returned exactly once. Drafts are never returned.
    public mutating func takeUnemailedInvoices() -> Range<Int> {
        let end = invoiceStore.count - draftCount
        let range = emailedCount..<max(emailedCount, end)
        emailedCount = range.upperBound
        return range
    }

    /// The members who may receive invoice emails (Owner, Administrator, Billing), by
    /// user id: whether they turned the emails on is the directory's to say.
    public var invoiceRecipientCandidates: [UserID] {
        members.compactMap { Permissions.receivesInvoices($0.role) ? $0.user : nil }
    }
}

extension Usage {
    /// A fresh window that keeps the current disk level (disk is a level, not a flow).
    init(carryingDiskOf previous: Usage) {
        self.init()
        diskGB = previous.diskGB
        diskPeakGB = previous.diskGB
    }

    /// Units over `plan`'s allowances (its disk raised by `extraDiskGB` from add-ons),
    /// never less than the overage already incurred.
    func overage(against plan: Plan, extraDiskGB: Int64) -> (visits: Int64, cdn: Int64, disk: Int64) {
        (
            max(incurredVisits, visits - plan.visits, 0),
            max(incurredCDN, cdnGB - plan.cdnGB, 0),
            max(incurredDisk, diskPeakGB - (plan.diskGB + extraDiskGB), 0)
        )
    }
}
