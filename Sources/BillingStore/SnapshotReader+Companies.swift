internal import BillingCore
internal import BillingRuntime

// Companies and their rows: each child table is read once, in row order, and its rows
// handed to their company; positions must run 0, 1, 2, … within each company.

extension SnapshotReader {
    /// A company's row before its children are attached.
    private struct Partial {
        var id: String
        var currency: Currency
        var plan: PlanID
        var cycle: BillingCycle
        var anchorMode: AnchorMode
        var anchor: BillingAnchor
        var numbers: [Int64]
        var numberPrefix: String
        var profile: UsageProfile?
        var random: SplitMix64
        var details: [CompanyDetails] = []
        var sites: [Site] = []
        var addOns: [ActiveAddOn] = []
        var members: [Membership] = []
        var invitations: [Invitation] = []
        var pending: [InvoiceLine] = []
        var invoices: [Invoice] = []
    }

    func readCompanies(catalog: Catalog) throws -> ([CompanyState], [Instant?]) {
        var partials: [Partial] = []
        var scheduled: [Instant?] = []
        let query = try db.prepare("SELECT * FROM companies ORDER BY idx")
        while try query.step() {
            guard query.int64(0) == Int64(partials.count) else { throw Problem(detail: "company indices are not 0, 1, 2, … in order") }
            guard let currency = Currency(rawValue: query.text(2)), let cycle = BillingCycle(rawValue: query.text(4)),
                let anchorMode = AnchorMode(rawValue: query.text(5)), let anchorDate = CivilDate(parsing: query.text(6))
            else { throw Problem(detail: "company \(query.text(1)) has an unknown currency, cycle, anchor or anchor date") }
            var anchor = BillingAnchor(start: Instant(anchorDate), mode: .anniversary)
            anchor.secondOfDay = query.int64(7)
            let profile: UsageProfile? =
                query.isNull(26) ? nil : UsageProfile(visits: query.int64(26), cdnGB: query.int64(27), diskGB: query.int64(28))
            partials.append(
                Partial(
                    id: query.text(1), currency: currency, plan: query.text(3), cycle: cycle,
                    anchorMode: anchorMode, anchor: anchor, numbers: (8...25).map { query.int64(Int32($0)) },
                    numberPrefix: query.text(21), profile: profile, random: SplitMix64(seed: UInt64(bitPattern: query.int64(29)))))
            scheduled.append(query.isNull(30) ? nil : Instant(seconds: query.int64(30)))
        }
        try rows(
            "SELECT company, revision, name, address, country, vat_number, payment_method FROM company_details", in: &partials, \.details
        ) { row in
            guard let country = Country(rawValue: row.text(4)) else { throw Problem(detail: "company details name an unknown country") }
            return CompanyDetails(
                name: row.text(2), address: row.text(3), country: country, vatNumber: row.text(5), paymentMethod: row.text(6))
        }
        try rows("SELECT company, position, id, name FROM sites", in: &partials, \.sites) { row in
            Site(id: row.text(2), name: row.text(3))
        }
        try rows("SELECT company, position, addon, site, since FROM active_addons", in: &partials, \.addOns) { row in
            ActiveAddOn(id: row.text(2), site: row.isNull(3) ? nil : row.text(3), since: Instant(seconds: row.int64(4)))
        }
        try rows("SELECT company, position, user, role, sites FROM memberships", in: &partials, \.members) { row in
            guard let user = Int32(exactly: row.int64(2)),
                let role = SnapshotCoding.role(row.text(3), sites: row.isNull(4) ? nil : row.text(4))
            else { throw Problem(detail: "a membership has an unknown user or role") }
            return Membership(user: UserID(user), role: role)
        }
        try rows(
            "SELECT company, position, invitee, role, sites, invited_by, created, expires, status FROM invitations", in: &partials,
            \.invitations
        ) { row in
            guard let invitee = Int32(exactly: row.int64(2)), let by = Int32(exactly: row.int64(5)),
                let role = SnapshotCoding.role(row.text(3), sites: row.isNull(4) ? nil : row.text(4)),
                let status = Invitation.Status(rawValue: row.text(8))
            else { throw Problem(detail: "an invitation has an unknown user, role or status") }
            return Invitation(
                invitee: UserID(invitee), role: role, invitedBy: UserID(by), created: Instant(seconds: row.int64(6)),
                expires: Instant(seconds: row.int64(7)), status: status)
        }
        let lineColumns = "kind, item, site, cycle, quantity, unit_price, amount, period_start, period_end, credits"
        try rows("SELECT company, position, \(lineColumns) FROM pending_lines", in: &partials, \.pending) { row in
            try SnapshotReader.line(row, from: 2)
        }
        try readInvoices(into: &partials)
        for p in partials where p.pending.contains(where: { $0.credits.map { Int($0.invoice) >= p.invoices.count } ?? false }) {
            throw Problem(detail: "a pending line of company \(p.id) credits an invoice it does not have")
        }
        for p in partials where p.invoices.reduce(p.pending.count, { $0 + $1.lines.count }) > 60_000 {
            // A company stores a line's plan or add-on as a 16-bit index.
            var names = Set(catalog.itemIDs)
            for line in p.pending + p.invoices.flatMap(\.lines) { names.insert(line.kind.item ?? "") }
            guard names.count < 65_000 else { throw Problem(detail: "company \(p.id)'s lines name more than 65,000 plans and add-ons") }
        }
        let companies = partials.enumerated().map { index, p in
            CompanyState(
                restoring: p.id, index: Int32(index), detailsHistory: p.details, currency: p.currency, plan: p.plan, cycle: p.cycle,
                anchorMode: p.anchorMode, anchor: p.anchor,
                periodIndex: Int(p.numbers[0]), periodStart: Instant(seconds: p.numbers[1]), periodBilled: p.numbers[2] != 0,
                usageIndex: Int(p.numbers[3]), usageStart: Instant(seconds: p.numbers[4]),
                usage: SnapshotReader.usage(p.numbers[5...12]), sites: p.sites, addOns: p.addOns, pendingLines: p.pending,
                balance: p.numbers[12], members: p.members, invitations: p.invitations, invoices: p.invoices,
                numberPrefix: p.numberPrefix, nextSequence: p.numbers[14], emailedCount: Int(p.numbers[15]),
                closed: p.numbers[16] != 0, settledUntil: Instant(seconds: p.numbers[17]), profile: p.profile, random: p.random,
                catalog: catalog)
        }
        return (companies, scheduled)
    }

