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
    public func lines(of position: Int) -> [InvoiceLine] { lineRange(of: position).map(line(at:)) }

    /// Lines waiting for the next invoice (small prorations, removed add-ons).
    public var pendingLines: [InvoiceLine] { (invoicedLineCount..<lineStore.count).map(line(at:)) }

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

    /// The readable line at `index` of the line store.
    func line(at index: Int) -> InvoiceLine {
        let record = lineStore[index]
        return InvoiceLine(
            kind: kind(of: record), quantity: record.quantity, unitPrice: record.unitPrice, amount: record.amount,
            periodStart: record.periodStart, periodEnd: record.periodEnd, credits: credit(ofLine: index))
    }

    /// The invoice the line at `index` credits, if it is such a credit.
    func credit(ofLine index: Int) -> CreditReference? {
        guard let position = creditedPosition(ofLine: index), position < invoiceStore.count else { return nil }
        let record = invoiceStore[Int(position)]
        return CreditReference(invoice: position, number: number(of: record), tax: record.tax)
    }

    /// The credited invoice's position for the line at `index`, from ``lineCredits``.
    func creditedPosition(ofLine index: Int) -> Int32? {
        var low = 0
        var high = lineCredits.count
        while low < high {
            let middle = (low + high) / 2
            if lineCredits[middle].line < index { low = middle + 1 } else { high = middle }
        }
        return low < lineCredits.count && lineCredits[low].line == index ? lineCredits[low].invoice : nil
    }

    /// How far back a credit looks for the invoiced charge it reverses: far more lines
    /// than a period holds, short of what a hostile script could make it scan each time.
    static let creditLookback = 4_096

    /// The invoice that charged the item a credit of `kind` reverses for the time from
    /// `now`: the latest plan or plan-charge line of the same plan and cycle (a plan
    /// credit), or add-on line of the same add-on and site (an add-on credit), whose
    /// period holds `now`. `nil` when that charge is not invoiced yet (it is pending: the
    /// credit joins its document) or lies beyond ``creditLookback`` lines.
    func creditedInvoice(for kind: InvoiceLine.Kind, at now: Instant) -> Int32? {
        let tags: [LineRecord.Tag]
        var detail: UInt8?
        var site: Int32?
        switch kind {
        case .planCredit(_, let cycle):
            tags = [.plan, .planCharge]
            detail = cycle.code
        case .addOnCredit(_, let siteID):
            tags = [.addOn]
            if let siteID {
                guard let index = lineSites.firstIndex(of: siteID) else { return nil }
                site = Int32(index)
            } else {
                site = -1
            }
        default: return nil
        }
        guard let item = kind.item.flatMap({ itemNames.firstIndex(of: $0) }) else { return nil }
        // From the newest line, pending ones included: a plan switched away and back has
        // its current charge pending while the first invoice's charge still covers `now`.
        let end = lineStore.count
        for index in stride(from: end - 1, through: max(0, end - CompanyState.creditLookback), by: -1) {
            let record = lineStore[index]
            guard tags.contains(record.tag), Int(record.item) == item, detail.map({ $0 == record.detail }) ?? true,
                site.map({ $0 == record.site }) ?? true, record.periodStart <= now, now < record.periodEnd
            else { continue }
            return index < invoicedLineCount ? Int32(invoicePosition(ofLine: index)) : nil
        }
        return nil
    }

    /// The position of the invoice holding the invoiced line at `index`.
    func invoicePosition(ofLine index: Int) -> Int {
        var low = 0
        var high = invoiceStore.count
        while low < high {
            let middle = (low + high) / 2
            if Int(invoiceStore[middle].lineEnd) <= index { low = middle + 1 } else { high = middle }
        }
        return low
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
        var position = lineCredits.count
        while position > 0, lineCredits[position - 1].line >= index {
            position -= 1
            lineCredits[position].line += 1
        }
        if let credited = line.credits { lineCredits.insert(LineCredit(line: Int32(index), invoice: credited.invoice), at: position) }
    }

    /// Appends `line` to the pending lines.
    mutating func appendPending(_ line: InvoiceLine, catalog: Catalog) {
        let record = compact(line, catalog: catalog)
        lineStore.append(record)
        if let credited = line.credits { lineCredits.append(LineCredit(line: Int32(lineStore.count - 1), invoice: credited.invoice)) }
    }

    /// `line` naming the invoice whose charge it reverses from `now`, if one is invoiced.
    func crediting(_ line: InvoiceLine, at now: Instant) -> InvoiceLine {
        var line = line
        if let position = creditedInvoice(for: line.kind, at: now) {
            let record = invoiceStore[Int(position)]
            line.credits = CreditReference(invoice: position, number: number(of: record), tax: record.tax)
        }
        return line
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
