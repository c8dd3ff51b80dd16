internal import BillingCore
internal import BillingRuntime

/// Writes one world into an open, empty database: schema, then every table, in one
/// transaction, with one prepared statement per table reused for every row.
struct SnapshotWriter {
    let db: SQLiteConnection

    func write(_ image: WorldImage) throws(SQLiteError) {
        try db.execute("BEGIN")
        try db.execute(SnapshotSchema.create)
        try writeWorld(image)
        try writeCatalog(image.settings)
        try writeUsers(image.users)
        try writeCompanies(image)
        try writeOutbox(image.outbox)
        try db.execute("PRAGMA user_version = \(SnapshotSchema.version)")
        try db.execute("COMMIT")
    }

    private func writeWorld(_ image: WorldImage) throws(SQLiteError) {
        let insert = try db.prepare("INSERT INTO world (key, value) VALUES (?, ?)")
        let seller = image.settings.seller
        let texts: [(String, String)] = [
            ("seed", String(image.seed)), ("numbering", image.settings.numbering.rawValue), ("seller_name", seller.name),
            ("seller_address", seller.address), ("seller_country", seller.country.rawValue),
            ("seller_vat_number", seller.vatNumber), ("seller_series_prefix", seller.seriesPrefix),
        ]
        for (key, value) in texts { try insert.run([.text(key), .text(value)]) }
        let numbers: [(String, Int64)] = [
            ("start", image.start.seconds), ("now", image.now.seconds), ("next_month_end", image.nextMonthEnd.seconds),
            ("seller_next", image.sellerNext), ("immediate_invoice_threshold", image.settings.immediateInvoiceThreshold),
            ("invitation_lifetime", image.settings.invitationLifetime),
        ]
        for (key, value) in numbers { try insert.run([.text(key), .integer(value)]) }
    }

    private func writeCatalog(_ settings: WorldSettings) throws(SQLiteError) {
        let rates = try db.prepare("INSERT INTO tax_rates VALUES (?, ?, ?)")
        for country in settings.taxes.changes.keys.sorted() {
            for change in settings.taxes.changes[country] ?? [] {
                try rates.run([.text(country.rawValue), .text(change.effective.description), .integer(change.value.basisPoints)])
            }
        }
        let exchange = try db.prepare("INSERT INTO exchange_rates VALUES (?, ?, ?)")
        for currency in settings.exchangeRates.changes.keys.sorted() {
            for change in settings.exchangeRates.changes[currency] ?? [] {
                try exchange.run([.text(currency.code), .text(change.effective.description), .integer(change.value)])
            }
        }
        let plans = try db.prepare("INSERT INTO plans VALUES (?, ?, ?, ?, ?)")
        let planPrices = try db.prepare("INSERT INTO plan_prices VALUES (?, ?, ?, ?)")
        for id in settings.catalog.planIDs {
            guard let plan = settings.catalog.plans[id] else { continue }
            try plans.run([.text(id), .text(plan.name), .integer(plan.visits), .integer(plan.diskGB), .integer(plan.cdnGB)])
            for (cycle, list) in [(BillingCycle.monthly, plan.monthly), (.annual, plan.annual)] {
                for currency in list.minorUnits.keys.sorted() {
                    try planPrices.run([.text(id), .text(cycle.rawValue), .text(currency.code), .integer(list.minorUnits[currency] ?? 0)])
                }
            }
        }
        let addOns = try db.prepare("INSERT INTO addons VALUES (?, ?, ?, ?)")
        let addOnPrices = try db.prepare("INSERT INTO addon_prices VALUES (?, ?, ?)")
        for id in settings.catalog.addOnIDs {
            guard let addOn = settings.catalog.addOns[id] else { continue }
            try addOns.run([.text(id), .text(addOn.name), .text(addOn.scope.rawValue), .integer(addOn.diskGB)])
            for currency in addOn.monthly.minorUnits.keys.sorted() {
                try addOnPrices.run([.text(id), .text(currency.code), .integer(addOn.monthly.minorUnits[currency] ?? 0)])
            }
        }
        let overage = try db.prepare("INSERT INTO overage_prices VALUES (?, ?, ?)")
        let prices = settings.catalog.overage
        for (metric, list) in [(Metric.visits, prices.per1000Visits), (.cdn, prices.perCDNGB), (.disk, prices.perDiskGB)] {
            for currency in list.minorUnits.keys.sorted() {
                try overage.run([.text(metric.rawValue), .text(currency.code), .integer(list.minorUnits[currency] ?? 0)])
            }
        }
    }

