internal import Foundation

extension RunReport {
    /// JUnit XML for CI systems: one `testcase` per scenario file; a failed one holds a
    /// `failure` whose message counts what failed and whose text lists each failure as
    /// the readable report does.
    public var junit: String {
        let failed = results.count - passedCount
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        let counts = "tests=\"\(results.count)\" failures=\"\(failed)\" errors=\"0\" time=\"\(RunReport.seconds(seconds))\""
        out += "<testsuites name=\"billingsim\" \(counts)>\n"
        out += "  <testsuite name=\"scenarios\" \(counts)>\n"
        for result in results {
            let name = RunReport.xml(result.path)
            let time = RunReport.seconds(result.seconds)
            out += "    <testcase classname=\"scenarios\" name=\"\(name)\" file=\"\(name)\" time=\"\(time)\""
            guard !result.passed else {
                out += "/>\n"
                continue
            }
            var message: [String] = []
            if !result.failedExpectations.isEmpty {
                message.append(RunReport.plural(result.failedExpectations.count, "expectation") + " failed")
            }
            if let failure = result.failure { message.append("stopped at line \(failure.location.line): \(failure.message)") }
            var details = ""
            for expectation in result.failedExpectations {
                details +=
                    "\(expectation.location): \(expectation.text.trimmingCharacters(in: .whitespaces))\n"
                for mismatch in expectation.mismatches {
                    details += "  \(mismatch.what): expected \(mismatch.expected), found \(mismatch.actual)\n"
                }
            }
            if let failure = result.failure {
                details += "\(failure.location): \(failure.text.trimmingCharacters(in: .whitespaces))\n"
                details += "  failed: \(failure.message)\n"
            }
            let type = result.failure == nil ? "expectation" : "statement"
            out += ">\n      <failure message=\"\(RunReport.xml(message.joined(separator: "; ")))\" type=\"\(type)\">"
            out += RunReport.xml(details) + "</failure>\n    </testcase>\n"
        }
        out += "  </testsuite>\n</testsuites>\n"
        return out
    }

    /// Escapes text for XML content and attributes, dropping characters XML 1.0 forbids.
    static func xml(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value >= 0x20, scalar.value != 0xFFFE, scalar.value != 0xFFFF { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
