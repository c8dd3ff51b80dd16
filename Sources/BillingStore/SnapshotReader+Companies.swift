internal import BillingCore
internal import BillingRuntime

// Companies and their rows, in parts: a part is a range of company indices, read on its
// own connection (parts run in parallel). Within a part each per-company table is read
// once, over the rowids that hold the part's companies, in row order, and its rows
// handed to their company; positions must run 0, 1, 2, … within each company.

extension SnapshotReader {
    /// A company's children, read before its row.
    struct Partial {
        var details: [CompanyDetails] = []
        var sites: [Site] = []
        var addOns: [ActiveAddOn] = []
        var members: [Membership] = []
        var invitations: [Invitation] = []
        var pending: [InvoiceLine] = []
    }

    /// The companies of one part, with everything they own, and the emails about their
    /// invoices with each one's place in the world's sending order.
    struct Part: Sendable {
        var companies: [CompanyState] = []
        var scheduled: [Instant?] = []
        var emails: [(position: Int64, message: OutboxMessage)] = []
    }

    /// The companies with indices in `range`, with everything they own, of a world of
    /// `count` companies. `catalog` is the world's (lines are stored as indices into its
    /// items). The first part reads each table from its first row and the last to its
    /// last, so that a row of no company is read, and refused, by one of them.
    func readPart(_ range: Range<Int64>, of count: Int64, catalog: Catalog) throws -> Part {
        var partials = [Partial](repeating: Partial(), count: range.count)
        try children(SnapshotSchema.details, "revision", range, of: count, in: &partials, \.details) { row in
            let name = try row.text("name")
            let address = try row.text("address")
            guard let country = Country(rawValue: try row.text("country")) else {
                throw Problem(detail: "company details name an unknown country")
            }
            return CompanyDetails(
                name: name, address: address, country: country, vatNumber: try row.text("vat_number"),
                paymentMethod: try row.text("payment_method"))
        }
        try children(SnapshotSchema.sites, "position", range, of: count, in: &partials, \.sites) { row in
            Site(id: try row.text("id"), name: try row.text("name"))
        }
        try children(SnapshotSchema.activeAddOns, "position", range, of: count, in: &partials, \.addOns) { row in
            ActiveAddOn(id: try row.text("addon"), site: try row.optionalText("site"), since: Instant(seconds: try row.integer("since")))
        }
        try children(SnapshotSchema.memberships, "position", range, of: count, in: &partials, \.members) { row in
            let user = try row.integer("user")
            guard let role = SnapshotCoding.role(try row.text("role"), sites: try row.optionalText("sites")) else {
                throw Problem(detail: "a membership has an unknown role")
            }
            return Membership(user: UserID(Int32(user)), role: role)
        }
        try children(SnapshotSchema.invitations, "position", range, of: count, in: &partials, \.invitations) { row in
            let invitee = try row.integer("invitee")
            let role = SnapshotCoding.role(try row.text("role"), sites: try row.optionalText("sites"))
            let by = try row.integer("invited_by")
            let created = try row.integer("created")
            let expires = try row.integer("expires")
            guard let role, let status = Invitation.Status(rawValue: try row.text("status")) else {
                throw Problem(detail: "an invitation has an unknown role or status")
            }
            return Invitation(
                invitee: UserID(Int32(invitee)), role: role, invitedBy: UserID(Int32(by)), created: Instant(seconds: created),
                expires: Instant(seconds: expires), status: status)
        }
        try children(SnapshotSchema.pendingLines, "position", range, of: count, in: &partials, \.pending) { row in
            try SnapshotReader.line(&row)
        }
        var part = Part()
        // Invoices are read beside the companies, one company's at a time, so that only
        // one company's invoices are ever held as values.
        var invoices = try Cursor(SnapshotSchema.invoices, rowids: try rowids(of: "invoices", range, of: count), db: db)
        let rowids = Rowids(
            first: range.lowerBound == 0 ? Int64.min : range.lowerBound, end: range.upperBound < count ? range.upperBound : nil)
        try forEachRow(SnapshotSchema.companies, rowids: rowids) { row in
            let index = range.lowerBound + Int64(part.companies.count)
            guard try row.integer("idx") == index else { throw Problem(detail: "company indices are not 0, 1, 2, … in order") }
            var own: [Invoice] = []
            while let invoice = try invoices.read({ row in try Self.invoice(&row, of: index, after: own.count, emails: &part.emails) }) {
                own.append(invoice)
                try invoices.advance()
            }
            let (company, nextDue) = try Self.company(
                &row, partials[part.companies.count], invoices: own, index: Int32(index), catalog: catalog)
            part.companies.append(company)
            part.scheduled.append(nextDue)
        }
        guard part.companies.count == range.count, invoices.done else {
            throw Problem(
                detail: "company indices are not 0, 1, 2, … in order, or rows of 'invoices' are not in order of company and position")
        }
        return part
    }