    private func writeUsers(_ users: [User]) throws(SQLiteError) {
        let insert = try db.prepare("INSERT INTO users VALUES (?, ?, ?, ?)")
        for (id, user) in users.enumerated() {
            try insert.bind(1, Int64(id))
            try insert.bind(2, user.email)
            try insert.bind(3, user.name)
            try insert.bind(4, user.notifications.invoiceByEmail ? 1 : 0)
            try insert.insert()
        }
    }

    private func writeOutbox(_ messages: [OutboxMessage]) throws(SQLiteError) {
        let insert = try db.prepare("INSERT INTO outbox VALUES (?, ?, ?, ?, ?, ?, ?)")
        for (position, message) in messages.enumerated() {
            try insert.bind(1, Int64(position))
            try insert.bind(2, message.sentAt.seconds)
            try insert.bind(3, Int64(message.recipient.rawValue))
            try insert.bind(4, Int64(message.company))
            try insert.bind(5, Int64(message.invoice))
            try insert.bind(6, message.number.prefix)
            try insert.bind(7, message.number.sequence)
            try insert.insert()
        }
    }

    private func writeCompanies(_ image: WorldImage) throws(SQLiteError) {
        let tables = try CompanyStatements(db)
        for (index, state) in image.companies.enumerated() {
            try tables.write(state, index: Int64(index), nextDue: image.scheduled[index])
        }
    }
}

/// The prepared inserts of every per-company table.
private struct CompanyStatements {
    let company: SQLiteStatement
    let details: SQLiteStatement
    let sites: SQLiteStatement
    let addOns: SQLiteStatement
    let members: SQLiteStatement
    let invitations: SQLiteStatement
    let pending: SQLiteStatement
    let invoices: SQLiteStatement
    let lines: SQLiteStatement

