public import BillingCore
public import BillingRuntime

/// A world's invoices and outbox as documents, one company or one message at a time, so
/// nothing is rendered until it is asked for. It reads a value image of the world, taken
/// once: nothing here waits on an actor.
public struct WorldDocuments: Sendable {
    /// The world as values.
    public let image: WorldImage
    /// Its counts and revenue.
    public let summary: WorldSummary

    /// Documents of `simulation` as it is now.
    public init(_ simulation: Simulation) async {
        image = await simulation.image()
        summary = await simulation.summary()
    }

    /// The number of companies.
    public var companyCount: Int { image.companies.count }
    /// Every outbox message, in sending order.
    public var messages: [OutboxMessage] { image.outbox }
    /// The simulated instant of the image.
    public var now: Instant { image.now }

    /// One company's identity and numbered invoices, as documents, oldest first.
    public struct CompanyDocuments: Sendable {
        /// The company's index in the world.
        public var index: Int32
        /// Its identifier.
        public var id: String
        /// Its current details.
        public var details: CompanyDetails
        /// Its plan's name and cycle, `Business (monthly)`.
        public var plan: String
        /// Its numbered invoices.
        public var documents: [InvoiceDocument]
    }

    /// The company at `index` and its invoices.
    public func company(at index: Int32) -> CompanyDocuments {
        let settings = image.settings
        let state = image.companies[Int(index)]
        let planName = settings.catalog.plans[state.plan]?.name ?? state.plan
        let documents = state.invoices.compactMap { invoice -> InvoiceDocument? in
            guard invoice.number != nil else { return nil }
            let buyer = state.detailsHistory[Int(invoice.detailsRevision)]
            return InvoiceDocument(
                company: state.id, invoice: invoice, buyer: buyer, seller: settings.seller, catalog: settings.catalog,
                exchangeRates: settings.exchangeRates)
        }
        return CompanyDocuments(
            index: index, id: state.id, details: state.details, plan: "\(planName) (\(state.cycle.invoiceLabel))",
            documents: documents)
    }

    /// The outbox message at `position` (from 1) as an email, with its invoice.
    public func mail(_ message: OutboxMessage, position: Int) -> InvoiceMail {
        let user = image.users[Int(message.recipient.rawValue)]
        let settings = image.settings
        let state = image.companies[Int(message.company)]
        let invoice = state.invoice(at: Int(message.invoice))
        let document = InvoiceDocument(
            company: state.id, invoice: invoice, buyer: state.detailsHistory[Int(invoice.detailsRevision)],
            seller: settings.seller, catalog: settings.catalog, exchangeRates: settings.exchangeRates)
        return InvoiceMail(
            position: position, sentAt: message.sentAt, recipientEmail: user.email, recipientName: user.name, document: document)
    }

    /// The outbox message as its recipient reads it: address, subject and plain text.
    public func email(_ message: OutboxMessage) -> InvoiceEmail {
        let state = image.companies[Int(message.company)]
        let invoice = state.invoice(at: Int(message.invoice))
        return InvoiceEmail(
            invoice: invoice, company: state.detailsHistory[Int(invoice.detailsRevision)],
            recipient: image.users[Int(message.recipient.rawValue)].email, seller: image.settings.seller)
    }
}
