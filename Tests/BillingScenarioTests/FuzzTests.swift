import BillingCore
import Foundation
import Testing

@testable import BillingScenario

/// Checks what the loader gives for fuzzed text: a scenario whose statements sit inside
/// the text, or at least one diagnostic whose line and column are inside the text (the
/// column may be one past the end of the line, where "the line ends" points).
struct FuzzInvariants {
    private(set) var checked = 0
    private(set) var loaded = 0
    private(set) var refused = 0
    private(set) var problems: [String] = []
    private var included: [String: [String]?] = [:]

    /// Lines as the language defines them: split on LF, a CR before it dropped.
    static func lines(of text: String) -> [String] {
        var lines: [String] = []
        var current: [UInt8] = []
        for byte in text.utf8 {
            if byte == 0x0A {
                if current.last == 0x0D { current.removeLast() }
                lines.append(String(decoding: current, as: UTF8.self))
                current = []
            } else {
                current.append(byte)
            }
        }
        if current.last == 0x0D { current.removeLast() }
        lines.append(String(decoding: current, as: UTF8.self))
        return lines
    }

    /// Loads `text` as `path` and checks the outcome; returns the scenario if it loaded.
    @discardableResult
    mutating func check(_ text: String, path: String, label: @autoclosure () -> String) -> Scenario? {
        checked += 1
        let lines = Self.lines(of: text)
        switch ScenarioLoader.load(text: text, path: path) {
        case .success(let scenario):
            loaded += 1
            for statement in scenario.statements {
                let fileLines = statement.location.file == path ? lines : linesOf(statement.location.file)
                verify(statement.location, in: fileLines, what: "statement", label: label)
                if let fileLines, (1...fileLines.count).contains(statement.location.line),
                    fileLines[statement.location.line - 1] != statement.text
                {
                    record("statement text is not its line at \(statement.location)", label: label)
                }
            }
            return scenario
        case .failure(let diagnostics):
            refused += 1
            if diagnostics.all.isEmpty { record("a failure without diagnostics", label: label) }
            for diagnostic in diagnostics.all {
                if diagnostic.message.isEmpty { record("an empty message at \(diagnostic.location)", label: label) }
                _ = diagnostic.description
                let fileLines = diagnostic.location.file == path ? lines : linesOf(diagnostic.location.file)
                verify(diagnostic.location, in: fileLines, what: "diagnostic '\(diagnostic.message)'", label: label)
            }
            return nil
        }
    }

    /// Decodes raw bytes and checks where a decoding error points.
    mutating func checkDecoding(_ bytes: [UInt8], label: @autoclosure () -> String) {
        guard case .failure(let diagnostic) = ScenarioLoader.decode(bytes, file: "bytes") else { return }
        let lineCount = bytes.count(where: { $0 == 0x0A }) + 1
        let location = diagnostic.location
        if location.line < 1 || location.line > lineCount || location.column < 1 || location.column > bytes.count + 1 {
            record("decoding error outside the bytes at \(location)", label: label)
        }
    }

    mutating func record(_ problem: String, label: () -> String) {
        guard problems.count < 20 else { return }
        problems.append("\(problem) — input: \(label().debugDescription.prefix(300))")
    }

    private mutating func verify(_ location: BillingScenario.SourceLocation, in lines: [String]?, what: String, label: () -> String) {
        guard location.line >= 1, location.column >= 1 else {
            record("\(what) at \(location): line and column must be 1 or more", label: label)
            return
        }
        guard let lines else { return }
        guard location.line <= lines.count else {
            record("\(what) at \(location): the text has \(lines.count) lines", label: label)
            return
        }
        let width = lines[location.line - 1].count + 1
        if location.column > width {
            record("\(what) at \(location): line \(location.line) has \(width - 1) characters", label: label)
        }
    }

    private mutating func linesOf(_ file: String) -> [String]? {
        if let cached = included[file] { return cached }
        let lines = (try? String(contentsOfFile: file, encoding: .utf8)).map(Self.lines(of:))
        included[file] = lines
        return lines
    }
}

