import Foundation
import Testing

@testable import BillingScenario

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Three results with fixed times: one passed, one with a failed expectation, one
/// stopped by a statement.
private func sampleReport(path b: String = "Scenarios/b.scenario") -> RunReport {
    let passing = ScenarioResult(
        path: "Scenarios/a.scenario",
        expectations: [
            ExpectationResult(location: location(3, 1, file: "Scenarios/a.scenario"), text: "expect acme invoices 1", mismatches: [])
        ],
        notRun: 0, failure: nil, seconds: 0.031)
    let failing = ScenarioResult(
        path: b,
        expectations: [
            ExpectationResult(location: location(22, 1, file: b), text: "expect acme invoices 2", mismatches: []),
            ExpectationResult(
                location: location(23, 3, file: b), text: "  expect acme invoice 2 total 143.75  ",
                mismatches: [Mismatch("total", expected: "143.75", actual: "143.76")]),
        ],
        notRun: 0, failure: nil, seconds: 0.02)
    let stopped = ScenarioResult(
        path: "Scenarios/c.scenario", expectations: [], notRun: 2,
        failure: StatementFailure(
            location: location(6, 1, file: "Scenarios/c.scenario"), text: "as bo@partner.se: close account of acme",
            message: "access denied: bo@partner.se may not close the account in company acme"),
        seconds: 1.5)
    return RunReport(results: [passing, failing, stopped], seconds: 1.5)
}

/// A report whose paths, statements and values hold every character XML and JSON escape.
private func awkwardReport() -> RunReport {
    let path = "Scenarios/R&D <\"quoted\"> 'it's'.scenario"
    let result = ScenarioResult(
        path: path,
        expectations: [
            ExpectationResult(
                location: location(4, 1, file: path), text: "expect a@b.se cannot close account of acme saying \"<&>\"",
                mismatches: [Mismatch("message", expected: "containing \"<&>\"", actual: "\"a & b < c\u{01}\"")])
        ],
        notRun: 1,
        failure: StatementFailure(
            location: location(5, 1, file: path), text: "credit acme 5 SEK", message: "billed in USD & \"not\" <SEK>"),
        seconds: 0.25)
    return RunReport(results: [result], seconds: 0.25)
}

@Suite("Reports")
struct ReportTests {
    // MARK: Text

