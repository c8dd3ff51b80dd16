internal import BillingCore
internal import BillingRuntime

extension WorldExport {
    /// One rendered outbox message.
    struct RenderedMail: Sendable {
        var mail: InvoiceMail
        var bytes: [UInt8]
    }

    /// Renders every outbox message in sending order, `width` batches at a time, and hands
    /// each batch to `consume` in order. `folder` and `prefix`, when given, receive each
    /// message as `emails/<n>.eml` as it is rendered.
    static func forEachMail(
        of world: WorldDocuments, width: Int, folder: ExportFolder?, prefix: String,
        _ consume: ([RenderedMail]) async throws(ExportError) -> Void
    ) async throws(ExportError) {
        let messages = world.messages
        try await inOrderedBatches(count: messages.count, batchSize: 128, width: width) { range in
            await capture { () async throws(ExportError) in
                var batch: [RenderedMail] = []
                for position in range {
                    let mail = world.mail(messages[position], position: position + 1)
                    let bytes = mail.message(attaching: InvoicePDF.render(mail.document))
                    try folder?.write(bytes, to: prefix + ExportPaths.eml(position: position + 1, of: messages.count))
                    batch.append(RenderedMail(mail: mail, bytes: bytes))
                }
                return batch
            }
        } consume: { (result: Swift.Result<[RenderedMail], ExportError>) throws(ExportError) in
            try await consume(try result.get())
        }
    }

    /// Writes `emails/`, `outbox.mbox` and the emails of `report.json`, keeps the first
    /// ``detailLimit`` recipients for the page, and offers each message to `delivery`.
    func writeEmails(
        _ world: WorldDocuments, into folder: ExportFolder, prefix: String, json: FileAppender, page: inout ReportModel,
        tally: inout MonthTally, delivery: SMTPDelivery?
    ) async throws(ExportError) -> Int {
        let total = world.messages.count
        let mbox = try FileAppender(folder.url(prefix + "outbox.mbox"))
        var recipientIndex: [String: Int] = [:]
        var omitted = Set<String>()
        var written = 0
        try await Self.forEachMail(of: world, width: width, folder: folder, prefix: prefix) { (batch) throws(ExportError) in
            for rendered in batch {
                let mail = rendered.mail
                try mbox.append(Mbox.entry(for: rendered.bytes, sender: InvoiceMail.senderAddress, sentAt: mail.sentAt))
                await delivery?.send(Self.outgoing(rendered))
                let path = ExportPaths.eml(position: mail.position, of: total)
                let row = ReportRows.EmailRow(
                    position: mail.position, sentAt: mail.sentAt.description, to: mail.recipientEmail,
                    company: mail.document.company, invoice: mail.document.number, eml: path)
                try json.append(written == 0 ? Self.encode(row) : ",\n" + Self.encode(row))
                tally.countEmail(sentAt: mail.sentAt)
                written += 1
                let message = ReportModel.MessageRow(
                    sentAt: row.sentAt, invoice: row.invoice, company: row.company, emlPath: path)
                if let index = recipientIndex[mail.recipientEmail] {
                    page.recipients[index].messages.append(message)
                } else if recipientIndex.count < detailLimit {
                    recipientIndex[mail.recipientEmail] = page.recipients.count
                    page.recipients.append(
                        ReportModel.RecipientRow(email: mail.recipientEmail, name: mail.recipientName, messages: [message]))
                } else {
                    omitted.insert(mail.recipientEmail)
                }
            }
        }
        try mbox.close()
        page.recipients.sort { $0.email < $1.email }
        page.recipientsOmitted = omitted.count
        return written
    }

    /// Delivers every outbox message to `delivery` without writing files.
    public func deliver(_ world: WorldDocuments, via delivery: SMTPDelivery) async -> Int {
        var offered = 0
        try? await Self.forEachMail(of: world, width: width, folder: nil, prefix: "") { batch in
            for rendered in batch { await delivery.send(Self.outgoing(rendered)) }
            offered += batch.count
        }
        return offered
    }

    static func outgoing(_ rendered: RenderedMail) -> OutgoingMail {
        OutgoingMail(
            id: rendered.mail.position, from: InvoiceMail.senderAddress, to: rendered.mail.recipientEmail, data: rendered.bytes)
    }
}
