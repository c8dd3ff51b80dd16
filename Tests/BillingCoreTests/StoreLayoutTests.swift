import Testing

@testable import BillingCore

@Suite("Invoice store: compact records")
struct StoreLayoutTests {
    @Test("A stored line takes at most 48 bytes and a stored invoice at most 104")
    func recordsStayCompact() {
        #expect(MemoryLayout<LineRecord>.stride <= 48)
        #expect(MemoryLayout<InvoiceRecord>.stride <= 104)
    }
}
