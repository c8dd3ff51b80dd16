/// Base64 (RFC 4648 §4, with `=` padding) cut into lines of 76 characters, the longest
/// RFC 2045 §6.8 allows.
///
/// Written out rather than taken from Foundation so the output is the same on every
/// platform; a test checks it against `Data.base64EncodedString`.
///
/// ```swift
/// Base64Lines.lines(for: Array("hello".utf8))  // ["aGVsbG8="]
/// ```
enum Base64Lines {
    /// Characters per line.
    static let lineLength = 76

    /// The base64 alphabet.
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// The encoded lines of `bytes`, without line terminators; none for no bytes.
    ///
    /// - Complexity: O(n) in the number of bytes.
    static func lines(for bytes: [UInt8]) -> [String] {
        let encoded = encode(bytes)
        var lines: [String] = []
        lines.reserveCapacity(encoded.count / lineLength + 1)
        var start = 0
        while start < encoded.count {
            let end = min(start + lineLength, encoded.count)
            lines.append(String(decoding: encoded[start..<end], as: UTF8.self))
            start = end
        }
        return lines
    }

    /// `bytes` as one run of base64 characters.
    static func encode(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let count = min(3, bytes.count - index)
            let b0 = UInt32(bytes[index])
            let b1 = count > 1 ? UInt32(bytes[index + 1]) : 0
            let b2 = count > 2 ? UInt32(bytes[index + 2]) : 0
            let group = b0 << 16 | b1 << 8 | b2
            output.append(alphabet[Int(group >> 18 & 0x3F)])
            output.append(alphabet[Int(group >> 12 & 0x3F)])
            output.append(count > 1 ? alphabet[Int(group >> 6 & 0x3F)] : UInt8(ascii: "="))
            output.append(count > 2 ? alphabet[Int(group & 0x3F)] : UInt8(ascii: "="))
            index += count
        }
        return output
    }
}
