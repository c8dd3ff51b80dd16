// A libFuzzer target over the scenario parser and checker. Not a SwiftPM target: built
// and run by Scripts/fuzz-parser.sh, which compiles the library modules with coverage
// instrumentation and links this file with `swiftc -sanitize=fuzzer`.
import BillingScenario
import Foundation

/// The folder the fuzzed text pretends to live in: includes resolve inside it, and the
/// script fills it with a few `.inc` files so `include` has something to read.
private let fuzzFolder: String = {
    if let value = getenv("BILLINGSIM_FUZZ_FOLDER") { return String(cString: value) }
    return "/tmp/billingsim-fuzz"
}()

/// One input: any bytes. The loader must answer with a scenario or diagnostics, never trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // Invalid UTF-8 is the loader's business only when read from a file; here it becomes
    // U+FFFD, which the lexer must handle like any other character.
    let text = String(decoding: bytes, as: UTF8.self)
    switch ScenarioLoader.load(text: text, path: fuzzFolder + "/fuzz.scenario") {
    case .success(let scenario): _ = scenario.expectationCount
    case .failure(let diagnostics): _ = diagnostics.description
    }
    return 0
}