    /// The invoice in `row` when it is the next of company `index` (which has `count`
    /// invoices so far); `nil` when it belongs to a later company. Its emails are added to
    /// `emails`.
    private static func invoice(
        _ row: inout SnapshotRecord, of index: Int64, after count: Int, emails: inout [(position: Int64, message: OutboxMessage)]
    ) throws -> Invoice? {
        let company = try row.integer("company")
        guard company == index else {
            guard company > index else { throw Problem(detail: "rows of 'invoices' are not in order of company and position") }
            return nil
        }
        let position = try row.integer("position")
        guard position == Int64(count) else { throw Problem(detail: "rows of 'invoices' are not in order of company and position") }
        let prefix = try row.optionalText("number_prefix")
        let sequence = try row.optionalInteger("number_sequence")
        let kind = Invoice.Kind(rawValue: try row.text("kind"))
        let cycle = BillingCycle(rawValue: try row.text("cycle"))
        let created = try row.integer("created")
        let periodStart = try row.integer("period_start")
        let periodEnd = try row.integer("period_end")
        let currency = Currency(rawValue: try row.text("currency"))
        let subtotal = try row.integer("subtotal")
        let tax = SnapshotCoding.tax(try row.text("tax"), basisPoints: try row.optionalInteger("tax_basis_points"))
        guard let kind, let cycle, let currency, let tax else {
            throw Problem(detail: "invoice \(position) of company \(company) has an unknown kind, cycle, currency or tax")
        }
        let number = try prefix.map { prefix throws(Problem) in
            guard let sequence else { throw Problem(detail: "invoice \(position) of company \(company) has a prefix but no sequence") }
            return InvoiceNumber(prefix: prefix, sequence: sequence)
        }
        let taxAmount = try row.integer("tax_amount")
        let total = try row.integer("total")
        let balanceApplied = try row.integer("balance_applied")
        let amountDue = try row.integer("amount_due")
        let balanceRemaining = try row.integer("balance_remaining")
        let revision = Int32(try row.integer("details_revision"))
        var lines: [InvoiceLine] = []
        try row.forEachElement("lines") { element in
            let line = try SnapshotReader.line(&element)
            guard line.credits.map({ Int64($0.invoice) < position }) ?? true else {
                throw Problem(
                    detail: "a line of invoice \(position) of company \(company) credits invoice \(line.credits?.invoice ?? 0), "
                        + "not an earlier one")
            }
            lines.append(line)
        }
        let invoice = Invoice(
            number: number, kind: kind, cycle: cycle, created: Instant(seconds: created),
            periodStart: Instant(seconds: periodStart), periodEnd: Instant(seconds: periodEnd), currency: currency, lines: lines,
            subtotal: subtotal, tax: tax, taxAmount: taxAmount, total: total, balanceApplied: balanceApplied, amountDue: amountDue,
            balanceRemaining: balanceRemaining, detailsRevision: revision)
        try row.forEachElement("emails") { element in
            guard let number else { throw Problem(detail: "invoice \(position) of company \(company) has emails but no number") }
            let at = try element.integer("position")
            let recipient = UserID(Int32(try element.integer("recipient")))
            let message = OutboxMessage(
                sentAt: Instant(seconds: try element.integer("sent_at")), recipient: recipient, company: Int32(company),
                invoice: Int32(position), number: number)
            emails.append((at, message))
        }
        guard row.readAll else { throw Problem(detail: "invoices has columns this reader does not read: \(row.unread)") }
        return invoice
    }

