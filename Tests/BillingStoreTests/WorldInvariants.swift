import BillingCore
import BillingRuntime

/// An independent check of everything a world must hold, written apart from
/// `WorldImage.validate()` so that the campaign tests the restore against it rather
/// than against itself. Returns the broken invariants (empty for a sound world).
enum WorldInvariants {
    static func broken(in image: WorldImage) -> [String] {
        var problems: [String] = []
        if Set(image.users.map(\.email)).count != image.users.count { problems.append("two users share an email") }
        if image.companies.count != image.scheduled.count { problems.append("schedule and companies differ in count") }
        let monthEndToRun = image.now == image.start && image.start.isMonthStart && image.nextMonthEnd == image.now
        if image.nextMonthEnd != image.now.nextMonthStart && !monthEndToRun { problems.append("the month end does not follow now") }
        if Set(image.companies.map(\.id)).count != image.companies.count { problems.append("two companies share an id") }
        var sellerNumbers: [InvoiceNumber] = []
        for (index, company) in image.companies.enumerated() {
            let name = "company \(index)"
            if company.members.filter({ $0.role == .owner }).count != 1 { problems.append("\(name): not exactly one Owner") }
            if Set(company.members.map(\.user)).count != company.members.count { problems.append("\(name): a member twice") }
            for member in company.members where !image.users.indices.contains(Int(member.user.rawValue)) {
                problems.append("\(name): a member who is not a user")
            }
            let sites = Set(company.sites.map(\.id))
            if sites.count != company.sites.count { problems.append("\(name): a site twice") }
            for member in company.members {
                switch member.role {
                case .siteAdministrator(let named), .siteDeveloper(let named):
                    if !Set(named).isSubset(of: sites) { problems.append("\(name): a site role naming a missing site") }
                default: break
                }
            }
            for addOn in company.addOns where addOn.site.map({ !sites.contains($0) }) ?? false {
                problems.append("\(name): an add-on on a missing site")
            }
            if image.settings.catalog.plans[company.plan]?.price(company.cycle, in: company.currency) == nil {
                problems.append("\(name): a plan with no price")
            }
            if company.balance < 0 { problems.append("\(name): a negative balance") }
            if !company.detailsHistory.allSatisfy({ Country.assigned.contains($0.country.rawValue) }) {
                problems.append("\(name): an unknown country")
            }
            if !company.closed, let due = company.nextDue, due <= image.now { problems.append("\(name): billing not done by now") }
            if company.emailedCount > company.invoices.count { problems.append("\(name): more emailed than invoices") }
            let numbers = company.invoices.compactMap(\.number)
            if Set(numbers).count != numbers.count { problems.append("\(name): an invoice number twice") }
            if image.settings.numbering == .perCompany {
                if numbers.contains(where: { $0.sequence >= company.nextSequence }) { problems.append("\(name): a number not yet issued") }
            } else {
                sellerNumbers += numbers
            }
            for invoice in company.invoices {
                let lines = invoice.lines.reduce(Int64(0)) { $0 &+ $1.amount }
                if lines != invoice.subtotal { problems.append("\(name): a subtotal that is not its lines") }
                if invoice.subtotal &+ invoice.taxAmount != invoice.total { problems.append("\(name): a total that is not subtotal + tax") }
                if invoice.amountDue != max(0, invoice.total &- invoice.balanceApplied) { problems.append("\(name): a wrong amount due") }
                if invoice.balanceRemaining < 0 || invoice.balanceApplied < 0 {
                    problems.append("\(name): a negative balance on an invoice")
                }
                if !company.detailsHistory.indices.contains(Int(invoice.detailsRevision)) { problems.append("\(name): a missing revision") }
            }
        }
        if Set(sellerNumbers).count != sellerNumbers.count { problems.append("a seller-wide number twice") }
        if sellerNumbers.contains(where: { $0.sequence >= image.sellerNext }) { problems.append("a seller-wide number not yet issued") }
        for message in image.outbox {
            guard image.companies.indices.contains(Int(message.company)),
                image.companies[Int(message.company)].invoices.indices.contains(Int(message.invoice)),
                image.users.indices.contains(Int(message.recipient.rawValue))
            else {
                problems.append("an email about nothing")
                continue
            }
            if image.companies[Int(message.company)].invoices[Int(message.invoice)].number != message.number {
                problems.append("an email with another number")
            }
        }
        return problems
    }
}
