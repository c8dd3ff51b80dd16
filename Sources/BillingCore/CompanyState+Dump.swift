// The canonical form of a company: the dump people diff and the input of the digest.

extension CompanyState {
    /// Writes every billing field of the company in a fixed order with sorted
    /// collections, so equal states write equal records. Users appear by directory index
    /// (`user=12`). ``settledUntil`` is left out: it records when the company was last
    /// visited, which depends on how time was advanced, not on what was billed.
    public func write(to sink: inout some CanonicalSink) {
        sink.record("company")
        sink.text(id)
        sink.int(index, "index")
        sink.word(currency.code, "currency")
        sink.word(plan, "plan")
        sink.word(cycle.rawValue, "cycle")
        sink.word(anchorMode.rawValue, "anchor")
        sink.word(anchor.date.description, "anchor-date")
        sink.int(anchor.secondOfDay, "anchor-second")
        sink.int(periodIndex, "period")
        sink.instant(periodStart, "period-start")
        sink.bool(periodBilled, "billed")
        sink.int(usageIndex, "usage")
        sink.instant(usageStart, "usage-start")
        sink.int(balance, "balance")
        sink.bool(closed, "closed")
        sink.word(numberPrefix, "prefix")
        sink.int(nextSequence, "next")
        sink.int(emailedCount, "emailed")
        sink.int(Int64(bitPattern: random.state), "random")
        if let profile {
            sink.record("profile")
            sink.int(profile.visits, "visits")
            sink.int(profile.cdnGB, "cdn")
            sink.int(profile.diskGB, "disk")
        }
        for (revision, details) in detailsHistory.enumerated() {
            sink.record("details")
            sink.int(revision)
            sink.text(details.name)
            sink.text(details.address)
            sink.word(details.country.rawValue)
            sink.text(details.vatNumber)
            sink.text(details.paymentMethod, "payment")
        }
        sink.record("usage")
        for value in [
            usage.visits, usage.cdnGB, usage.diskGB, usage.diskPeakGB, usage.incurredVisits, usage.incurredCDN, usage.incurredDisk,
        ] {
            sink.int(value)
        }
        for site in sites {
            sink.record("site")
            sink.text(site.id)
            sink.text(site.name)
        }
        for addOn in addOns {
            sink.record("addon")
            sink.word(addOn.id)
            sink.text(addOn.site ?? "-")
            sink.instant(addOn.since)
        }
        for member in members {
            sink.record("member")
            sink.int(member.user.rawValue, "user")
            sink.text(member.role.description)
        }
        for invitation in invitations {
            sink.record("invitation")
            sink.int(invitation.invitee.rawValue, "user")
            sink.text(invitation.role.description)
            sink.int(invitation.invitedBy.rawValue, "by")
            sink.instant(invitation.created)
            sink.instant(invitation.expires)
            sink.word(invitation.status.rawValue)
        }
        let invoiced = invoicedLineCount
        for index in invoiced..<lineStore.count {
            sink.record("pending")
            write(line: index, to: &sink)
        }
        var lineStart = 0
        for invoice in invoiceStore {
            write(invoice, to: &sink)
            for index in lineStart..<Int(invoice.lineEnd) {
                sink.record("  line")
                write(line: index, to: &sink)
            }
            lineStart = Int(invoice.lineEnd)
        }
    }

    /// The canonical text of the company.
    public func canonicalDump() -> String {
        var text = CanonicalText()
        write(to: &text)
        return text.finished
    }

    /// SHA-256 over the company's canonical records, without building the text.
    public func canonicalDigest() -> [UInt8] {
        var hash = CanonicalHash()
        write(to: &hash)
        return hash.finalize()
    }
}

extension CompanyState {
    /// Writes an invoice's own record (its lines follow as records of their own).
    private func write(_ invoice: InvoiceRecord, to sink: inout some CanonicalSink) {
        sink.record("invoice")
        switch invoice.series {
        case 0: sink.word("draft")
        case 1:
            sink.word(numberPrefix)
            sink.int(invoice.sequence)
        default:
            sink.word(otherPrefixes[Int(invoice.series) - 2])
            sink.int(invoice.sequence)
        }
        sink.word(invoice.kind.rawValue)
        sink.word(invoice.cycle.rawValue)
        sink.instant(invoice.created, "created")
        sink.instant(invoice.periodStart, "from")
        sink.instant(invoice.periodEnd, "to")
        sink.int(invoice.subtotal, "subtotal")
        switch invoice.tax {
        case .domestic(let rate): sink.int(rate.basisPoints, "domestic")
        case .destination(let rate): sink.int(rate.basisPoints, "destination")
        case .reverseCharge: sink.word("reverse-charge")
        case .outsideScope: sink.word("no-vat")
        }
        sink.int(invoice.taxAmount, "tax")
        sink.int(invoice.total, "total")
        sink.int(invoice.balanceApplied, "applied")
        sink.int(invoice.amountDue, "due")
        sink.int(invoice.balanceRemaining, "remaining")
        sink.int(invoice.detailsRevision, "details")
    }

    /// Writes the fields of the line at `index` into the current record.
    private func write(line index: Int, to sink: inout some CanonicalSink) {
        let line = lineStore[index]
        sink.word(line.tag.word)
        switch line.tag {
        case .plan, .planCredit, .planCharge:
            sink.word(itemNames[Int(line.item)])
            sink.word(BillingCycle(code: line.detail).rawValue)
        case .addOn, .addOnCredit:
            sink.word(itemNames[Int(line.item)])
            sink.text(site(of: line) ?? "-")
        case .overage:
            sink.word(Metric(code: line.detail).rawValue)
        }
        sink.int(line.quantity, "quantity")
        sink.int(line.unitPrice, "unit")
        sink.int(line.amount, "amount")
        sink.instant(line.periodStart, "from")
        sink.instant(line.periodEnd, "to")
        if let credited = creditedPosition(ofLine: index) { sink.int(Int64(credited), "credits") }
    }
}

extension LineRecord.Tag {
    /// The word naming the kind in the canonical form.
    var word: String {
        switch self {
        case .plan: "plan"
        case .addOn: "addon"
        case .overage: "overage"
        case .planCredit: "plan-credit"
        case .planCharge: "plan-charge"
        case .addOnCredit: "addon-credit"
        }
    }
}

/// `text` in double quotes with `\`, `"` and line breaks escaped.
public func quoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": out += "\\\\"
        case "\"": out += "\\\""
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out + "\""
}
