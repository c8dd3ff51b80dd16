internal import BillingCore

// The canonical dump and digest: how tests and users check that two runs agree.

extension Simulation {
    /// Writes the world's header and users: seed, time, settings, every user with their
    /// notification setting.
    private func writeHeader(to sink: inout some CanonicalSink, users: UserRegistry, now: Instant, sellerNext: Int64) {
        sink.record("world")
        sink.word(String(seed), "seed")
        sink.instant(start, "start")
        sink.instant(now, "now")
        sink.word(settings.numbering.rawValue, "numbering")
        sink.text(settings.seller.name, "seller")
        sink.word(settings.seller.country.rawValue, "country")
        sink.int(sellerNext, "next")
        for (index, user) in users.users.enumerated() {
            sink.record("user")
            sink.int(index)
            sink.word(user.email)
            sink.text(user.name)
            sink.bool(user.notifications.invoiceByEmail, "invoice-email")
        }
    }

    private static func write(_ message: OutboxMessage, to sink: inout some CanonicalSink) {
        sink.record("email")
        sink.instant(message.sentAt, "sent")
        sink.int(message.recipient.rawValue, "to")
        sink.int(message.company, "company")
        sink.int(message.invoice, "invoice")
        sink.word(message.number.prefix)
        sink.int(message.number.sequence)
    }

    /// The whole world as canonical text: header, users, every company, every email.
    /// Meant for small worlds and for diffing two runs.
    public func canonicalDump() async -> String {
        var text = CanonicalText()
        writeHeader(to: &text, users: await directory.snapshot, now: await clock.now, sellerNext: await clock.sellerNext)
        var out = text.finished
        for company in await clock.allCompanies { out += await company.read { $0.canonicalDump() } }
        var emails = CanonicalText()
        for message in await outbox.all { Simulation.write(message, to: &emails) }
        return out + emails.finished
    }

    /// The SHA-256 of every company's canonical records, in index order, computed in
    /// parallel.
    public func companyDigests() async -> [[UInt8]] { await clock.companyDigests() }

    /// SHA-256 over the world's canonical records, as 64 hex digits: the header's hash,
    /// each company's hash in index order (computed in parallel), then the hash of the
    /// outbox. No text is built.
    ///
    /// The header (with every user) and the outbox depend on no company, so their two
    /// hashes are worked out while the companies' are, and the world hash takes the three
    /// in the same fixed order: the bytes hashed, and so the digest, do not change.
    public func digest() async -> String {
        let users = await directory.snapshot
        let now = await clock.now
        let sellerNext = await clock.sellerNext
        let messages = await outbox.all
        async let header = headerDigest(users: users, now: now, sellerNext: sellerNext)
        async let emails = Simulation.emailsDigest(messages)
        let companyDigests = await clock.companyDigests()
        var world = SHA256()
        world.update(await header)
        for companyDigest in companyDigests { world.update(companyDigest) }
        world.update(await emails)
        return SHA256.hexString(world.finalize())
    }

    /// The hash of the header's records.
    private func headerDigest(users: UserRegistry, now: Instant, sellerNext: Int64) async -> [UInt8] {
        var header = CanonicalHash()
        writeHeader(to: &header, users: users, now: now, sellerNext: sellerNext)
        return header.finalize()
    }

    /// The hash of the outbox's records.
    private static func emailsDigest(_ messages: [OutboxMessage]) async -> [UInt8] {
        var emails = CanonicalHash()
        for message in messages { write(message, to: &emails) }
        return emails.finalize()
    }
}
