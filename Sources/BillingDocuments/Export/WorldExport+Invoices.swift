internal import BillingCore
internal import BillingRuntime

extension WorldExport {
    /// What one batch of companies produced.
    private struct CompanyBatch: Sendable {
        var json: [String] = []
        var page: [ReportModel.CompanyRow] = []
        var tally = MonthTally()
        var invoices = 0
    }

    /// Renders and writes every company's PDFs, appends the companies to `report.json`,
    /// and keeps the first ``detailLimit`` companies for the page.
    func writeInvoices(
        _ world: WorldDocuments, into folder: ExportFolder, prefix: String, json: FileAppender, page: inout ReportModel,
        tally: inout MonthTally
    ) async throws(ExportError) -> Int {
        let count = world.companyCount
        let limit = detailLimit
        var written = 0
        var first = true
        try await inOrderedBatches(count: count, batchSize: 64, width: width) { range in
            await capture { () async throws(ExportError) in
                try await Self.renderCompanies(range, of: world, into: folder, prefix: prefix, detailLimit: limit)
            }
        } consume: { (result: Swift.Result<CompanyBatch, ExportError>) throws(ExportError) in
            let batch = try result.get()
            for line in batch.json {
                try json.append(first ? line : ",\n" + line)
                first = false
            }
            page.companies += batch.page
            tally.merge(batch.tally)
            written += batch.invoices
        }
        page.companiesOmitted = count - page.companies.count
        return written
    }

    private static func renderCompanies(
        _ range: Range<Int>, of world: WorldDocuments, into folder: ExportFolder, prefix: String, detailLimit: Int
    ) async throws(ExportError) -> CompanyBatch {
        var batch = CompanyBatch()
        for index in range {
            let company = world.company(at: Int32(index))
            if !company.documents.isEmpty {
                try folder.makeFolder(prefix + ExportPaths.folder(company: company.id, index: company.index))
            }
            var rows: [ReportRows.InvoiceRow] = []
            for document in company.documents {
                let path = ExportPaths.pdf(company: company.id, index: company.index, number: document.number)
                try folder.write(InvoicePDF.render(document), to: prefix + path)
                rows.append(ReportRows.invoice(document, pdf: path))
                batch.tally.count(document.invoice)
            }
            batch.invoices += rows.count
            let row = ReportRows.CompanyRow(
                id: company.id, name: company.details.name, country: company.details.country.description, plan: company.plan,
                invoices: rows)
            batch.json.append(Self.encode(row))
            if index < detailLimit {
                batch.page.append(
                    ReportModel.CompanyRow(
                        id: row.id, name: row.name, country: row.country, plan: row.plan, invoices: rows.map(ReportRows.page)))
            }
        }
        return batch
    }
}
