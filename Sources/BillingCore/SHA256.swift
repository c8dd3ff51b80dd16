/// SHA-256 (FIPS 180-4), for the world digest: a stable hash with no dependencies.
///
/// Feed bytes with ``update(_:)`` in any chunking; ``finalize()`` gives the same digest.
/// Whole 64-byte blocks are compressed straight from the caller's memory; only a partial
/// block is copied, into a buffer held inline (no heap allocation per hash or per update).
public struct SHA256: Sendable {
    /// Eight 32-bit words: the chaining state H0…H7.
    private typealias State = (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32)
    /// 64 bytes of inline storage for a partial block.
    private typealias Block = (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)

    private var state: State = (
        0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19
    )
    /// The first `buffered` bytes are a block not yet compressed.
    private var buffer: Block = (0, 0, 0, 0, 0, 0, 0, 0)
    private var buffered = 0
    private var length: UInt64 = 0

    /// A fresh hash.
    public init() {}

    /// Hashes more bytes.
    public mutating func update(_ bytes: some Sequence<UInt8>) {
        let done: Void? = bytes.withContiguousStorageIfAvailable { update(UnsafeRawBufferPointer($0)) }
        if done == nil {
            let array = Array(bytes)
            array.withUnsafeBytes { update($0) }
        }
    }