    @Test func theTextReportListsPassAndFailWithFileLineExpectedAndFound() {
        #expect(
            sampleReport().text == """
                PASS  Scenarios/a.scenario  (1 expectation, 0.03 s)
                FAIL  Scenarios/b.scenario  (2 expectations, 1 failed, 0.02 s)
                      Scenarios/b.scenario:23:3: expect acme invoice 2 total 143.75
                        total: expected 143.75, found 143.76
                FAIL  Scenarios/c.scenario  (2 expectations, 2 not run, 1.50 s)
                      Scenarios/c.scenario:6:1: as bo@partner.se: close account of acme
                        failed: access denied: bo@partner.se may not close the account in company acme

                3 scenarios: 1 passed, 2 failed. 5 expectations: 2 passed, 1 failed, 2 not run. 1.50 s

                """)
    }

    @Test func theTotalsCountScenariosAndExpectations() {
        let report = sampleReport()
        #expect(!report.passed)
        #expect(report.passedCount == 1)
        #expect(report.expectationCount == 3)
        #expect(report.failedExpectationCount == 1)
        #expect(report.notRunCount == 2)
    }

    @Test func theTextReportOfARealRunShowsTheFailure() async throws {
        let result = try await run(acmeWorld + "\nexpect acme invoices 1\nexpect acme invoices 2", path: "Scenarios/x.scenario")
        let text = RunReport(results: [result], seconds: result.seconds).text
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("FAIL  Scenarios/x.scenario  (2 expectations, 1 failed, "))
        #expect(lines[1] == "      Scenarios/x.scenario:6:1: expect acme invoices 2")
        #expect(lines[2] == "        invoices: expected 2, found 1")
        #expect(lines[3].hasPrefix("1 scenario: 0 passed, 1 failed. 2 expectations: 1 passed, 1 failed. "))
    }

    @Test func anEmptyRunReportsZero() {
        #expect(
            RunReport(results: [], seconds: 0).text == "\n0 scenarios: 0 passed, 0 failed. 0 expectations: 0 passed, 0 failed. 0.00 s\n")
        #expect(RunReport(results: [], seconds: 0).passed)
    }

    @Test(arguments: [(0.0, "0.00"), (0.004, "0.00"), (0.005, "0.01"), (0.031, "0.03"), (1.5, "1.50"), (12.345678, "12.35"), (60, "60.00")])
    func secondsAreShownWithTwoDecimals(value: Double, shown: String) {
        #expect(RunReport.seconds(value) == shown)
    }

    // MARK: JSON

    private func object(_ json: String) throws -> [String: Any] {
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8))
        return try #require(parsed as? [String: Any])
    }

    @Test func theJSONReportParsesAndHasTheTotals() throws {
        let root = try object(sampleReport().json)
        #expect(
            Set(root.keys) == [
                "passed", "scenarios", "scenariosPassed", "scenariosFailed", "expectations", "expectationsPassed", "expectationsFailed",
                "expectationsNotRun", "seconds", "results",
            ])
        #expect(root["passed"] as? Bool == false)
        #expect(root["scenarios"] as? Int == 3)
        #expect(root["scenariosPassed"] as? Int == 1)
        #expect(root["scenariosFailed"] as? Int == 2)
        #expect(root["expectations"] as? Int == 5)
        #expect(root["expectationsPassed"] as? Int == 2)
        #expect(root["expectationsFailed"] as? Int == 1)
        #expect(root["expectationsNotRun"] as? Int == 2)
        #expect(root["seconds"] as? Double == 1.5)
    }

    @Test func theJSONReportHasAnObjectPerScenarioWithItsFailures() throws {
        let results = try #require(try object(sampleReport().json)["results"] as? [[String: Any]])
        #expect(results.map { $0["path"] as? String } == ["Scenarios/a.scenario", "Scenarios/b.scenario", "Scenarios/c.scenario"])
        #expect(results.map { $0["passed"] as? Bool } == [true, false, false])
        #expect(results.map { $0["expectations"] as? Int } == [1, 2, 2])
        #expect(results.map { $0["expectationsFailed"] as? Int } == [0, 1, 0])
        #expect(results.map { $0["expectationsNotRun"] as? Int } == [0, 0, 2])
        #expect(results.map { $0["seconds"] as? Double } == [0.031, 0.02, 1.5])
        for result in results {
            #expect(
                Set(result.keys).isSuperset(of: [
                    "path", "passed", "expectations", "expectationsFailed", "expectationsNotRun", "seconds", "failures",
                ]))
        }

        let failures = try #require(results[1]["failures"] as? [[String: Any]])
        #expect(failures.count == 1)
        #expect(failures[0]["file"] as? String == "Scenarios/b.scenario")
        #expect(failures[0]["line"] as? Int == 23)
        #expect(failures[0]["column"] as? Int == 3)
        #expect(failures[0]["statement"] as? String == "expect acme invoice 2 total 143.75")
        let mismatches = try #require(failures[0]["mismatches"] as? [[String: String]])
        #expect(mismatches == [["what": "total", "expected": "143.75", "actual": "143.76"]])
        #expect(results[1]["error"] == nil || results[1]["error"] is NSNull)

        let error = try #require(results[2]["error"] as? [String: Any])
        #expect(error["file"] as? String == "Scenarios/c.scenario")
        #expect(error["line"] as? Int == 6)
        #expect(error["column"] as? Int == 1)
        #expect(error["statement"] as? String == "as bo@partner.se: close account of acme")
        #expect(error["message"] as? String == "access denied: bo@partner.se may not close the account in company acme")
    }

    @Test func theJSONReportKeepsEveryCharacterOfPathsAndMessages() throws {
        let report = awkwardReport()
        let results = try #require(try object(report.json)["results"] as? [[String: Any]])
        #expect(results[0]["path"] as? String == report.results[0].path)
        let failures = try #require(results[0]["failures"] as? [[String: Any]])
        let mismatches = try #require(failures.first?["mismatches"] as? [[String: String]])
        #expect(mismatches.first?["actual"] == "\"a & b < c\u{01}\"")
        #expect((results[0]["error"] as? [String: Any])?["message"] as? String == "billed in USD & \"not\" <SEK>")
    }

    @Test func theJSONReportSortsItsKeysAndDoesNotEscapeSlashes() {
        let json = sampleReport().json
        #expect(json.contains("\"path\" : \"Scenarios/a.scenario\""))
        // The top-level keys, at the first indentation.
        let keys = ["expectations", "expectationsFailed", "passed", "results", "scenarios", "seconds"].map { "\n  \"\($0)\" :" }
        let positions = keys.compactMap { json.range(of: $0)?.lowerBound }
        #expect(positions.count == keys.count)
        #expect(positions == positions.sorted())
        #expect(json.hasSuffix("}\n"))
    }

    // MARK: JUnit

    @Test func theJUnitReportIsWellFormedXMLWithATestcasePerScenario() throws {
        let document = try XMLDocumentReader.read(sampleReport().junit)
        #expect(document.error == nil, "\(String(describing: document.error))")
        #expect(document.elements.map(\.name) == ["testsuites", "testsuite", "testcase", "testcase", "failure", "testcase", "failure"])
        let suites = document.elements[0].attributes
        #expect(suites["name"] == "billingsim")
        #expect(suites["tests"] == "3")
        #expect(suites["failures"] == "2")
        #expect(suites["errors"] == "0")
        #expect(suites["time"] == "1.50")
        #expect(document.elements[1].attributes["tests"] == "3")
        let cases = document.elements.filter { $0.name == "testcase" }
        #expect(cases.map { $0.attributes["name"] } == ["Scenarios/a.scenario", "Scenarios/b.scenario", "Scenarios/c.scenario"])
        #expect(cases.map { $0.attributes["file"] } == ["Scenarios/a.scenario", "Scenarios/b.scenario", "Scenarios/c.scenario"])
        #expect(cases.map { $0.attributes["time"] } == ["0.03", "0.02", "1.50"])

        let failures = document.elements.filter { $0.name == "failure" }
        #expect(failures.map { $0.attributes["type"] } == ["expectation", "statement"])
        #expect(failures[0].attributes["message"] == "1 expectation failed")
        #expect(
            failures[0].text
                == "Scenarios/b.scenario:23:3: expect acme invoice 2 total 143.75\n  total: expected 143.75, found 143.76\n")
        #expect(
            failures[1].attributes["message"]
                == "stopped at line 6: access denied: bo@partner.se may not close the account in company acme")
        #expect(failures[1].text.hasPrefix("Scenarios/c.scenario:6:1: as bo@partner.se: close account of acme\n  failed: access denied"))
    }

    @Test func theJUnitReportEscapesAmpersandsAnglesAndQuotes() throws {
        let report = awkwardReport()
        let junit = report.junit
        #expect(junit.contains("name=\"Scenarios/R&amp;D &lt;&quot;quoted&quot;&gt; &apos;it&apos;s&apos;.scenario\""))
        #expect(!junit.contains("\u{01}"))

        let document = try XMLDocumentReader.read(junit)
        #expect(document.error == nil, "\(String(describing: document.error))")
        let testcase = try #require(document.elements.first { $0.name == "testcase" })
        #expect(testcase.attributes["name"] == report.results[0].path)
        let failure = try #require(document.elements.first { $0.name == "failure" })
        #expect(
            failure.attributes["message"] == "1 expectation failed; stopped at line 5: billed in USD & \"not\" <SEK>")
        #expect(failure.text.contains("saying \"<&>\""))
        #expect(failure.text.contains("message: expected containing \"<&>\", found \"a & b < c\""))
    }

    @Test func xmlEscapingDropsCharactersXMLForbids() {
        #expect(RunReport.xml("a&b<c>\"d'e\u{01}\u{FFFE}\u{FFFF}\tf\ng\rå") == "a&amp;b&lt;c&gt;&quot;d&apos;e\tf\ng\rå")
    }

    @Test func theJUnitReportOfAPassingRunHasNoFailures() async throws {
        let result = try await run(acmeWorld + "\nexpect acme invoices 1")
        let document = try XMLDocumentReader.read(RunReport(results: [result], seconds: 0).junit)
        #expect(document.error == nil)
        #expect(document.elements.map(\.name) == ["testsuites", "testsuite", "testcase"])
        #expect(document.elements[0].attributes["failures"] == "0")
    }
}

/// The elements of an XML document in document order, read with Foundation's parser.
final class XMLDocumentReader: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text: String
    }

    private(set) var elements: [Element] = []
    private var open: [Int] = []
    private(set) var error: (any Error)?

    static func read(_ xml: String) throws -> XMLDocumentReader {
        let reader = XMLDocumentReader()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = reader
        if !parser.parse() { reader.error = reader.error ?? parser.parserError ?? FixtureFailed() }
        return reader
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        open.append(elements.count)
        elements.append(Element(name: elementName, attributes: attributes, text: ""))
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        open.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard let index = open.last else { return }
        elements[index].text += string
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        error = parseError
    }
}
