// The invoice and line stores: compact records in two arrays per company, read back as
// `Invoice` and `InvoiceLine` values on demand.

extension CompanyState {
    /// The number of invoices.
    public var invoiceCount: Int { invoiceStore.count }

    /// The number of lines on all invoices (pending lines not counted).
    public var invoicedLineCount: Int { Int(invoiceStore.last?.lineEnd ?? 0) }

    /// The invoice at `position` (creation order), built from the store.
    ///
    /// - Complexity: O(its lines).
    public func invoice(at position: Int) -> Invoice {
        let record = invoiceStore[position]
        return Invoice(
            number: number(of: record), kind: record.kind, cycle: record.cycle, created: record.created,
            periodStart: record.periodStart, periodEnd: record.periodEnd, currency: record.currency, lines: lines(of: position),
            subtotal: record.subtotal, tax: record.tax, taxAmount: record.taxAmount, total: record.total,
            balanceApplied: record.balanceApplied, amountDue: record.amountDue, balanceRemaining: record.balanceRemaining,
            detailsRevision: record.detailsRevision)
    }

    /// Every invoice in the order they were created, built from the store.
    ///
    /// - Complexity: O(invoices + lines), with an allocation per invoice: for reports
    ///   and tests; loops over many companies read ``invoiceCount``,
    ///   ``invoiceNumber(at:)`` or ``invoice(at:)`` instead.
    public var invoices: [Invoice] { invoiceStore.indices.map(invoice(at:)) }

    /// The number of the invoice at `position`; `nil` for a seller-wide draft.
    public func invoiceNumber(at position: Int) -> InvoiceNumber? { number(of: invoiceStore[position]) }

    /// The instant the invoice at `position` was finalized.
    public func invoiceCreated(at position: Int) -> Instant { invoiceStore[position].created }

    /// The amount charged and the amount due of the invoice at `position`.
    public func invoiceAmounts(at position: Int) -> (total: Int64, amountDue: Int64) {
        (invoiceStore[position].total, invoiceStore[position].amountDue)
    }

    /// The lines of the invoice at `position`.
    public func lines(of position: Int) -> [InvoiceLine] { lineRange(of: position).map { line(lineStore[$0]) } }

    /// Lines waiting for the next invoice (small prorations, removed add-ons).
    public var pendingLines: [InvoiceLine] { lineStore[invoicedLineCount...].map(line) }

    /// Where the lines of the invoice at `position` lie in the line store.
    func lineRange(of position: Int) -> Range<Int> {
        (position == 0 ? 0 : Int(invoiceStore[position - 1].lineEnd))..<Int(invoiceStore[position].lineEnd)
    }

    /// The number a record carries, with its series' prefix.
    func number(of record: InvoiceRecord) -> InvoiceNumber? {
        switch record.series {
        case 0: nil
        case 1: InvoiceNumber(prefix: numberPrefix, sequence: record.sequence)
        default: InvoiceNumber(prefix: otherPrefixes[Int(record.series) - 2], sequence: record.sequence)
        }
    }

    /// The series code of `prefix`: 1 for the company's own, else its place among
    /// ``otherPrefixes`` (added on first use).
    mutating func series(of prefix: String) -> Int32 {
        if prefix == numberPrefix { return 1 }
        if let index = otherPrefixes.firstIndex(of: prefix) { return Int32(index + 2) }
        otherPrefixes.append(prefix)
        return Int32(otherPrefixes.count + 1)
    }

    /// The readable line of `record`.
    func line(_ record: LineRecord) -> InvoiceLine {
        InvoiceLine(
            kind: kind(of: record), quantity: record.quantity, unitPrice: record.unitPrice, amount: record.amount,
            periodStart: record.periodStart, periodEnd: record.periodEnd)
    }

    /// The readable kind of `record`.
    func kind(of record: LineRecord) -> InvoiceLine.Kind {
        let item = itemNames.isEmpty ? "" : itemNames[Int(record.item)]
        switch record.tag {
        case .plan: return .plan(item, BillingCycle(code: record.detail))
        case .addOn: return .addOn(item, site: site(of: record))
        case .overage: return .overage(Metric(code: record.detail))
        case .planCredit: return .planCredit(item, BillingCycle(code: record.detail))
        case .planCharge: return .planCharge(item, BillingCycle(code: record.detail))
        case .addOnCredit: return .addOnCredit(item, site: site(of: record))
        }
    }

    /// The site a record names, `nil` for none.
    func site(of record: LineRecord) -> SiteID? { record.site < 0 ? nil : lineSites[Int(record.site)] }

    /// Inserts `line` into the line store at `index`, compacted. Every record goes into
    /// the store as soon as it is made: adding a site to ``lineSites`` renumbers the
    /// records already there.
    mutating func insertLine(_ line: InvoiceLine, at index: Int, catalog: Catalog) {
        let record = compact(line, catalog: catalog)
        lineStore.insert(record, at: index)
    }

    /// Appends `line` to the pending lines.
    mutating func appendPending(_ line: InvoiceLine, catalog: Catalog) {
        let record = compact(line, catalog: catalog)
        lineStore.append(record)
    }

    private mutating func compact(_ line: InvoiceLine, catalog: Catalog) -> LineRecord {
        if itemNames.isEmpty { itemNames = catalog.itemIDs }
        var record = LineRecord(
            tag: .overage, detail: 0, item: 0, site: -1, quantity: line.quantity, unitPrice: line.unitPrice, amount: line.amount,
            periodStart: line.periodStart, periodEnd: line.periodEnd)
        switch line.kind {
        case .plan(let plan, let cycle), .planCredit(let plan, let cycle), .planCharge(let plan, let cycle):
            record.tag = line.kind.recordTag
            record.detail = cycle.code
            record.item = itemIndex(plan, catalog)
        case .addOn(let id, let site), .addOnCredit(let id, let site):
            record.tag = line.kind.recordTag
            record.item = itemIndex(id, catalog)
            record.site = siteIndex(site)
        case .overage(let metric):
            record.detail = metric.code
        }
        return record
    }

    /// The index of `name` in ``itemNames``, appended when the catalog lacks it.
    private mutating func itemIndex(_ name: String, _ catalog: Catalog) -> UInt16 {
        if let index = catalog.itemPositions[name], index < itemNames.count, itemNames[index] == name { return UInt16(index) }
        if let index = itemNames.firstIndex(of: name) { return UInt16(index) }
        precondition(itemNames.count < Int(UInt16.max), "a company's lines name more than 65,535 plans and add-ons")
        itemNames.append(name)
        return UInt16(itemNames.count - 1)
    }

    /// The index of `site` in ``lineSites``, inserted in sorted order (renumbering the
    /// records that name later sites) when new; -1 for none.
    private mutating func siteIndex(_ site: SiteID?) -> Int32 {
        guard let site else { return -1 }
        var low = 0
        var high = lineSites.count
        while low < high {
            let middle = (low + high) / 2
            if lineSites[middle] < site { low = middle + 1 } else { high = middle }
        }
        if low < lineSites.count, lineSites[low] == site { return Int32(low) }
        lineSites.insert(site, at: low)
        for index in lineStore.indices where lineStore[index].site >= low { lineStore[index].site += 1 }
        return Int32(low)
    }
}

extension InvoiceLine.Kind {
    /// The record tag of the kind.
    var recordTag: LineRecord.Tag {
        switch self {
        case .plan: .plan
        case .addOn: .addOn
        case .overage: .overage
        case .planCredit: .planCredit
        case .planCharge: .planCharge
        case .addOnCredit: .addOnCredit
        }
    }
}