    /// One company from its row, children and invoices.
    private static func company(
        _ row: inout SnapshotRecord, _ p: Partial, invoices: [Invoice], index: Int32, catalog: Catalog
    ) throws -> (CompanyState, Instant?) {
        let id = try row.text("id")
        guard let currency = Currency(rawValue: try row.text("currency")) else {
            throw Problem(detail: "company \(id) has an unknown currency")
        }
        let plan = try row.text("plan")
        guard let cycle = BillingCycle(rawValue: try row.text("cycle")), let anchorMode = AnchorMode(rawValue: try row.text("anchor_mode")),
            let anchorDate = CivilDate(parsing: try row.text("anchor_date"))
        else { throw Problem(detail: "company \(id) has an unknown cycle, anchor or anchor date") }
        var anchor = BillingAnchor(start: Instant(anchorDate), mode: .anniversary)
        anchor.secondOfDay = try row.integer("anchor_second")
        let periodIndex = Int(try row.integer("period_index"))
        let periodStart = Instant(seconds: try row.integer("period_start"))
        let periodBilled = try row.integer("period_billed") != 0
        let usageIndex = Int(try row.integer("usage_index"))
        let usageStart = Instant(seconds: try row.integer("usage_start"))
        var usage = Usage()
        usage.visits = try row.integer("visits")
        usage.cdnGB = try row.integer("cdn_gb")
        usage.diskGB = try row.integer("disk_gb")
        usage.diskPeakGB = try row.integer("disk_peak_gb")
        usage.incurredVisits = try row.integer("incurred_visits")
        usage.incurredCDN = try row.integer("incurred_cdn_gb")
        usage.incurredDisk = try row.integer("incurred_disk_gb")
        let balance = try row.integer("balance")
        let numberPrefix = try row.text("number_prefix")
        let nextSequence = try row.integer("next_sequence")
        let emailedCount = Int(try row.integer("emailed_count"))
        let closed = try row.integer("closed") != 0
        let settledUntil = Instant(seconds: try row.integer("settled_until"))
        let visits = try row.optionalInteger("profile_visits")
        let cdn = try row.optionalInteger("profile_cdn_gb")
        let disk = try row.optionalInteger("profile_disk_gb")
        let profile = visits.map { UsageProfile(visits: $0, cdnGB: cdn ?? 0, diskGB: disk ?? 0) }
        let random = SplitMix64(seed: UInt64(bitPattern: try row.integer("random_state")))
        let nextDue = try row.optionalInteger("next_due").map { Instant(seconds: $0) }
        if p.pending.contains(where: { $0.credits.map { Int($0.invoice) >= invoices.count } ?? false }) {
            throw Problem(detail: "a pending line of company \(id) credits an invoice it does not have")
        }
        if invoices.reduce(p.pending.count, { $0 + $1.lines.count }) > 60_000 {
            // A company stores a line's plan or add-on as a 16-bit index.
            var names = Set(catalog.itemIDs)
            for line in p.pending + invoices.flatMap(\.lines) { names.insert(line.kind.item ?? "") }
            guard names.count < 65_000 else { throw Problem(detail: "company \(id)'s lines name more than 65,000 plans and add-ons") }
        }
        let company = CompanyState(
            restoring: id, index: index, detailsHistory: p.details, currency: currency, plan: plan, cycle: cycle,
            anchorMode: anchorMode, anchor: anchor, periodIndex: periodIndex, periodStart: periodStart, periodBilled: periodBilled,
            usageIndex: usageIndex, usageStart: usageStart, usage: usage, sites: p.sites, addOns: p.addOns, pendingLines: p.pending,
            balance: balance, members: p.members, invitations: p.invitations, invoices: invoices, numberPrefix: numberPrefix,
            nextSequence: nextSequence, emailedCount: emailedCount, closed: closed, settledUntil: settledUntil, profile: profile,
            random: random, catalog: catalog)
        return (company, nextDue)
    }

