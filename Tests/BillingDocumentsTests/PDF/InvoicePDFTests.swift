import BillingCore
import BillingDocuments
import Testing

@Suite("Invoice PDF")
struct InvoicePDFTests {
    /// The documents every check runs on, by name: tests take the name as their
    /// argument so a failure names the case, not the whole document.
    static let documents: [String: InvoiceDocument] = [
        "domestic SEK": PDFFixtures.domesticSEK, "reverse charge EUR": PDFFixtures.reverseChargeEUR,
        "destination rate": PDFFixtures.destinationRate, "balance applied partly": PDFFixtures.balancePartly,
        "eighty lines": PDFFixtures.eightyLines, "long names": PDFFixtures.longNames, "credit note": PDFFixtures.creditNote,
        "final SEK": PDFFixtures.finalSEK,
    ]

    /// The names of ``documents``, sorted.
    static let names = documents.keys.sorted()

    /// The document called `name`.
    static func document(_ name: String) throws -> InvoiceDocument { try #require(documents[name]) }

    /// Every text the invoice must print, as `pdftotext` reads it back.
    static func expectedTexts(_ document: InvoiceDocument) -> [String] {
        let invoice = document.invoice
        let seller = document.seller
        let buyer = document.buyer
        func amount(_ minorUnits: Int64) -> String { Money(minorUnits: minorUnits, invoice.currency).decimalString }
        var texts = [
            seller.name, seller.address, "Country: \(seller.country)", "VAT number: \(seller.vatNumber)", buyer.name,
            buyer.address, "Country: \(buyer.country)", document.number, invoice.created.description,
            invoice.cycle.invoiceLabel, invoice.periodStart.description, invoice.periodEnd.lastIncludedDay.description,
            invoice.currency.code, amount(invoice.subtotal), amount(invoice.taxAmount), amount(invoice.total),
            amount(invoice.balanceApplied), amount(invoice.amountDue), amount(invoice.balanceRemaining), "Subtotal",
            "Total", "Account balance applied", "Amount due", "Billing cycle", "Creation date", "Payment method",
            buyer.paymentMethod,
            invoice.kind == .final ? "Balance owed to you (to be refunded)" : "Account balance remaining",
        ]
        if !buyer.vatNumber.isEmpty { texts.append("VAT number: \(buyer.vatNumber)") }
        for (line, description) in zip(invoice.lines, document.lineDescriptions) {
            texts += description.split(separator: "\n").map(String.init)
            texts += [line.printedPeriod, String(line.quantity)]
            texts += [amount(line.unitPrice), amount(line.amount)]
        }
        if invoice.isCreditNote { texts += ["Credit note (Kreditfaktura)", "Credit note number"] }
        if !invoice.creditedNumbers.isEmpty { texts += ["Credits invoice"] + invoice.creditedNumbers.map(\.description) }
        let groups = invoice.taxGroups
        if groups.count > 1 {
            for group in groups {
                texts.append(amount(group.tax))
                texts.append(amount(group.base))
                if let rate = group.treatment.rate { texts.append("VAT \(rate) on") }
            }
            return texts
        }
        switch invoice.tax {
        case .domestic(let rate): texts.append("VAT \(rate)")
        case .destination(let rate): texts.append("VAT \(rate) (\(buyer.country))")
        case .reverseCharge: texts.append(TaxTreatment.reverseChargeNote)
        case .outsideScope: texts.append("VAT not applicable")
        }
        if invoice.currency == .eur { texts.append("€") }
        return texts
    }

    @Test("Every invoice passes qpdf --check", arguments: names)
    func passesQPDFCheck(name: String) throws {
        let document = try Self.document(name)
        let pdf = try RenderedPDF(InvoicePDF.render(document))
        let output = try pdf.check()
        #expect(output.contains("No syntax or stream encoding errors found"), "\(name): \(output)")
    }

    @Test(
        "Every field of the invoice is printed",
        arguments: names.filter { $0 != "long names" })
    func printsEveryField(name: String) throws {
        let document = try Self.document(name)
        let text = try RenderedPDF(InvoicePDF.render(document)).text()
        for expected in Self.expectedTexts(document) {
            #expect(text.contains(expected), "\(name): missing \(expected)")
        }
    }

    @Test("Swedish VAT on an invoice in EUR is stated in SEK at the invoice date's rate, or says no rate is held")
    func swedishVATInSEK() throws {
        let euro = PDFFixtures.document(
            buyer: CompanyDetails(name: "Acme Konsult AB", address: "Storgatan 1, Stockholm", country: .sweden),
            currency: .eur, tax: .domestic(TaxRate(basisPoints: 2500)),
            lines: [PDFFixtures.line(.plan("business", .monthly), unitPrice: 11_500)])
        var rates = ExchangeRates()
        rates.set(112_000, for: .eur, from: try #require(CivilDate(year: 2025, month: 12, day: 1)))
        let stated = InvoiceDocument(
            company: "acme", invoice: euro.invoice, buyer: euro.buyer, seller: .standard, catalog: .standard, exchangeRates: rates)
        let text = try RenderedPDF(InvoicePDF.render(stated)).text()
        #expect(text.contains("VAT in SEK (EUR 11.2000, 2025-12-01)"))
        #expect(text.contains("322.00 SEK"))
        #expect(try RenderedPDF(InvoicePDF.render(stated)).check().contains("No syntax or stream encoding errors found"))
        let missing = try RenderedPDF(InvoicePDF.render(euro)).text()
        #expect(missing.contains("VAT in SEK: no EUR rate on 2026-01-01"))
        let swedish = try RenderedPDF(InvoicePDF.render(PDFFixtures.domesticSEK)).text()
        #expect(!swedish.contains("VAT in SEK"))
    }

    @Test("Swedish and French letters and the euro sign survive the round trip")
    func nonASCIILettersSurvive() throws {
        let swedish = try RenderedPDF(InvoicePDF.render(PDFFixtures.domesticSEK)).text()
        for text in ["Åkerlund & Öberg AB", "Storgatan 5, 114 55 Stockholm", "Sveavägen 1, 111 57 Stockholm", "SEK (kr)"] {
            #expect(swedish.contains(text), "missing \(text)")
        }
        let french = try RenderedPDF(InvoicePDF.render(PDFFixtures.reverseChargeEUR)).text()
        for text in ["Café Élysée SARL", "EUR (€)", "Reverse charge (Omvänd betalningsskyldighet)", "Add-on: Redis, site boutique"] {
            #expect(french.contains(text), "missing \(text)")
        }
        let german = try RenderedPDF(InvoicePDF.render(PDFFixtures.destinationRate)).text()
        #expect(german.contains("Müller Bäckerei GmbH") && german.contains("Hauptstraße 3"))
    }

    @Test("Outside EU VAT the invoice says VAT does not apply")
    func outsideScopeSaysNotApplicable() throws {
        let text = try RenderedPDF(InvoicePDF.render(PDFFixtures.balancePartly)).text()
        #expect(text.contains("VAT not applicable"))
    }

    @Test("A closed account's final invoice shows the balance left as owed back to the customer; other invoices do not")
    func finalInvoiceShowsBalanceOwedBack() throws {
        let final = try RenderedPDF(InvoicePDF.render(PDFFixtures.finalSEK)).text()
        #expect(PDFFixtures.finalSEK.invoice.balanceRemaining == 18_508)
        #expect(final.contains("Balance owed to you (to be refunded)"))
        #expect(final.contains("185.08"))
        #expect(!final.contains("Account balance remaining"))
        let plan = try RenderedPDF(InvoicePDF.render(PDFFixtures.domesticSEK)).text()
        #expect(plan.contains("Account balance remaining"))
        #expect(!plan.contains("owed to you"))
    }

    @Test("A missing PDF tool fails the test with a message saying what to install")
    func missingToolSaysWhatToInstall() {
        #expect {
            _ = try PDFTools.run("billingsim-no-such-tool", [])
        } throws: { error in
            "\(error)".contains("install qpdf and poppler-utils")
        }
    }

    @Test("The same document renders to the same bytes", arguments: names)
    func rendersDeterministically(name: String) throws {
        let document = try Self.document(name)
        #expect(InvoicePDF.render(document) == InvoicePDF.render(document), "\(name)")
    }
}
