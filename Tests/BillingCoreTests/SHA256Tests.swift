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

    @Test("Hex strings are lower-case, two digits per byte")
    func hexString() {
        #expect(SHA256.hexString([0x00, 0x0f, 0xa0, 0xff]) == "000fa0ff")
        #expect(SHA256.hexString([]) == "")
    }
}
