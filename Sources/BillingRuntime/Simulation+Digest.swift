internal import BillingCore

// The canonical dump and digest: how tests and users check that two runs agree.

extension Simulation {
    /// The world's header and users as canonical text: seed, time, settings, every user
    /// with their notification setting.
    func headerDump() async -> String {
        let registry = await directory.snapshot
        let now = await clock.now
        let sellerNext = await clock.sellerNext
        var out = "world seed=\(seed) start=\(start.seconds) now=\(now.seconds) numbering=\(settings.numbering.rawValue)"
        out += " seller=\(quoted(settings.seller.name)) \(settings.seller.country) next=\(sellerNext)\n"
        for (index, user) in registry.users.enumerated() {
            out += "user u\(index) \(user.email) \(quoted(user.name)) invoice-email=\(user.notifications.invoiceByEmail)\n"
        }
        return out
    }

    /// The whole world as canonical text: header, users, every company, every email.
    /// Meant for small worlds and for diffing two runs.
    public func canonicalDump() async -> String {
        var out = await headerDump()
        for company in await clock.allCompanies { out += await company.read { $0.canonicalDump() } }
        for message in await outbox.all {
            out += "email \(message.sentAt.seconds) u\(message.recipient.rawValue) c\(message.company) \(message.number)\n"
        }
        return out
    }

    /// SHA-256 over the world, as 64 hex digits: the header's hash, each company's
    /// dump hash in index order (computed in parallel), then the outbox's hash.
    public func digest() async -> String {
        var hash = SHA256()
        hash.update(SHA256.hex(of: await headerDump()))
        for companyDigest in await clock.companyDigests() { hash.update(companyDigest) }
        hash.update(await outbox.digest())
        return SHA256.hexString(hash.finalize())
    }
}