/// Random inputs, the same on every run.
struct FuzzInput {
    var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    mutating func pick<T>(_ choices: [T]) -> T { choices[random.below(choices.count)] }

    /// Every word of the language, and the words values are written with.
    static let keywords: [String] =
        Parser.keywords + [
            "of", "to", "as", "in", "site", "sites", "count", "invoice", "invoices", "line", "lines", "total", "digest", "no",
            "emails", "email", "last", "saying", "can", "cannot", "role", "none", "monthly", "annual", "per", "company",
            "companies", "from", "owner", "plan", "day", "days", "month", "months", "year", "years", "on", "off", "for", "live",
            "staging", "empty", "visits", "cdn", "disk", "details", "payment", "name", "address", "country", "vat", "currency",
            "anchor", "calendar-month", "anniversary", "prefix", "series", "seller-wide", "per-company", "administrator", "admin",
            "developer", "billing", "site-administrator", "site-developer", "invitation", "ownership", "account", "kind",
            "proration", "per-use", "final", "cycle", "created", "period", "subtotal", "tax", "reverse-charge", "applied", "due",
            "remaining", "quantity", "unit", "amount", "description", "revenue", "users", "opt-in", "partners", "partner-share",
            "addons", "max-users", "settings", "invoice", "document", "credit-note", "credits", "gapless", "pending", "accepted",
            "revoked", "expired", "exchange", "vat-sek",
        ]

    /// Values, good and bad.
    static let values: [String] = [
        "0", "1", "3", "12", "100", "130000", "1000000000000", "99999999999999999999", "9223372036854775808", "-5", "1.5",
        "115.00", "1.005", "-12.50", "1000000.01", "25%", "25.5%", "150%", "-1%", "USD", "EUR", "SEK", "NOK", "SE", "FI", "US",
        "xx", "2026-01-15", "2026-02-30", "2026-03-10T10:30", "2026-03-10T25:00", "2026-03-10T10:30:99", "2126-01-02",
        "1999-12-31", "0000-01-01", "9999-12-31", "acme", "globex", "shop", "blog", "business", "pro", "redis", "disk20",
        "c0000000", "c0000001", "c00000001", "anna@acme.se", "bo@partner.se", "ghost@x.se", "u0@bs.io", "ÅSA@SMÖRGÅS.SE", "bad@",
        "@", "ACME-000001", "\"Acme AB\"", "\"\"", "\"Åsa \\\"Ö\\\" berg\"", "\"unterminated", "\"bad \\q escape\"", ":", "#",
        "2026-01-15:", "anna@acme.se:", "\t", "shop,blog", "shop,,blog", "\u{1}", "x\"y", "\u{7F}", "👩‍👩‍👧", "é\u{301}",
        "5ff88105c209a4dbfda18a62ae918660b4788b259378bc89072dafb610021776",
    ]

    /// Characters insertions are drawn from.
    static let characters: [Character] = [
        " ", " ", "\t", "\r", "\n", "\"", "\\", "#", ":", "%", ".", "-", "@", ",", "0", "1", "9", "a", "z", "T", "å", "Ö", "\u{0}",
        "\u{1B}", "\u{7F}", "\u{FEFF}", "🇸🇪", "\u{301}",
    ]

    mutating func bytes() -> [UInt8] {
        let alphabet = Array(" \t\r\n\"\\#:%.-@,0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".utf8)
        return (0..<random.below(160)).map { _ in
            random.chance(60) ? alphabet[random.below(alphabet.count)] : UInt8(truncatingIfNeeded: random.next())
        }
    }

    mutating func soupLine() -> String {
        (0..<(1 + random.below(12))).map { _ in random.chance(55) ? pick(Self.keywords) : pick(Self.values) }.joined(
            separator: random.chance(90) ? " " : "\t")
    }

    mutating func soup() -> String {
        let body = (0..<(1 + random.below(8))).map { _ in soupLine() }.joined(separator: random.chance(80) ? "\n" : "\r\n")
        return random.chance(30) ? acmeWorld + "\n" + body : body
    }

