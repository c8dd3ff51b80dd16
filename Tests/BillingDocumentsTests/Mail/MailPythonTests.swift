import Foundation
import Testing

@Suite("The Python checkers")
struct MailPythonTests {
    @Test("Without python3 the checkers fail with a message that says what to install")
    func missingPythonFails() {
        let error = #expect(throws: MailPython.Failure.self) { try MailPython.interpreter(searching: "/nonexistent") }
        #expect(error?.description.contains("install Python 3") == true)
    }

    @Test("The checker scripts are where the tests look for them")
    func scriptsExist() {
        for script in ["check_eml.py", "check_mbox.py"] {
            #expect(FileManager.default.fileExists(atPath: MailPython.supportFolder.appendingPathComponent(script).path))
        }
    }
}
