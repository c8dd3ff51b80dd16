import BillingDocuments
import Testing

@Suite("Retry policy and delivery report")
struct RetryPolicyTests {
    @Test(
        "The standard policy waits 200 ms and doubles up to 5 s",
        arguments: [(1, 200), (2, 400), (3, 800), (4, 1600), (5, 3200), (6, 5000), (60, 5000)])
    func standardDelays(attempt: Int, milliseconds: Int) {
        #expect(RetryPolicy.standard.attempts == 5)
        #expect(RetryPolicy.standard.delay(afterAttempt: attempt) == .milliseconds(milliseconds))
    }

    @Test("A policy makes at least one attempt and never waits a negative time")
    func clampsNonsense() {
        let policy = RetryPolicy(attempts: 0, firstDelay: .seconds(-1), maxDelay: .seconds(-2))
        #expect(policy.attempts == 1)
        #expect(policy.delay(afterAttempt: 1) == .zero)
    }

    @Test("The summary counts each outcome")
    func summary() {
        let report = DeliveryReport(
            delivered: 48, bounced: [.init(id: 3, to: "a@b", reply: "550 no")],
            failed: [.init(id: 9, to: "c@d", reason: "timed out")])
        #expect(report.summary == "48 delivered, 1 bounced, 1 failed")
        #expect(report.total == 50)
    }
}