    /// `text` with one to four random mutations.
    mutating func mutate(_ text: String) -> String {
        var text = text
        for _ in 0..<(1 + random.below(4)) { text = mutateOnce(text) }
        return text
    }

    private mutating func mutateOnce(_ text: String) -> String {
        var lines = text.components(separatedBy: "\n")
        let index = random.below(lines.count)
        switch random.below(12) {
        case 0:  // delete a few characters
            var characters = Array(text)
            guard !characters.isEmpty else { return text }
            let start = random.below(characters.count)
            characters.removeSubrange(start..<min(characters.count, start + 1 + random.below(20)))
            return String(characters)
        case 1:  // insert random characters
            var characters = Array(text)
            let at = random.below(characters.count + 1)
            characters.insert(contentsOf: (0...random.below(5)).map { _ in pick(Self.characters) }, at: at)
            return String(characters)
        case 2:  // truncate
            return String(text.prefix(random.below(text.count + 1)))
        case 3:  // duplicate a line somewhere
            lines.insert(lines[index], at: random.below(lines.count + 1))
        case 4:  // swap two lines
            lines.swapAt(index, random.below(lines.count))
        case 5:  // delete a line
            lines.remove(at: index)
        case 6:  // swap two neighbouring words
            var words = lines[index].components(separatedBy: " ")
            guard words.count > 1 else { return text }
            let at = random.below(words.count - 1)
            words.swapAt(at, at + 1)
            lines[index] = words.joined(separator: " ")
        case 7:  // a number made huge
            lines[index] = replaceWord(in: lines[index], where: { $0.first?.isNumber == true }) {
                $0.pick(["99999999999999999999", "1000000000001", "9223372036854775807", "36601", "0"])
            }
        case 8:  // a date that does not exist, or time going back
            lines[index] = replaceWord(in: lines[index], where: { $0.count >= 10 && $0.dropFirst(4).first == "-" }) {
                $0.pick(["2026-02-30", "2025-02-29", "2026-13-01", "2026-01-32", "1970-01-01", "2199-01-01", "2026-03-10T24:00"])
            }
        case 9:  // an unknown user or company
            if random.chance(50) {
                lines[index] = replaceWord(in: lines[index], where: { $0.contains("@") }) {
                    $0.pick(["ghost@nowhere.se", "u7@bs.io", "GHOST@X.SE", "@", "a@b@c"])
                }
            } else {
                lines[index] = replaceWord(in: lines[index], where: { $0.allSatisfy(\.isLetter) && !Self.keywords.contains($0) }) {
                    $0.pick(["globex", "c0000001", "c00000001", "total", "none"])
                }
            }
        case 10:  // any word replaced by a keyword or value
            lines[index] = replaceWord(in: lines[index], where: { _ in true }) {
                $0.random.chance(50) ? $0.pick(Self.keywords) : $0.pick(Self.values)
            }
        default:  // a random line, or time travel, inserted
            let line = random.chance(50) ? soupLine() : pick(["advance to 2025-01-01", "advance 101 years", "seed 9", "catalog empty"])
            lines.insert(line, at: random.below(lines.count + 1))
        }
        return lines.joined(separator: "\n")
    }

    private mutating func replaceWord(
        in line: String, where matches: (String) -> Bool, with replacement: (inout FuzzInput) -> String
    ) -> String {
        var words = line.components(separatedBy: " ")
        let candidates = words.indices.filter { matches(words[$0]) }
        guard !candidates.isEmpty else { return line }
        words[pick(candidates)] = replacement(&self)
        return words.joined(separator: " ")
    }
}

@Suite("Fuzz: the loader and the runner never trap")
struct FuzzTests {
    /// The bundled scenario files and their text.
    static let bundled: [(path: String, text: String)] = ScenarioLoader.files(in: [Paths.scenarios]).files.compactMap { path in
        (try? String(contentsOfFile: path, encoding: .utf8)).map { (path, $0) }
    }

