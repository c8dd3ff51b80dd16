import Testing

@testable import BillingDocuments

/// Export file names stay distinct after they are made safe.
@Suite("Export paths: unique names")
struct ExportPathsTests {
    @Test("Company identifiers that are made safe never share a folder, even ignoring case")
    func companyFoldersAreUnique() {
        let ids = ["a/b", "a_b-1", "a_b", "a_b~1", "ACME", "acme", "Acme", "", ".", "..", "_", String(repeating: "x", count: 300)]
        let folders = ids.enumerated().map { ExportPaths.folder(company: $1, index: Int32($0)) }
        #expect(Set(folders.map { $0.lowercased() }).count == ids.count, "\(folders)")
        #expect(folders.allSatisfy { $0.utf8.count < 120 && !$0.dropFirst("invoices/".count).hasPrefix(".") })
        #expect(ExportPaths.folder(company: "acme", index: 5) == "invoices/acme")
        #expect(ExportPaths.folder(company: "a_b-1", index: 0) == "invoices/a_b-1")
    }

    @Test("Scenario folders never clash with the index's files or with each other, even ignoring case")
    func scenarioFoldersAreUnique() {
        let paths = [
            "x/report.json.scenario", "report.html.scenario", "a.scenario", "b/a.scenario", "a-2.scenario", "A.scenario",
            "REPORT.JSON.scenario", ".billingsim-export.scenario",
        ]
        let names = RunExport.folderNames(paths)
        let folded = names.map { $0.lowercased() }
        #expect(Set(folded).count == paths.count, "\(names)")
        #expect(Set(folded).isDisjoint(with: ["report.json", "report.html", ".billingsim-export"]), "\(names)")
        #expect(names[2] == "a")
    }
}