    init(_ db: SQLiteConnection) throws(SQLiteError) {
        company = try db.prepare("INSERT INTO companies VALUES (\(Array(repeating: "?", count: 31).joined(separator: ", ")))")
        details = try db.prepare("INSERT INTO company_details VALUES (?, ?, ?, ?, ?, ?, ?)")
        sites = try db.prepare("INSERT INTO sites VALUES (?, ?, ?, ?)")
        addOns = try db.prepare("INSERT INTO active_addons VALUES (?, ?, ?, ?, ?)")
        members = try db.prepare("INSERT INTO memberships VALUES (?, ?, ?, ?, ?)")
        invitations = try db.prepare("INSERT INTO invitations VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        pending = try db.prepare("INSERT INTO pending_lines VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        invoices = try db.prepare("INSERT INTO invoices VALUES (\(Array(repeating: "?", count: 19).joined(separator: ", ")))")
        lines = try db.prepare("INSERT INTO invoice_lines VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
    }

    func write(_ s: CompanyState, index: Int64, nextDue: Instant?) throws(SQLiteError) {
        let c = company
        let values: [Int64] = [
            Int64(s.anchor.secondOfDay), Int64(s.periodIndex), s.periodStart.seconds, s.periodBilled ? 1 : 0,
            Int64(s.usageIndex), s.usageStart.seconds, s.usage.visits, s.usage.cdnGB, s.usage.diskGB, s.usage.diskPeakGB,
            s.usage.incurredVisits, s.usage.incurredCDN, s.usage.incurredDisk, s.balance,
        ]
        try c.bind(1, index)
        try c.bind(2, s.id)
        try c.bind(3, s.currency.code)
        try c.bind(4, s.plan)
        try c.bind(5, s.cycle.rawValue)
        try c.bind(6, s.anchorMode.rawValue)
        try c.bind(7, s.anchor.date.description)
        for (offset, value) in values.enumerated() { try c.bind(Int32(8 + offset), value) }
        try c.bind(22, s.numberPrefix)
        try c.bind(23, s.nextSequence)
        try c.bind(24, Int64(s.emailedCount))
        try c.bind(25, s.closed ? 1 : 0)
        try c.bind(26, s.settledUntil.seconds)
        try c.bind(27, s.profile?.visits)
        try c.bind(28, s.profile?.cdnGB)
        try c.bind(29, s.profile?.diskGB)
        try c.bind(30, Int64(bitPattern: s.random.state))
        try c.bind(31, nextDue?.seconds)
        try c.insert()

        for (revision, d) in s.detailsHistory.enumerated() {
            try details.bind(1, index)
            try details.bind(2, Int64(revision))
            try details.bind(3, d.name)
            try details.bind(4, d.address)
            try details.bind(5, d.country.rawValue)
            try details.bind(6, d.vatNumber)
            try details.bind(7, d.paymentMethod)
            try details.insert()
        }
        for (position, site) in s.sites.enumerated() {
            try sites.bind(1, index)
            try sites.bind(2, Int64(position))
            try sites.bind(3, site.id)
            try sites.bind(4, site.name)
            try sites.insert()
        }
        for (position, addOn) in s.addOns.enumerated() {
            try addOns.bind(1, index)
            try addOns.bind(2, Int64(position))
            try addOns.bind(3, addOn.id)
            try addOns.bind(4, addOn.site)
            try addOns.bind(5, addOn.since.seconds)
            try addOns.insert()
        }
        for (position, member) in s.members.enumerated() {
            let (role, sites) = SnapshotCoding.encode(member.role)
            try members.bind(1, index)
            try members.bind(2, Int64(position))
            try members.bind(3, Int64(member.user.rawValue))
            try members.bind(4, role)
            try members.bind(5, sites)
            try members.insert()
        }
        for (position, invitation) in s.invitations.enumerated() {
            let (role, sites) = SnapshotCoding.encode(invitation.role)
            let i = invitations
            try i.bind(1, index)
            try i.bind(2, Int64(position))
            try i.bind(3, Int64(invitation.invitee.rawValue))
            try i.bind(4, role)
            try i.bind(5, sites)
            try i.bind(6, Int64(invitation.invitedBy.rawValue))
            try i.bind(7, invitation.created.seconds)
            try i.bind(8, invitation.expires.seconds)
            try i.bind(9, invitation.status.rawValue)
            try i.insert()
        }
        for (position, line) in s.pendingLines.enumerated() {
            try pending.bind(1, index)
            try pending.bind(2, Int64(position))
            try CompanyStatements.bind(line, to: pending, from: 3)
            try pending.insert()
        }
        for position in 0..<s.invoiceCount {
            let invoice = s.invoice(at: position)
            let v = invoices
            let (tax, basisPoints) = SnapshotCoding.encode(invoice.tax)
            try v.bind(1, index)
            try v.bind(2, Int64(position))
            try v.bind(3, invoice.number?.prefix)
            try v.bind(4, invoice.number?.sequence)
            try v.bind(5, invoice.kind.rawValue)
            try v.bind(6, invoice.cycle.rawValue)
            try v.bind(7, invoice.created.seconds)
            try v.bind(8, invoice.periodStart.seconds)
            try v.bind(9, invoice.periodEnd.seconds)
            try v.bind(10, invoice.currency.code)
            try v.bind(11, invoice.subtotal)
            try v.bind(12, tax)
            try v.bind(13, basisPoints)
            try v.bind(14, invoice.taxAmount)
            try v.bind(15, invoice.total)
            try v.bind(16, invoice.balanceApplied)
            try v.bind(17, invoice.amountDue)
            try v.bind(18, invoice.balanceRemaining)
            try v.bind(19, Int64(invoice.detailsRevision))
            try v.insert()
            for (linePosition, line) in invoice.lines.enumerated() {
                try lines.bind(1, index)
                try lines.bind(2, Int64(position))
                try lines.bind(3, Int64(linePosition))
                try CompanyStatements.bind(line, to: lines, from: 4)
                try lines.insert()
            }
        }
    }

    /// Binds a line's kind, item, site, cycle, quantity, unit price, amount, period and
    /// credited invoice to parameters `first`…`first + 9`.
    static func bind(_ line: InvoiceLine, to statement: SQLiteStatement, from first: Int32) throws(SQLiteError) {
        let (kind, item, site, cycle) = SnapshotCoding.encode(line.kind)
        try statement.bind(first, kind)
        try statement.bind(first + 1, item)
        try statement.bind(first + 2, site)
        try statement.bind(first + 3, cycle)
        try statement.bind(first + 4, line.quantity)
        try statement.bind(first + 5, line.unitPrice)
        try statement.bind(first + 6, line.amount)
        try statement.bind(first + 7, line.periodStart.seconds)
        try statement.bind(first + 8, line.periodEnd.seconds)
        try statement.bind(first + 9, line.credits.map { Int64($0.invoice) })
    }
}
