// Rebuilding a company from a snapshot: every field as it was stored.

extension CompanyState {
    /// A company exactly as a snapshot stored it. Nothing is recomputed: the caller
    /// (the snapshot reader) vouches that the parts came from a ``CompanyState``.
    /// `catalog` is the world's: lines are stored as indices into its items.
    public init(
        restoring id: String, index: Int32, detailsHistory: [CompanyDetails], currency: Currency,
        plan: PlanID, cycle: BillingCycle, anchorMode: AnchorMode, anchor: BillingAnchor, periodIndex: Int,
        periodStart: Instant, periodBilled: Bool, usageIndex: Int, usageStart: Instant, usage: Usage, sites: [Site],
        addOns: [ActiveAddOn], pendingLines: [InvoiceLine], balance: Int64, members: [Membership],
        invitations: [Invitation], invoices: [Invoice], numberPrefix: String, nextSequence: Int64, emailedCount: Int,
        closed: Bool, settledUntil: Instant, profile: UsageProfile?, random: SplitMix64, catalog: Catalog
    ) {
        self.id = id
        self.index = index
        self.detailsHistory = detailsHistory
        self.buyer = Buyer(detailsHistory)
        self.currency = currency
        self.plan = plan
        self.cycle = cycle
        self.anchorMode = anchorMode
        self.anchor = anchor
        self.periodIndex = periodIndex
        self.periodStart = periodStart
        self.periodBilled = periodBilled
        self.usageIndex = usageIndex
        self.usageStart = usageStart
        self.usage = usage
        self.sites = sites
        self.addOns = addOns
        self.balance = balance
        self.members = members
        self.invitations = invitations
        self.invoiceStore = []
        self.lineStore = []
        self.itemNames = []
        self.lineSites = []
        self.lineCredits = []
        self.otherPrefixes = []
        self.numberPrefix = numberPrefix
        self.nextSequence = nextSequence
        self.emailedCount = emailedCount
        self.closed = closed
        self.settledUntil = settledUntil
        self.profile = profile
        self.random = random
        invoiceStore.reserveCapacity(invoices.count)
        lineStore.reserveCapacity(invoices.reduce(pendingLines.count) { $0 + $1.lines.count })
        for invoice in invoices {
            for line in invoice.lines { appendPending(line, catalog: catalog) }
            var series: Int32 = 0
            if let number = invoice.number { series = self.series(of: number.prefix) }
            invoiceStore.append(
                InvoiceRecord(
                    sequence: invoice.number?.sequence ?? 0, created: invoice.created, periodStart: invoice.periodStart,
                    periodEnd: invoice.periodEnd, subtotal: invoice.subtotal, taxAmount: invoice.taxAmount, total: invoice.total,
                    balanceApplied: invoice.balanceApplied, amountDue: invoice.amountDue,
                    balanceRemaining: invoice.balanceRemaining, tax: invoice.tax, kind: invoice.kind, cycle: invoice.cycle,
                    currency: invoice.currency, series: series,
                    detailsRevision: invoice.detailsRevision, lineEnd: Int32(lineStore.count)))
        }
        for line in pendingLines { appendPending(line, catalog: catalog) }
    }
}
