// The canonical dump: one stable text form of a company, the input of the world digest.

extension CompanyState {
    /// Every billing field of the company as text, in a fixed order with sorted
    /// collections, so equal states give equal bytes. Users appear by directory index
    /// (`u12`). ``settledUntil`` is left out: it records when the company was last
    /// visited, which depends on how time was advanced, not on what was billed.
    public func canonicalDump() -> String {
        var out = ""
        out.reserveCapacity(256 + invoices.count * 200)
        out += "company \(quoted(id)) index=\(index) currency=\(currency.code) plan=\(plan) cycle=\(cycle.rawValue)"
        out +=
            " anchor=\(anchorMode.rawValue)@\(anchor.date)+\(anchor.secondOfDay) period=\(periodIndex):\(periodStart.seconds):\(periodBilled)"
        out += " usage=\(usageIndex):\(usageStart.seconds) balance=\(balance) closed=\(closed)"
        out += " prefix=\(numberPrefix) next=\(nextSequence) emailed=\(emailedCount) payment=\(quoted(paymentMethod))"
        out += " random=\(random.state) profile=\(profile.map { "\($0.visits)/\($0.cdnGB)/\($0.diskGB)" } ?? "-")\n"
        for (revision, d) in detailsHistory.enumerated() {
            out += "details \(revision) \(quoted(d.name)) \(quoted(d.address)) \(d.country) \(quoted(d.vatNumber))\n"
        }
        out +=
            "usage \(usage.visits) \(usage.cdnGB) \(usage.diskGB) \(usage.diskPeakGB) \(usage.incurredVisits) \(usage.incurredCDN) \(usage.incurredDisk)\n"
        for site in sites { out += "site \(quoted(site.id)) \(quoted(site.name))\n" }
        for addOn in addOns { out += "addon \(addOn.id) \(addOn.site.map(quoted) ?? "-") \(addOn.since.seconds)\n" }
        for member in members { out += "member u\(member.user.rawValue) \(quoted(member.role.description))\n" }
        for i in invitations {
            out +=
                "invitation u\(i.invitee.rawValue) \(quoted(i.role.description)) by=u\(i.invitedBy.rawValue) \(i.created.seconds) \(i.expires.seconds) \(i.status.rawValue)\n"
        }
        for line in pendingLines { out += "pending " + line.canonical + "\n" }
        for invoice in invoices {
            out +=
                "invoice \(invoice.number?.description ?? "draft") \(invoice.kind.rawValue) \(invoice.cycle.rawValue) \(invoice.created.seconds)"
            out +=
                " \(invoice.periodStart.seconds)-\(invoice.periodEnd.seconds) \(invoice.subtotal) \(invoice.tax.canonical) \(invoice.taxAmount)"
            out +=
                " \(invoice.total) \(invoice.balanceApplied) \(invoice.amountDue) \(invoice.balanceRemaining) r\(invoice.detailsRevision)\n"
            for line in invoice.lines { out += "  " + line.canonical + "\n" }
        }
        return out
    }
}

extension InvoiceLine {
    /// The line as one stable text.
    var canonical: String {
        "\(kind.canonical) \(quantity) \(unitPrice) \(amount) \(periodStart.seconds)-\(periodEnd.seconds)"
    }
}

extension InvoiceLine.Kind {
    var canonical: String {
        switch self {
        case .plan(let plan, let cycle): "plan:\(plan):\(cycle.rawValue)"
        case .addOn(let id, let site): "addon:\(id):\(site ?? "-")"
        case .overage(let metric): "overage:\(metric.rawValue)"
        case .planCredit(let plan, let cycle): "plan-credit:\(plan):\(cycle.rawValue)"
        case .planCharge(let plan, let cycle): "plan-charge:\(plan):\(cycle.rawValue)"
        case .addOnCredit(let id, let site): "addon-credit:\(id):\(site ?? "-")"
        }
    }
}

extension TaxTreatment {
    var canonical: String {
        switch self {
        case .domestic(let rate): "domestic:\(rate.basisPoints)"
        case .reverseCharge: "reverse-charge"
        case .destination(let rate): "destination:\(rate.basisPoints)"
        case .outsideScope: "none"
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
