// Closing an account: one final invoice settles what is still owed either way, then
// billing stops (DOMAIN.md "Corrections and credit notes").

extension CompanyState {
    /// Closes the account, as the Owner, at `now`: a **final** invoice is issued at once,
    /// and nothing is billed after it.
    ///
    /// The final invoice carries, in order:
    /// - the overage of the usage window so far (and on annual plans each add-on for the
    ///   time it was used in the window), billed in arrears; the window ends at `now`;
    /// - the pending lines (small prorations, removed add-ons, overage of a monthly plan's
    ///   last window);
    /// - a credit for the plan's unused time, from `now` to the period end, and on
    ///   monthly plans one for each active add-on's, prorated by seconds as a plan
    ///   change is; each names the invoice it reverses and takes back VAT as it charged.
    ///
    /// Its service period is the usage window's start to `now`; each credit line carries
    /// its own (`now` to the period end). A negative total becomes account balance, which
    /// the invoice shows as owed back to the customer. An account closed before its first
    /// invoice has nothing to bill and gets no final invoice.
    ///
    /// Invoices stay viewable after the close, and the final one is emailed at the next
    /// month end like any other; every other operation is refused with
    /// ``BillingError/accountClosed(_:)``.
    ///
    /// ```swift
    /// try state.closeAccount(by: owner, at: now, settings: settings)
    /// state.invoices.last?.kind  // .final
    /// ```
    public mutating func closeAccount(by actor: UserRef, at now: Instant, settings: WorldSettings) throws(BillingError) {
        try authorize(actor, .closeAccount)
        issueFinalInvoice(at: now, settings: settings)
        closed = true
    }

    /// The final invoice of ``closeAccount(by:at:settings:)``, finalized at `now`; none
    /// when there is nothing to bill.
    private mutating func issueFinalInvoice(at now: Instant, settings: WorldSettings) {
        let start = usageStart
        recordSimulatedUsage(until: now)
        // Usage goes before the pending lines, as on a per-use invoice; credits after.
        var at = invoicedLineCount
        for line in overageLines(from: start, to: now, settings: settings) {
            insertLine(line, at: at, catalog: settings.catalog)
            at += 1
        }
        if cycle == .annual {
            for addOn in addOns {
                guard let line = usedLine(addOn, until: now, settings: settings) else { continue }
                insertLine(line, at: at, catalog: settings.catalog)
                at += 1
            }
        }
        if start < now {
            usageStart = now
            usage = Usage(carryingDiskOf: usage)
        }
        // Before the first invoice nothing was charged, so nothing is credited.
        if periodBilled, now < periodEnd {
            if let price = settings.catalog.plans[plan]?.price(cycle, in: currency)?.minorUnits {
                appendPending(
                    crediting(prorated(.planCredit(plan, cycle), price: price, from: now, sign: -1), at: now),
                    catalog: settings.catalog)
            }
            if cycle == .monthly {
                for addOn in addOns {
                    guard let price = addOnPrice(addOn.id, settings) else { continue }
                    appendPending(
                        crediting(prorated(.addOnCredit(addOn.id, site: addOn.site), price: price, from: now, sign: -1), at: now),
                        catalog: settings.catalog)
                }
            }
        }
        guard lineStore.count > invoicedLineCount else { return }
        finalize(
            kind: .final, cycle: cycle, created: now, periodStart: min(start, now), periodEnd: now, lineEnd: lineStore.count,
            settings: settings)
    }
}