    /// Reads the rows of a per-company `table` (company index, then `position`) that
    /// belong to the companies in `range`, in row order, appending each row's value to
    /// its company's `field`.
    private func children<Row, Owner, T>(
        _ table: SnapshotTable<Row>, _ position: String, _ range: Range<Int64>, of count: Int64, in owners: inout [Owner],
        _ field: WritableKeyPath<Owner, [T]>, _ make: (inout SnapshotRecord) throws -> T
    ) throws {
        var last = range.lowerBound
        try forEachRow(table, rowids: try rowids(of: table.name, range, of: count)) { row in
            let company = try row.integer("company")
            let at = try row.integer(position)
            guard (last..<range.upperBound).contains(company), at == Int64(owners[Int(company - range.lowerBound)][keyPath: field].count)
            else { throw Problem(detail: "rows of '\(table.name)' are not in order of company and position") }
            last = company
            owners[Int(company - range.lowerBound)][keyPath: field].append(try make(&row))
        }
    }

    /// The rowids of `table` holding the companies in `range` of a world of `count`: from
    /// the first row for the first part, to the last for the last.
    private func rowids(of table: String, _ range: Range<Int64>, of count: Int64) throws -> Rowids {
        let first = try firstRowid(of: table, company: range.lowerBound)
        let end = range.upperBound < count ? try firstRowid(of: table, company: range.upperBound) : nil
        // No row of this part's companies or later: nothing to read.
        return first.map { Rowids(first: $0, end: end) } ?? Rowids(first: Int64.max, end: Int64.max)
    }

    /// The first rowid whose row is of a company at `company` or later (`Int64.min` for
    /// company 0), `nil` when no row is: a binary search on rowid. Rows are in company
    /// order; in a file out of order the split falls somewhere, every row is still read
    /// by exactly one part, and the reads refuse the rows out of order.
    private func firstRowid(of table: String, company: Int64) throws -> Int64? {
        guard company > 0 else { return Int64.min }
        let query = try db.prepare("SELECT company FROM \(table) WHERE rowid >= ? ORDER BY rowid LIMIT 1")
        func atOrAfter(_ rowid: Int64) throws -> Bool {
            try query.bind(1, rowid)
            defer { query.reset() }
            return try query.step() ? query.int64(0) >= company : true
        }
        var low = try db.integer("SELECT coalesce(min(rowid), 0) FROM \(table)")
        var high = try db.integer("SELECT coalesce(max(rowid), 0) FROM \(table)")
        guard try atOrAfter(high) else { return nil }
        while low < high {
            // The midpoint without overflow: high - low may not fit an Int64.
            let middle = Int64(bitPattern: UInt64(bitPattern: low) &+ (UInt64(bitPattern: high) &- UInt64(bitPattern: low)) / 2)
            if try atOrAfter(middle) { high = middle } else { low = middle + 1 }
        }
        return low
    }

    /// A line from a `pending_lines` row or an element of `invoices.lines`.
    private static func line(_ row: inout SnapshotRecord) throws -> InvoiceLine {
        let kind = SnapshotCoding.lineKind(
            try row.text("kind"), item: try row.optionalText("item"), site: try row.optionalText("site"),
            cycle: try row.optionalText("cycle"))
        guard let kind else { throw Problem(detail: "an invoice line has an unknown kind") }
        let quantity = try row.integer("quantity")
        let unitPrice = try row.integer("unit_price")
        let amount = try row.integer("amount")
        let periodStart = Instant(seconds: try row.integer("period_start"))
        let periodEnd = Instant(seconds: try row.integer("period_end"))
        // Only the credited invoice's position is stored: the restored company names it.
        let credits = try row.optionalInteger("credits").map { CreditReference(invoice: Int32($0), number: nil, tax: .outsideScope) }
        return InvoiceLine(
            kind: kind, quantity: quantity, unitPrice: unitPrice, amount: amount, periodStart: periodStart, periodEnd: periodEnd,
            credits: credits)
    }
}
