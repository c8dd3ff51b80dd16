import Foundation
import Testing

@Suite("The Python checkers")
struct SupportPythonTests {
    @Test("Without python3 the checkers fail with a message that says what to install")
    func missingPythonFails() {
        let error = #expect(throws: SupportPython.Failure.self) { try SupportPython.interpreter(searching: "/nonexistent") }
        #expect(error?.description.contains("install Python 3") == true)
    }

    @Test("The checker scripts are where the tests look for them")
    func scriptsExist() {
        for script in ["check_eml.py", "check_mbox.py", "check_html.py"] {
            #expect(FileManager.default.fileExists(atPath: SupportPython.supportFolder.appendingPathComponent(script).path))
        }
    }
}
