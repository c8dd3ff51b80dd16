import BillingCore
import Testing

@Suite("SplitMix64")
struct SplitMix64Tests {
    @Test("Seed 0 gives the reference SplitMix64 sequence")
    func referenceSequence() {
        var random = SplitMix64(seed: 0)
        #expect(random.next() == 0xE220_A839_7B1D_CDAF)
        #expect(random.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(random.next() == 0x06C4_5D18_8009_454F)
        var other = SplitMix64(seed: 1_234_567)
        #expect(other.next() == 0x599E_D017_FB08_FC85)
        #expect(other.next() == 0x2C73_F084_5854_0FA5)
    }

    @Test("The whole state is one integer: a copy continues identically")
    func snapshot() {
        var random = SplitMix64(seed: 42)
        _ = random.next()
        var copy = SplitMix64(seed: 0)
        copy.state = random.state
        #expect((0..<5).map { _ in random.next() } == (0..<5).map { _ in copy.next() })
    }

    @Test("Streams are stable for a seed and differ between streams")
    func streams() {
        var a1 = SplitMix64(seed: 7, stream: 1)
        var a2 = SplitMix64(seed: 7, stream: 1)
        var b = SplitMix64(seed: 7, stream: 2)
        var c = SplitMix64(seed: 8, stream: 1)
        let first = (0..<4).map { _ in a1.next() }
        #expect(first == (0..<4).map { _ in a2.next() })
        #expect(first != (0..<4).map { _ in b.next() })
        #expect(first != (0..<4).map { _ in c.next() })
    }

    @Test("Bounded draws stay in range and reach both ends", arguments: [1, 2, 6, 41, 100])
    func below(bound: Int) {
        var random = SplitMix64(seed: 99)
        var seen = Set<Int>()
        for _ in 0..<5_000 {
            let value = random.below(bound)
            #expect(value >= 0 && value < bound)
            seen.insert(value)
        }
        #expect(seen.contains(0))
        #expect(seen.contains(bound - 1))
    }

    @Test("Chance 0 never happens, chance 100 always does")
    func chance() {
        var random = SplitMix64(seed: 5)
        for _ in 0..<1_000 {
            let never = random.chance(0)
            let always = random.chance(100)
            #expect(!never)
            #expect(always)
        }
    }
}
