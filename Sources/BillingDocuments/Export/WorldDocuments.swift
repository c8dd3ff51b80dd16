public import BillingCore
public import BillingRuntime

/// Reads a simulation's invoices and outbox as documents, one company or one message at
/// a time, so nothing is rendered until it is asked for.
public struct WorldDocuments: Sendable {
    /// The world read from.
    public let simulation: Simulation

    /// Documents of `simulation`.
    public init(_ simulation: Simulation) { self.simulation = simulation }

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
    public func company(at index: Int32) async -> CompanyDocuments {
        let settings = simulation.settings
        let state = await simulation.clock.company(at: index).snapshot
        let planName = settings.catalog.plans[state.plan]?.name ?? state.plan
        let documents = state.invoices.compactMap { invoice -> InvoiceDocument? in
            guard invoice.number != nil else { return nil }
            let buyer = state.detailsHistory[Int(invoice.detailsRevision)]
            return InvoiceDocument(
                company: state.id, invoice: invoice, buyer: buyer, seller: settings.seller, catalog: settings.catalog)
        }
        return CompanyDocuments(
            index: index, id: state.id, details: state.details, plan: "\(planName) (\(state.cycle.invoiceLabel))",
            documents: documents)
    }

    /// The outbox message at `position` (from 1) as an email, with its invoice.
    public func mail(_ message: OutboxMessage, position: Int) async -> InvoiceMail {
        let user = await simulation.directory.user(message.recipient)
        let settings = simulation.settings
        let state = await simulation.clock.company(at: message.company).snapshot
        let invoice = state.invoice(at: Int(message.invoice))
        let document = InvoiceDocument(
            company: state.id, invoice: invoice, buyer: state.detailsHistory[Int(invoice.detailsRevision)],
            seller: settings.seller, catalog: settings.catalog)
        return InvoiceMail(
            position: position, sentAt: message.sentAt, recipientEmail: user.email, recipientName: user.name, document: document)
    }
}