    /// Hashes the UTF-8 bytes of `text`.
    public mutating func update(_ text: String) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { update(UnsafeRawBufferPointer($0)) }
        if done == nil {
            var copy = text
            copy.withUTF8 { update(UnsafeRawBufferPointer($0)) }
        }
    }

    /// Hashes raw bytes: whole 64-byte blocks straight from memory, the rest buffered.
    public mutating func update(_ raw: UnsafeRawBufferPointer) {
        guard let base = raw.baseAddress, !raw.isEmpty else { return }
        length &+= UInt64(raw.count)
        var offset = 0
        if buffered > 0 {
            let take = min(64 - buffered, raw.count)
            let filled = buffered
            withUnsafeMutableBytes(of: &buffer) { block in
                block.baseAddress.unsafelyUnwrapped.advanced(by: filled).copyMemory(from: base, byteCount: take)
            }
            buffered += take
            offset = take
            guard buffered == 64 else { return }
            let block = buffer
            withUnsafeBytes(of: block) { SHA256.compress(&state, $0.baseAddress.unsafelyUnwrapped, blocks: 1) }
            buffered = 0
        }
        let whole = (raw.count - offset) / 64
        if whole > 0 {
            SHA256.compress(&state, base + offset, blocks: whole)
            offset += whole * 64
        }
        if offset < raw.count {
            let rest = raw.count - offset
            withUnsafeMutableBytes(of: &buffer) { block in
                block.baseAddress.unsafelyUnwrapped.copyMemory(from: base + offset, byteCount: rest)
            }
            buffered = rest
        }
    }

    /// Hashes a 64-bit integer, little-endian.
    public mutating func update(_ value: Int64) {
        withUnsafeBytes(of: value.littleEndian) { update($0) }
    }

    /// The digest of everything fed so far.
    public mutating func finalize() -> [UInt8] {
        let bits = length &* 8
        // The padding: the buffered bytes, 0x80, zeros, then the length in bits as a
        // big-endian 64-bit number; one block, or two when fewer than 9 bytes are left.
        var tail: (Block, Block) = ((0, 0, 0, 0, 0, 0, 0, 0), (0, 0, 0, 0, 0, 0, 0, 0))
        let count = buffered < 56 ? 64 : 128
        let pending = buffer
        let filled = buffered
        withUnsafeMutableBytes(of: &tail) { out in
            withUnsafeBytes(of: pending) { out.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[..<filled])) }
            out[filled] = 0x80
            out.storeBytes(of: bits.bigEndian, toByteOffset: count - 8, as: UInt64.self)
            SHA256.compress(&state, UnsafeRawPointer(out.baseAddress.unsafelyUnwrapped), blocks: count / 64)
        }
        buffered = 0
        let words = [state.0, state.1, state.2, state.3, state.4, state.5, state.6, state.7]
        return [UInt8](unsafeUninitializedCapacity: 32) { out, initialized in
            for (index, word) in words.enumerated() {
                out[4 * index] = UInt8(truncatingIfNeeded: word >> 24)
                out[4 * index + 1] = UInt8(truncatingIfNeeded: word >> 16)
                out[4 * index + 2] = UInt8(truncatingIfNeeded: word >> 8)
                out[4 * index + 3] = UInt8(truncatingIfNeeded: word)
            }
            initialized = 32
        }
    }

    /// The SHA-256 of `text` as 64 lower-case hex digits.
    public static func hex(of text: String) -> String {
        var hash = SHA256()
        hash.update(text)
        return hexString(hash.finalize())
    }

    /// Bytes as lower-case hex.
    public static func hexString(_ bytes: [UInt8]) -> String {
        String(unsafeUninitializedCapacity: bytes.count * 2) { out in
            for (index, byte) in bytes.enumerated() {
                out[2 * index] = digit(byte >> 4)
                out[2 * index + 1] = digit(byte & 0xf)
            }
            return bytes.count * 2
        }
    }

    @inline(__always)
    private static func digit(_ nibble: UInt8) -> UInt8 { nibble < 10 ? 0x30 + nibble : 0x57 + nibble }

    // MARK: - The compression function

    @inline(__always)
    private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { x &>> n | x &<< (32 &- n) }

    /// The message schedule: W[t] from W[t-16], W[t-15], W[t-7] and W[t-2].
    @inline(__always)
    private static func schedule(_ w16: UInt32, _ w15: UInt32, _ w7: UInt32, _ w2: UInt32) -> UInt32 {
        let s0 = rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 &>> 3)
        let s1 = rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 &>> 10)
        return w16 &+ s0 &+ w7 &+ s1
    }

    /// One round; `kw` is K[t] + W[t]. The caller rotates the roles of the eight words
    /// instead of moving them: `d` becomes the new `e`, `h` the new `a`.
    @inline(__always)
    private static func round(
        _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
        _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32, _ kw: UInt32
    ) {
        let s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
        let ch = (e & f) ^ (~e & g)
        let t1 = h &+ s1 &+ ch &+ kw
        let s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
        let maj = (a & b) | (c & (a | b))
        d = d &+ t1
        h = t1 &+ s0 &+ maj
    }

    /// Compresses `blocks` consecutive 64-byte blocks at `start` into `state`: the state
    /// stays in locals across blocks, the schedule in sixteen locals, the 64 rounds
    /// unrolled with their constants inline (generated, FIPS 180-4 section 4.2.2).
    private static func compress(_ state: inout State, _ start: UnsafeRawPointer, blocks: Int) {
        var (a, b, c, d, e, f, g, h) = state
        var block = start
        for _ in 0..<blocks {
            @inline(__always) func word(_ i: Int) -> UInt32 {
                UInt32(bigEndian: block.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self))
            }
            var (w0, w1, w2, w3, w4, w5, w6, w7) = (word(0), word(1), word(2), word(3), word(4), word(5), word(6), word(7))
            var (w8, w9, w10, w11, w12, w13, w14, w15) = (
                word(8), word(9), word(10), word(11), word(12), word(13), word(14), word(15)
            )
            let (a0, b0, c0, d0, e0, f0, g0, h0) = (a, b, c, d, e, f, g, h)
            round(a, b, c, &d, e, f, g, &h, 0x428a_2f98 &+ w0)
            round(h, a, b, &c, d, e, f, &g, 0x7137_4491 &+ w1)
            round(g, h, a, &b, c, d, e, &f, 0xb5c0_fbcf &+ w2)
            round(f, g, h, &a, b, c, d, &e, 0xe9b5_dba5 &+ w3)
            round(e, f, g, &h, a, b, c, &d, 0x3956_c25b &+ w4)
            round(d, e, f, &g, h, a, b, &c, 0x59f1_11f1 &+ w5)
            round(c, d, e, &f, g, h, a, &b, 0x923f_82a4 &+ w6)
            round(b, c, d, &e, f, g, h, &a, 0xab1c_5ed5 &+ w7)
            round(a, b, c, &d, e, f, g, &h, 0xd807_aa98 &+ w8)
            round(h, a, b, &c, d, e, f, &g, 0x1283_5b01 &+ w9)
            round(g, h, a, &b, c, d, e, &f, 0x2431_85be &+ w10)
            round(f, g, h, &a, b, c, d, &e, 0x550c_7dc3 &+ w11)
            round(e, f, g, &h, a, b, c, &d, 0x72be_5d74 &+ w12)
            round(d, e, f, &g, h, a, b, &c, 0x80de_b1fe &+ w13)
            round(c, d, e, &f, g, h, a, &b, 0x9bdc_06a7 &+ w14)
            round(b, c, d, &e, f, g, h, &a, 0xc19b_f174 &+ w15)
            w0 = schedule(w0, w1, w9, w14)
            round(a, b, c, &d, e, f, g, &h, 0xe49b_69c1 &+ w0)
            w1 = schedule(w1, w2, w10, w15)
            round(h, a, b, &c, d, e, f, &g, 0xefbe_4786 &+ w1)
            w2 = schedule(w2, w3, w11, w0)
            round(g, h, a, &b, c, d, e, &f, 0x0fc1_9dc6 &+ w2)
            w3 = schedule(w3, w4, w12, w1)
            round(f, g, h, &a, b, c, d, &e, 0x240c_a1cc &+ w3)
            w4 = schedule(w4, w5, w13, w2)
            round(e, f, g, &h, a, b, c, &d, 0x2de9_2c6f &+ w4)
            w5 = schedule(w5, w6, w14, w3)
            round(d, e, f, &g, h, a, b, &c, 0x4a74_84aa &+ w5)
            w6 = schedule(w6, w7, w15, w4)
            round(c, d, e, &f, g, h, a, &b, 0x5cb0_a9dc &+ w6)
            w7 = schedule(w7, w8, w0, w5)
            round(b, c, d, &e, f, g, h, &a, 0x76f9_88da &+ w7)
            w8 = schedule(w8, w9, w1, w6)
            round(a, b, c, &d, e, f, g, &h, 0x983e_5152 &+ w8)
            w9 = schedule(w9, w10, w2, w7)
            round(h, a, b, &c, d, e, f, &g, 0xa831_c66d &+ w9)
            w10 = schedule(w10, w11, w3, w8)
            round(g, h, a, &b, c, d, e, &f, 0xb003_27c8 &+ w10)
            w11 = schedule(w11, w12, w4, w9)
            round(f, g, h, &a, b, c, d, &e, 0xbf59_7fc7 &+ w11)
            w12 = schedule(w12, w13, w5, w10)
            round(e, f, g, &h, a, b, c, &d, 0xc6e0_0bf3 &+ w12)
            w13 = schedule(w13, w14, w6, w11)
            round(d, e, f, &g, h, a, b, &c, 0xd5a7_9147 &+ w13)
            w14 = schedule(w14, w15, w7, w12)
            round(c, d, e, &f, g, h, a, &b, 0x06ca_6351 &+ w14)
            w15 = schedule(w15, w0, w8, w13)
            round(b, c, d, &e, f, g, h, &a, 0x1429_2967 &+ w15)
            w0 = schedule(w0, w1, w9, w14)
            round(a, b, c, &d, e, f, g, &h, 0x27b7_0a85 &+ w0)
            w1 = schedule(w1, w2, w10, w15)
            round(h, a, b, &c, d, e, f, &g, 0x2e1b_2138 &+ w1)
            w2 = schedule(w2, w3, w11, w0)
            round(g, h, a, &b, c, d, e, &f, 0x4d2c_6dfc &+ w2)
            w3 = schedule(w3, w4, w12, w1)
            round(f, g, h, &a, b, c, d, &e, 0x5338_0d13 &+ w3)
            w4 = schedule(w4, w5, w13, w2)
            round(e, f, g, &h, a, b, c, &d, 0x650a_7354 &+ w4)
            w5 = schedule(w5, w6, w14, w3)
            round(d, e, f, &g, h, a, b, &c, 0x766a_0abb &+ w5)
            w6 = schedule(w6, w7, w15, w4)
            round(c, d, e, &f, g, h, a, &b, 0x81c2_c92e &+ w6)
            w7 = schedule(w7, w8, w0, w5)
            round(b, c, d, &e, f, g, h, &a, 0x9272_2c85 &+ w7)
            w8 = schedule(w8, w9, w1, w6)
            round(a, b, c, &d, e, f, g, &h, 0xa2bf_e8a1 &+ w8)
            w9 = schedule(w9, w10, w2, w7)
            round(h, a, b, &c, d, e, f, &g, 0xa81a_664b &+ w9)
            w10 = schedule(w10, w11, w3, w8)
            round(g, h, a, &b, c, d, e, &f, 0xc24b_8b70 &+ w10)
            w11 = schedule(w11, w12, w4, w9)
            round(f, g, h, &a, b, c, d, &e, 0xc76c_51a3 &+ w11)
            w12 = schedule(w12, w13, w5, w10)
            round(e, f, g, &h, a, b, c, &d, 0xd192_e819 &+ w12)
            w13 = schedule(w13, w14, w6, w11)
            round(d, e, f, &g, h, a, b, &c, 0xd699_0624 &+ w13)
            w14 = schedule(w14, w15, w7, w12)
            round(c, d, e, &f, g, h, a, &b, 0xf40e_3585 &+ w14)
            w15 = schedule(w15, w0, w8, w13)
            round(b, c, d, &e, f, g, h, &a, 0x106a_a070 &+ w15)
            w0 = schedule(w0, w1, w9, w14)
            round(a, b, c, &d, e, f, g, &h, 0x19a4_c116 &+ w0)
            w1 = schedule(w1, w2, w10, w15)
            round(h, a, b, &c, d, e, f, &g, 0x1e37_6c08 &+ w1)
            w2 = schedule(w2, w3, w11, w0)
            round(g, h, a, &b, c, d, e, &f, 0x2748_774c &+ w2)
            w3 = schedule(w3, w4, w12, w1)
            round(f, g, h, &a, b, c, d, &e, 0x34b0_bcb5 &+ w3)
            w4 = schedule(w4, w5, w13, w2)
            round(e, f, g, &h, a, b, c, &d, 0x391c_0cb3 &+ w4)
            w5 = schedule(w5, w6, w14, w3)
            round(d, e, f, &g, h, a, b, &c, 0x4ed8_aa4a &+ w5)
            w6 = schedule(w6, w7, w15, w4)
            round(c, d, e, &f, g, h, a, &b, 0x5b9c_ca4f &+ w6)
            w7 = schedule(w7, w8, w0, w5)
            round(b, c, d, &e, f, g, h, &a, 0x682e_6ff3 &+ w7)
            w8 = schedule(w8, w9, w1, w6)
            round(a, b, c, &d, e, f, g, &h, 0x748f_82ee &+ w8)
            w9 = schedule(w9, w10, w2, w7)
            round(h, a, b, &c, d, e, f, &g, 0x78a5_636f &+ w9)
            w10 = schedule(w10, w11, w3, w8)
            round(g, h, a, &b, c, d, e, &f, 0x84c8_7814 &+ w10)
            w11 = schedule(w11, w12, w4, w9)
            round(f, g, h, &a, b, c, d, &e, 0x8cc7_0208 &+ w11)
            w12 = schedule(w12, w13, w5, w10)
            round(e, f, g, &h, a, b, c, &d, 0x90be_fffa &+ w12)
            w13 = schedule(w13, w14, w6, w11)
            round(d, e, f, &g, h, a, b, &c, 0xa450_6ceb &+ w13)
            w14 = schedule(w14, w15, w7, w12)
            round(c, d, e, &f, g, h, a, &b, 0xbef9_a3f7 &+ w14)
            w15 = schedule(w15, w0, w8, w13)
            round(b, c, d, &e, f, g, h, &a, 0xc671_78f2 &+ w15)
            (a, b, c, d, e, f, g, h) = (a &+ a0, b &+ b0, c &+ c0, d &+ d0, e &+ e0, f &+ f0, g &+ g0, h &+ h0)
            block += 64
        }
        state = (a, b, c, d, e, f, g, h)
    }
}