    private func readInvoices(into partials: inout [Partial]) throws {
        try rows(
            """
            SELECT company, position, number_prefix, number_sequence, kind, cycle, created, period_start, period_end, currency,
            subtotal, tax, tax_basis_points, tax_amount, total, balance_applied, amount_due, balance_remaining, details_revision
            FROM invoices
            """, in: &partials, \.invoices
        ) { row in
            guard let kind = Invoice.Kind(rawValue: row.text(4)), let cycle = BillingCycle(rawValue: row.text(5)),
                let currency = Currency(rawValue: row.text(9)),
                let tax = SnapshotCoding.tax(row.text(11), basisPoints: row.isNull(12) ? nil : row.int64(12)),
                let revision = Int32(exactly: row.int64(18))
            else { throw Problem(detail: "an invoice has an unknown kind, cycle, currency or tax") }
            let number = row.isNull(2) ? nil : InvoiceNumber(prefix: row.text(2), sequence: row.int64(3))
            return Invoice(
                number: number, kind: kind, cycle: cycle, created: Instant(seconds: row.int64(6)),
                periodStart: Instant(seconds: row.int64(7)), periodEnd: Instant(seconds: row.int64(8)), currency: currency,
                lines: [], subtotal: row.int64(10), tax: tax, taxAmount: row.int64(13), total: row.int64(14),
                balanceApplied: row.int64(15), amountDue: row.int64(16), balanceRemaining: row.int64(17), detailsRevision: revision)
        }
        let query = try db.prepare(
            "SELECT company, invoice, position, kind, item, site, cycle, quantity, unit_price, amount, period_start, period_end, "
                + "credits FROM invoice_lines ORDER BY rowid")
        while try query.step() {
            let company = query.int64(0)
            let invoice = query.int64(1)
            guard (0..<Int64(partials.count)).contains(company), (0..<Int64(partials[Int(company)].invoices.count)).contains(invoice),
                query.int64(2) == Int64(partials[Int(company)].invoices[Int(invoice)].lines.count)
            else { throw Problem(detail: "invoice_lines rows are not in order of company, invoice and position") }
            let line = try SnapshotReader.line(query, from: 3)
            guard line.credits.map({ Int64($0.invoice) < invoice }) ?? true else {
                throw Problem(
                    detail:
                        "a line of invoice \(invoice) of company \(company) credits invoice \(line.credits?.invoice ?? 0), not an earlier one"
                )
            }
            partials[Int(company)].invoices[Int(invoice)].lines.append(line)
        }
    }

    /// Reads `sql` (whose first two columns are company index and position) in row
    /// order, appending each row's value to its company's `field`.
    private func rows<T>(
        _ sql: String, in partials: inout [Partial], _ field: WritableKeyPath<Partial, [T]>, _ make: (SQLiteStatement) throws -> T
    ) throws {
        let query = try db.prepare(sql + " ORDER BY rowid")
        while try query.step() {
            let company = query.int64(0)
            guard (0..<Int64(partials.count)).contains(company), query.int64(1) == Int64(partials[Int(company)][keyPath: field].count)
            else { throw Problem(detail: "rows of '\(sql.split(separator: " ").last ?? "")' are not in order of company and position") }
            partials[Int(company)][keyPath: field].append(try make(query))
        }
    }

    private static func line(_ row: SQLiteStatement, from first: Int32) throws -> InvoiceLine {
        guard
            let kind = SnapshotCoding.lineKind(
                row.text(first), item: row.isNull(first + 1) ? nil : row.text(first + 1),
                site: row.isNull(first + 2) ? nil : row.text(first + 2), cycle: row.isNull(first + 3) ? nil : row.text(first + 3))
        else { throw Problem(detail: "an invoice line has an unknown kind") }
        // Only the credited invoice's position is stored: the restored company names it.
        let credits = row.isNull(first + 9) ? nil : CreditReference(invoice: Int32(row.int64(first + 9)), number: nil, tax: .outsideScope)
        return InvoiceLine(
            kind: kind, quantity: row.int64(first + 4), unitPrice: row.int64(first + 5), amount: row.int64(first + 6),
            periodStart: Instant(seconds: row.int64(first + 7)), periodEnd: Instant(seconds: row.int64(first + 8)), credits: credits)
    }

    private static func usage(_ numbers: ArraySlice<Int64>) -> Usage {
        let n = Array(numbers)
        var usage = Usage()
        usage.visits = n[0]
        usage.cdnGB = n[1]
        usage.diskGB = n[2]
        usage.diskPeakGB = n[3]
        usage.incurredVisits = n[4]
        usage.incurredCDN = n[5]
        usage.incurredDisk = n[6]
        return usage
    }
}
