import BillingCore
import Testing

@Suite("SHA-256")
struct SHA256Tests {
    @Test(
        "The FIPS 180-4 test vectors hash to their published digests",
        arguments: [
            ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            (
                "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
                "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
            ),
            (
                "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
                "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
            ),
        ])
    func standardVectors(text: String, digest: String) {
        #expect(SHA256.hex(of: text) == digest)
        var bytes = SHA256()
        bytes.update(Array(text.utf8))
        #expect(SHA256.hexString(bytes.finalize()) == digest)
    }

    @Test("One million 'a' hash to the published digest")
    func oneMillionA() {
        #expect(
            SHA256.hex(of: String(repeating: "a", count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        var chunked = SHA256()
        let thousand = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
        for _ in 0..<1000 { chunked.update(thousand) }
        #expect(SHA256.hexString(chunked.finalize()) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test(
        "Messages around the padding boundaries hash correctly",
        arguments: [
            (55, "d5e285683cd4efc02d021a5c62014694958901005d6f71e89e0989fac77e4072"),
            (56, "04c26261370ee7541549d16dee320c723e3fd14671e66a099afe0a377c16888e"),
            (63, "75220b47218278e656f2013bb8f0c455a25eaf01e86c64924e9d48d89776d6f2"),
            (64, "7ce100971f64e7001e8fe5a51973ecdfe1ced42befe7ee8d5fd6219506b5393c"),
            (65, "9537c5fdf120482f7d58d25e9ed583f52c02b4e304ea814db1633ad565aed7e9"),
            (119, "000b48d4edf0fa7bee3c6236ecd2785baa5db4eeb8bb54341b029e0d9fa5fb0c"),
            (120, "13f05a0b594787f5ecd315edc96141bd3243203d1b7d4f0836f37308b276ba98"),
        ])
    func paddingBoundaries(length: Int, digest: String) {
        #expect(SHA256.hex(of: String(repeating: "x", count: length)) == digest)
    }

    @Test("Text is hashed as its UTF-8 bytes")
    func utf8() {
        #expect(SHA256.hex(of: "Räksmörgås 🦐") == "8e35478f9a03bffabb13364c52182d7eff0f94e97d9d90dc62fedb3af4ed85e6")
    }

    @Test("Integers are hashed as eight little-endian bytes")
    func integers() {
        var hash = SHA256()
        hash.update(Int64(1))
        hash.update(Int64(-1))
        #expect(SHA256.hexString(hash.finalize()) == "db0550d553e2a146e34164d19cd55f006c38d700d8f9a4e3ba2c889a1d7c26b2")
    }

    @Test("Chunked updates of any split give the digest of one update", arguments: [1, 3, 7, 55, 56, 63, 64, 65, 127, 200])
    func chunking(chunk: Int) {
        let message = (0..<300).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        var whole = SHA256()
        whole.update(message)
        let expected = whole.finalize()

        var pieces = SHA256()
        var start = 0
        while start < message.count {
            let end = min(start + chunk, message.count)
            pieces.update(message[start..<end])
            start = end
        }
        #expect(pieces.finalize() == expected)
    }

    @Test("Text and byte updates mix freely")
    func mixedUpdates() {
        let text = "company \"acme\" index=0 currency=SEK plan=business cycle=monthly\ninvoice ACME-000001 plan"
        var mixed = SHA256()
        let cut = text.utf8.index(text.utf8.startIndex, offsetBy: 40)
        mixed.update(String(decoding: text.utf8[..<cut], as: UTF8.self))
        mixed.update(Array(text.utf8[cut...]))
        #expect(SHA256.hexString(mixed.finalize()) == SHA256.hex(of: text))
    }

    /// The first `count` bytes of a fixed pattern: byte i is i * 31 + 7, modulo 256.
    private static func pattern(_ count: Int) -> [UInt8] { (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) } }

    @Test(
        "Binary messages of one to several blocks, at every padding edge, hash to the digests Python's hashlib gives",
        arguments: [
            (0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            (1, "ca358758f6d27e6cf45272937977a748fd88391db679ceda7dc7bf1f005ee879"),
            (55, "8aa994584139d128848eeebc4e815639ba5ab6e6e39574195a63ac4f14f7c43b"),
            (56, "ad574708f75c044c9b85de64cb568ee7711ff4f36448c6242f053ba8f6cc2b63"),
            (57, "5b46e502092be01b1100193e089fdda95638c12e19a1d24f308eb2c3d3ae849d"),
            (63, "280ed3e8ff1df845b2e7dfe6ac6cee817bef20e783cc65abc41b818b4d2fe076"),
            (64, "c6ab9724ade5b6a7a1edfffb12f3aa9181351355af8fd08c919952ad211339dd"),
            (65, "788367c73c7ddf4c53f65e68cc0d943e6227ab55b0e78ba63ace822b1c6301c0"),
            (111, "dd1413178fb627f9abbc041ffe39c44aa7aaa0e2e6d2ca5c4528ac7073a2da45"),
            (112, "a65c92dac124062d0ab951a42773cb04fc98d1d4bf8897b176f8cff3509d379e"),
            (119, "3d610547d68216dedf7435a4fb6260353911f6b3fd3f18805ddb8be285d726fe"),
            (120, "1f80156a804cb7862ad113e8200e9d74499723e7c7854d5f48776d3148e09656"),
            (127, "192409cd280e14b743642ad1343fbd3e82d9305de72c078117745a679210cc3d"),
            (128, "cc548ca2dec1f6fe4f58b2e27aa9c7521607df1130d140b55a4dad0665302356"),
            (129, "81e89a7b2911aaa7795f9e3d4910cb47d6cd2b00d83b8399481527261a1a7519"),
            (191, "2a30958d124d569d0a4832c608c772181557edbae684ff368be6592d3bf500c7"),
            (192, "6e3a9b4ecba7af3a46e4f5c90fe02c99b5715144444b38049a42ac8313b30346"),
            (1000, "5097e7d587352f5097062ae679f37bda5802d9f875aba14c8cb4d1a188ada179"),
        ])
    func binaryLengths(length: Int, digest: String) {
        let message = Self.pattern(length)
        var whole = SHA256()
        message.withUnsafeBytes { whole.update($0) }
        #expect(SHA256.hexString(whole.finalize()) == digest)
        // Every split into two updates, and byte by byte, gives the same digest.
        for cut in stride(from: 0, through: length, by: max(1, length / 40)) {
            var split = SHA256()
            split.update(message[..<cut])
            split.update(message[cut...])
            #expect(SHA256.hexString(split.finalize()) == digest, "cut at \(cut)")
        }
        var bytes = SHA256()
        for byte in message { bytes.update(CollectionOfOne(byte)) }
        #expect(SHA256.hexString(bytes.finalize()) == digest)
    }

    @Test("Sequences without contiguous storage hash like the array of their bytes")
    func nonContiguousSequence() {
        let message = Self.pattern(300)
        var lazy = SHA256()
        lazy.update(message.lazy.map { $0 })
        var array = SHA256()
        array.update(message)
        #expect(lazy.finalize() == array.finalize())
    }

    @Test("Chunked updates of one million 'a' straight from memory give the published digest", arguments: [1, 63, 64, 65, 4096, 99_999])
    func oneMillionAFromMemory(chunk: Int) {
        let message = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        var hash = SHA256()
        message.withUnsafeBytes { raw in
            var start = 0
            while start < raw.count {
                let end = min(start + chunk, raw.count)
                hash.update(UnsafeRawBufferPointer(rebasing: raw[start..<end]))
                start = end
            }
        }
        #expect(SHA256.hexString(hash.finalize()) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("Hex strings are lower-case, two digits per byte")
    func hexString() {
        #expect(SHA256.hexString([0x00, 0x0f, 0xa0, 0xff]) == "000fa0ff")
        #expect(SHA256.hexString([]) == "")
    }
}
