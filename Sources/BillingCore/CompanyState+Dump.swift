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
        sink.text(paymentMethod, "payment")
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
        for line in pendingLines {
            sink.record("pending")
            line.write(to: &sink)
        }
        for invoice in invoices { invoice.write(to: &sink) }
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

extension Invoice {
    /// Writes the invoice and its lines as canonical records.
    func write(to sink: inout some CanonicalSink) {
        sink.record("invoice")
        if let number {
            sink.word(number.prefix)
            sink.int(number.sequence)
        } else {
            sink.word("draft")
        }
        sink.word(kind.rawValue)
        sink.word(cycle.rawValue)
        sink.instant(created, "created")
        sink.instant(periodStart, "from")
        sink.instant(periodEnd, "to")
        sink.int(subtotal, "subtotal")
        switch tax {
        case .domestic(let rate): sink.int(rate.basisPoints, "domestic")
        case .destination(let rate): sink.int(rate.basisPoints, "destination")
        case .reverseCharge: sink.word("reverse-charge")
        case .outsideScope: sink.word("no-vat")
        }
        sink.int(taxAmount, "tax")
        sink.int(total, "total")
        sink.int(balanceApplied, "applied")
        sink.int(amountDue, "due")
        sink.int(balanceRemaining, "remaining")
        sink.int(detailsRevision, "details")
        for line in lines {
            sink.record("  line")
            line.write(to: &sink)
        }
    }
}

extension InvoiceLine {
    /// Writes the line's fields into the current record.
    func write(to sink: inout some CanonicalSink) {
        switch kind {
        case .plan(let plan, let cycle), .planCredit(let plan, let cycle), .planCharge(let plan, let cycle):
            sink.word(kind.tag)
            sink.word(plan)
            sink.word(cycle.rawValue)
        case .addOn(let id, let site), .addOnCredit(let id, let site):
            sink.word(kind.tag)
            sink.word(id)
            sink.text(site ?? "-")
        case .overage(let metric):
            sink.word(kind.tag)
            sink.word(metric.rawValue)
        }
        sink.int(quantity, "quantity")
        sink.int(unitPrice, "unit")
        sink.int(amount, "amount")
        sink.instant(periodStart, "from")
        sink.instant(periodEnd, "to")
    }
}

extension InvoiceLine.Kind {
    /// The word naming the kind in the canonical form.
    var tag: String {
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
