// Rebuilding a company from a snapshot: every field as it was stored.

extension CompanyState {
    /// A company exactly as a snapshot stored it. Nothing is recomputed: the caller
    /// (the snapshot reader) vouches that the parts came from a ``CompanyState``.
    public init(
        restoring id: String, index: Int32, detailsHistory: [CompanyDetails], paymentMethod: String, currency: Currency,
        plan: PlanID, cycle: BillingCycle, anchorMode: AnchorMode, anchor: BillingAnchor, periodIndex: Int,
        periodStart: Instant, periodBilled: Bool, usageIndex: Int, usageStart: Instant, usage: Usage, sites: [Site],
        addOns: [ActiveAddOn], pendingLines: [InvoiceLine], balance: Int64, members: [Membership],
        invitations: [Invitation], invoices: [Invoice], numberPrefix: String, nextSequence: Int64, emailedCount: Int,
        closed: Bool, settledUntil: Instant, profile: UsageProfile?, random: SplitMix64
    ) {
        self.id = id
        self.index = index
        self.detailsHistory = detailsHistory
        self.buyer = Buyer(detailsHistory)
        self.paymentMethod = paymentMethod
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
        self.pendingLines = pendingLines
        self.balance = balance
        self.members = members
        self.invitations = invitations
        self.invoices = invoices
        self.numberPrefix = numberPrefix
        self.nextSequence = nextSequence
        self.emailedCount = emailedCount
        self.closed = closed
        self.settledUntil = settledUntil
        self.profile = profile
        self.random = random
    }
}
