import BillingCore
import Testing

@testable import BillingRuntime

/// The clock's calendar on its own: order, stale entries, repeats.
@Suite("EventCalendar: companies by due instant, then index")
struct EventCalendarTests {
    private func at(_ seconds: Int64) -> Instant { Instant(seconds: seconds) }

    @Test("Companies come out by time, then index, whatever order they were scheduled in")
    func order() {
        var calendar = EventCalendar()
        calendar.grow(to: 6)
        for (company, time) in [(5, 200), (1, 100), (4, 100), (0, 300), (2, 100), (3, 200)] {
            calendar.schedule(Int32(company), at: at(Int64(time)))
        }
        #expect(calendar.peek() == at(100))
        #expect(calendar.popAll(at: at(100)) == [1, 2, 4])
        #expect(calendar.peek() == at(200))
        #expect(calendar.popAll(at: at(250)) == [3, 5])
        #expect(calendar.popAll(at: at(300)) == [0])
        #expect(calendar.peek() == nil)
        #expect(calendar.popAll(at: at(1_000)) == [])
    }

    @Test("An earlier due replaces a later one; a later one is ignored; nil schedules nothing")
    func earlierWins() {
        var calendar = EventCalendar()
        calendar.grow(to: 3)
        calendar.schedule(0, at: at(500))
        calendar.schedule(0, at: at(100))
        calendar.schedule(0, at: at(900))
        calendar.schedule(1, at: nil)
        calendar.schedule(2, at: at(500))
        #expect(calendar.entries.map(\.company) == [0, 2])
        #expect(calendar.peek() == at(100))
        #expect(calendar.popAll(at: at(100)) == [0])
        // Company 0's stale entry at 500 is skipped; only company 2 is due then.
        #expect(calendar.peek() == at(500))
        #expect(calendar.popAll(at: at(500)) == [2])
        #expect(calendar.peek() == nil)
    }

    @Test("A bucket of only stale entries is not a step")
    func staleBucket() {
        var calendar = EventCalendar()
        calendar.grow(to: 2)
        calendar.schedule(0, at: at(300))
        calendar.schedule(1, at: at(300))
        calendar.schedule(0, at: at(100))
        calendar.schedule(1, at: at(200))
        #expect(calendar.popAll(at: at(100)) == [0])
        #expect(calendar.popAll(at: at(200)) == [1])
        #expect(calendar.peek() == nil)
    }

    @Test("A company filed twice at one instant comes out once")
    func twiceInOneBucket() {
        var calendar = EventCalendar()
        calendar.grow(to: 2)
        calendar.schedule(0, at: at(300))
        calendar.schedule(0, at: at(100))
        #expect(calendar.popAll(at: at(100)) == [0])
        calendar.schedule(0, at: at(300))
        calendar.schedule(1, at: at(300))
        #expect(calendar.popAll(at: at(300)) == [0, 1])
        #expect(calendar.peek() == nil)
    }

    @Test("10,000 random schedules pop in the order a sort of the live entries gives")
    func randomAgainstSort() {
        var random = SplitMix64(seed: 42)
        var calendar = EventCalendar()
        calendar.grow(to: 500)
        var live: [Int32: Int64] = [:]
        for _ in 0..<10_000 {
            let company = Int32(random.below(500))
            let time = Int64(random.below(50))
            calendar.schedule(company, at: at(time))
            if time < live[company, default: .max] { live[company] = time }
        }
        var popped: [(Int64, Int32)] = []
        while let next = calendar.peek() {
            popped += calendar.popAll(at: next).map { (next.seconds, $0) }
        }
        let expected = live.map { ($0.value, $0.key) }.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        #expect(popped.map(\.0) == expected.map(\.0))
        #expect(popped.map(\.1) == expected.map(\.1))
    }
}
