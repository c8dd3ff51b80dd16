import BillingCore

/// DOMAIN.md's "Roles and permissions" table, copied as text and read as a plain lookup,
/// for the isolation campaign to judge every attempt by.
///
/// It deliberately shares nothing with ``Permissions``: the table is the document's own
/// text, and the few rules around it (which row managing a user falls under, that a user
/// with no role may do nothing) are written here from the document's prose.
enum PermissionModel {
    /// The table as DOMAIN.md has it, minus the notification row (self-only, no role).
    static let markdown = """
        | operation | Owner | Admin | Developer | Billing | Site Admin | Site Dev |
        |---|---|---|---|---|---|---|
        | list / view / download invoices | yes | yes | no | yes | no | no |
        | be a recipient of invoice emails | yes | yes | no | yes | no | no |
        | view company settings | yes | yes | no | yes | no | no |
        | edit company name, address, VAT number | yes | yes | no | yes | no | no |
        | edit payment method | yes | yes | no | yes | no | no |
        | change plan, add or remove add-ons | yes | yes | no | no | no | no |
        | invite, remove, change company-level users | yes | yes | no | no | no | no |
        | invite, remove site-level users | yes | yes | yes | no | no | no |
        | view and manage all sites | yes | yes | yes | no | no | no |
        | view and manage an assigned site | yes | yes | yes | no | assigned | staging of assigned |
        | close the account, transfer ownership | yes | no | no | no | no | no |
        """

    /// The table's columns, in order.
    enum Column: Int, CaseIterable {
        case owner, admin, developer, billing, siteAdmin, siteDev
    }

    /// A member as the model sees one: a column of the table and, for site roles, the
    /// sites assigned.
    struct Member: Equatable {
        var column: Column
        var sites: Set<String> = []
    }

    /// Rows by their first cell, each the six cells after it.
    static let rows: [String: [String]] = {
        var rows: [String: [String]] = [:]
        for line in markdown.split(separator: "\n").dropFirst(2) {
            let cells = line.split(separator: "|").map { $0.trimmingSpaces() }
            rows[cells[0]] = Array(cells.dropFirst())
        }
        return rows
    }()

    static let companyUsers = "invite, remove, change company-level users"
    static let siteUsers = "invite, remove site-level users"

    /// Whether `member` (nil: no role in the company) may do what `row` says, on `site`'s
    /// `live` or staging environment for the site row.
    static func allows(_ row: String, _ member: Member?, site: String? = nil, live: Bool = false) -> Bool {
        guard let member else { return false }  // "can do nothing in it"
        guard let cells = rows[row] else { fatalError("no row '\(row)' in the model") }
        switch cells[member.column.rawValue] {
        case "yes": return true
        case "no": return false
        case "assigned": return site.map(member.sites.contains) ?? false
        case "staging of assigned": return !live && (site.map(member.sites.contains) ?? false)
        case let other: fatalError("unknown cell '\(other)'")
        }
    }

    /// The row for inviting, removing or changing users whose roles (current, new or a
    /// pending invitation's) are `involved`: company-level if any is a company-level
    /// column, otherwise site-level (also when none is involved, as for a non-member).
    static func userRow(_ involved: [Member?]) -> String {
        let companyLevel: Set<Column> = [.owner, .admin, .developer, .billing]
        return involved.contains { $0.map { companyLevel.contains($0.column) } ?? false } ? companyUsers : siteUsers
    }

    /// The model's view of a real role.
    static func member(_ role: Role?) -> Member? {
        switch role {
        case nil: nil
        case .owner: Member(column: .owner)
        case .administrator: Member(column: .admin)
        case .developer: Member(column: .developer)
        case .billing: Member(column: .billing)
        case .siteAdministrator(let sites): Member(column: .siteAdmin, sites: Set(sites))
        case .siteDeveloper(let sites): Member(column: .siteDev, sites: Set(sites))
        }
    }
}

extension Substring {
    fileprivate func trimmingSpaces() -> String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