    /// Where mutated bundled scenarios pretend to be, so their includes resolve.
    static let mutantPath = Paths.scenarios + "/fuzz.scenario"
    /// Where other fuzzed text pretends to be: includes in it name files that don't exist.
    static let soupPath = "/nonexistent-billingsim-fuzz/fuzz.scenario"

    private func expectNoProblems(_ invariants: FuzzInvariants, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(invariants.problems.isEmpty, "\(invariants.problems.joined(separator: "\n"))", sourceLocation: sourceLocation)
    }

    @Test func randomBytesGiveDiagnosticsInsideTheText() {
        var input = FuzzInput(seed: 0xB17E_5000)
        var invariants = FuzzInvariants()
        for _ in 0..<3_000 {
            let bytes = input.bytes()
            invariants.checkDecoding(bytes, label: "\(bytes)")
            let text = String(decoding: bytes, as: UTF8.self)
            invariants.check(text, path: Self.soupPath, label: text)
        }
        #expect(invariants.checked == 3_000)
        #expect(invariants.refused > 1_000)
        expectNoProblems(invariants)
    }

    @Test func tokenSoupGivesAScenarioOrDiagnosticsInsideTheText() {
        var input = FuzzInput(seed: 0x50_0900)
        var invariants = FuzzInvariants()
        for _ in 0..<4_000 {
            let text = input.soup()
            invariants.check(text, path: Self.soupPath, label: text)
        }
        #expect(invariants.checked == 4_000)
        #expect(invariants.refused > 1_000)
        expectNoProblems(invariants)
    }

    /// 3 × 1,000 mutants (with bytes and soup, 10,000 inputs), in three streams that run
    /// side by side: loading a bundled file takes milliseconds in a debug build.
    @Test(arguments: [0x3D7A_7E00, 0x3D7A_7E01, 0x3D7A_7E02] as [UInt64])
    func mutatedBundledScenariosGiveAScenarioOrDiagnosticsInsideTheText(seed: UInt64) throws {
        try #require(Self.bundled.count >= 24)
        var input = FuzzInput(seed: seed)
        var invariants = FuzzInvariants()
        for _ in 0..<1_000 {
            let text = input.mutate(input.pick(Self.bundled).text)
            invariants.check(text, path: Self.mutantPath, label: text)
        }
        #expect(invariants.checked == 1_000)
        // Both outcomes are exercised: many mutants still load, many don't.
        #expect(invariants.loaded > 100)
        #expect(invariants.refused > 100)
        expectNoProblems(invariants)
    }

    @Test func mutatedScenariosThatLoadRunWithoutTrapping() async throws {
        try #require(Self.bundled.count >= 24)
        var input = FuzzInput(seed: 0x7E57_0001)
        var invariants = FuzzInvariants()
        var scenarios: [Scenario] = []
        while scenarios.count < 300, invariants.checked < 20_000 {
            let text = input.mutate(input.pick(Self.bundled).text)
            guard let scenario = invariants.check(text, path: Self.mutantPath, label: text) else { continue }
            // Generated populations are slow in a debug build; they have tests of their own.
            let generates = scenario.statements.contains { if case .generate = $0.kind { true } else { false } }
            if !generates { scenarios.append(scenario) }
        }
        expectNoProblems(invariants)
        try #require(scenarios.count == 300)

        let results = await ScenarioRunner().run(scenarios)
        #expect(results.count == scenarios.count)
        var stopped = 0
        for (scenario, result) in zip(scenarios, results) {
            #expect(result.path == scenario.path)
            // Every expectation is either checked or counted as not run.
            #expect(result.expectations.count + result.notRun == scenario.expectationCount)
            if let failure = result.failure {
                stopped += 1
                #expect(failure.location.line >= 1 && failure.location.column >= 1)
                #expect(!failure.message.isEmpty)
            } else {
                #expect(result.notRun == 0)
            }
            for expectation in result.expectations {
                #expect(expectation.location.line >= 1)
            }
        }
        // The mutants exercise both outcomes of a run.
        #expect(stopped > 0)
        #expect(stopped < scenarios.count)
    }
}
