import BillingCore
import Testing

/// The binary form written the plain way, byte by byte into an array: the specification
/// ``CanonicalHash`` must keep to however it buffers.
private struct ReferenceEncoding: CanonicalSink {
    var bytes: [UInt8] = []

    mutating func record(_ tag: String) { string(0x1E, tag) }
    mutating func int(_ value: Int64, _ name: String?) {
        bytes.append(0x01)
        varint(value)
    }
    mutating func word(_ value: String, _ name: String?) { string(0x02, value) }
    mutating func text(_ value: String, _ name: String?) { string(0x03, value) }

    private mutating func varint(_ value: Int64) {
        var rest = UInt64(bitPattern: (value << 1) ^ (value >> 63))
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    private mutating func string(_ kind: UInt8, _ value: String) {
        bytes.append(kind)
        varint(Int64(value.utf8.count))
        bytes.append(contentsOf: value.utf8)
    }
}

@Suite("Canonical hash")
struct CanonicalHashTests {
    /// Records of every kind, with integers at the varint edges and strings of lengths
    /// around the hash's buffer size, so fields land on and across every flush boundary.
    private static func writeSample(to sink: inout some CanonicalSink, strings: Int) {
        let edges: [Int64] = [0, 1, -1, 63, -64, 64, -65, 127, 128, 300, -300, 1 << 31, Int64.max, Int64.min, Int64.max - 1]
        for index in 0..<strings {
            sink.record(index.isMultiple(of: 2) ? "user" : "  line")
            sink.int(index)
            sink.int(edges[index % edges.count], "edge")
            sink.word(String(repeating: "w", count: index % 70))
            sink.text(String(repeating: "ä", count: (index * 37) % 700))
            sink.bool(index.isMultiple(of: 3), "flag")
        }
        sink.text(String(repeating: "long text ", count: 1000))
        sink.text("")
        sink.text("Räksmörgås 🦐")
    }

    @Test("The hash covers exactly the specified bytes: kind byte, zigzag varints, length-prefixed UTF-8")
    func matchesReferenceEncoding() {
        for strings in [0, 1, 5, 17, 300] {
            var reference = ReferenceEncoding()
            Self.writeSample(to: &reference, strings: strings)
            var plain = SHA256()
            plain.update(reference.bytes)
            var hash = CanonicalHash()
            Self.writeSample(to: &hash, strings: strings)
            #expect(hash.finalize() == plain.finalize(), "\(strings) records")
        }
    }

    @Test("A fixed record sequence hashes to the digest computed independently (Python hashlib)")
    func pinnedDigest() {
        var hash = CanonicalHash()
        hash.record("world")
        hash.int(Int64(0))
        hash.int(Int64(-1))
        hash.int(Int64(300))
        hash.int(Int64.min)
        hash.int(Int64.max)
        hash.word("true")
        hash.text("Räksmörgås 🦐")
        hash.text(String(repeating: "x", count: 600))
        #expect(SHA256.hexString(hash.finalize()) == "7f999b45576310b6ed7d48f802ac39693d751bbac4c4fe0072224055c16ad80a")
    }
}
