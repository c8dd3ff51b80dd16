internal import BillingCore

// Actions: what a user does in the dashboard.

extension Parser {
    static let actionKeywords = [
        "view", "manage", "edit", "change", "add", "remove", "invite", "revoke", "accept", "transfer", "close", "turn",
    ]

    static func action(_ reader: inout LineReader) throws(LineReader.Failure) -> Action {
        if reader.accept("turn") {
            try reader.expect("invoice")
            _ = try reader.choice("'email'", ["email", "emails"])
            let on = try reader.choice("'on' or 'off'", ["on", "off"]) == "on"
            let target = reader.accept("for") ? try reader.email("whose setting to change") : nil
            return .turnInvoiceEmail(on: on, for: target)
        }
        let (command, company) = try command(&reader)
        return .command(command, company: company)
    }

    /// A dashboard command and the company it is performed in.
    private static func command(_ reader: inout LineReader) throws(LineReader.Failure) -> (Command, String) {
        switch try reader.choice("an action", actionKeywords) {
        case "view":
            let what = try reader.choice("what to view", ["invoices", "settings", "sites"])
            let company = try of(&reader)
            switch what {
            case "invoices": return (.viewInvoices, company)
            case "settings": return (.viewSettings, company)
            default: return (.viewSites, company)
            }
        case "manage":
            try reader.expect("site")
            let site = try reader.identifier("a site id")
            let company = try of(&reader)
            let environment = reader.optionalChoice(["live", "staging"]) ?? "live"
            return (.manageSite(site, SiteEnvironment(rawValue: environment) ?? .live), company)
        case "edit":
            switch try reader.choice("what to edit", ["details", "payment"]) {
            case "details":
                let company = try of(&reader)
                var name: String?
                var address: String?
                var country: Country?
                var vat: String?
                while let detail = reader.optionalChoice(["name", "address", "country", "vat"]) {
                    switch detail {
                    case "name": name = try reader.string("the new name")
                    case "address": address = try reader.string("the new address")
                    case "country": country = try reader.country()
                    default: vat = try reader.vatNumber("the VAT number, or 'none'")
                    }
                }
                guard name != nil || address != nil || country != nil || vat != nil else {
                    throw reader.failure("say what to edit", hint: "name \"…\", address \"…\", country CC or vat NUMBER")
                }
                return (.editDetails(name: name, address: address, country: country, vatNumber: vat), company)
            default:
                let company = try of(&reader)
                try reader.expect("to")
                return (.editPaymentMethod(try reader.string("the payment method")), company)
            }
        case "change":
            switch try reader.choice("what to change", ["plan", "role"]) {
            case "plan":
                let company = try of(&reader)
                try reader.expect("to")
                let plan = try reader.identifier("a plan id")
                let cycle = reader.optionalChoice(["monthly", "annual"]).flatMap(BillingCycle.init(rawValue:))
                return (.changePlan(plan, cycle: cycle), company)
            default:
                try reader.expect("of")
                let email = try reader.email()
                try reader.expect("in")
                let company = try reader.identifier("a company id")
                try reader.expect("to")
                return (.changeRole(email: email, try role(&reader)), company)
            }
        case "add":
            switch try reader.choice("what to add", ["addon", "site"]) {
            case "addon":
                let addOn = try reader.identifier("an add-on id")
                let site = reader.accept("site") ? try reader.identifier("a site id") : nil
                try reader.expect("to")
                return (.addAddOn(addOn, site: site), try reader.identifier("a company id"))
            default:
                let site = try reader.identifier("the site's id")
                let name = try reader.optionalString("the site's name") ?? site
                try reader.expect("to")
                return (.addSite(Site(id: site, name: name)), try reader.identifier("a company id"))
            }
        case "remove":
            switch try reader.choice("what to remove", ["addon", "site", "user"]) {
            case "addon":
                let addOn = try reader.identifier("an add-on id")
                let site = reader.accept("site") ? try reader.identifier("a site id") : nil
                try reader.expect("from")
                return (.removeAddOn(addOn, site: site), try reader.identifier("a company id"))
            case "site":
                let site = try reader.identifier("a site id")
                try reader.expect("from")
                return (.removeSite(site), try reader.identifier("a company id"))
            default:
                let email = try reader.email()
                try reader.expect("from")
                return (.removeMember(email: email), try reader.identifier("a company id"))
            }
        case "invite":
            let email = try reader.email("the email of the user to invite")
            try reader.expect("to")
            let company = try reader.identifier("a company id")
            try reader.expect("as")
            return (.invite(email: email, try role(&reader)), company)
        case "revoke":
            try reader.expect("invitation")
            try reader.expect("of")
            let email = try reader.email()
            try reader.expect("to")
            return (.revokeInvitation(email: email), try reader.identifier("a company id"))
        case "accept":
            try reader.expect("invitation")
            try reader.expect("to")
            return (.acceptInvitation, try reader.identifier("a company id"))
        case "transfer":
            try reader.expect("ownership")
            let company = try of(&reader)
            try reader.expect("to")
            return (.transferOwnership(email: try reader.email("the new owner's email")), company)
        default:
            try reader.expect("account")
            return (.closeAccount, try of(&reader))
        }
    }

    /// `of C`.
    private static func of(_ reader: inout LineReader) throws(LineReader.Failure) -> String {
        try reader.expect("of")
        return try reader.identifier("a company id")
    }

    /// A role: `administrator`, `admin`, `developer`, `billing`, `owner`,
    /// `site-administrator of S[,S]`, `site-developer of S[,S]`.
    static func role(_ reader: inout LineReader) throws(LineReader.Failure) -> Role {
        let names = ["administrator", "admin", "developer", "billing", "owner", "site-administrator", "site-developer"]
        switch try reader.choice("a role", names) {
        case "administrator", "admin": return .administrator
        case "developer": return .developer
        case "billing": return .billing
        case "owner": return .owner
        case "site-administrator":
            try reader.expect("of")
            return .siteAdministrator(sites: try reader.siteList())
        default:
            try reader.expect("of")
            return .siteDeveloper(sites: try reader.siteList())
        }
    }
}
