// The JSON text of array columns (`invoices.lines`, `invoices.emails`): an array of
// arrays, each holding one value per field in the fields' order. Values are integers,
// strings or null, nothing else; SQLite's `json_each` reads the same text.

enum SnapshotJSON {
    /// `items` as `[[v, v, …], …]`, with one value per function of `fields`, in order.
    static func array<Element>(_ items: [Element], fields: [@Sendable (Element) -> SQLiteValue]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(2 + items.count * fields.count * 8)
        out.append(UInt8(ascii: "["))
        for index in items.indices {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "["))
            for field in fields.indices {
                if field > 0 { out.append(UInt8(ascii: ",")) }
                switch fields[field](items[index]) {
                case .integer(let number): appendInteger(number, to: &out)
                case .text(let text): appendString(text, to: &out)
                case .null: out.append(contentsOf: "null".utf8)
                }
            }
            out.append(UInt8(ascii: "]"))
        }
        out.append(UInt8(ascii: "]"))
        return String(decoding: out, as: UTF8.self)
    }

    private static func appendInteger(_ number: Int64, to out: inout [UInt8]) {
        if number < 0 { out.append(UInt8(ascii: "-")) }
        // The digits, last first, into 20 bytes on the stack; then appended in order.
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { buffer in
            var magnitude = number.magnitude
            var first = buffer.count
            repeat {
                first -= 1
                buffer[first] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[first...]))
        }
    }

    private static func appendString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                out.append(UInt8(ascii: "\\"))
                out.append(byte)
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: "\\u00".utf8)
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0xF)])
            default:
                out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// The values of `bytes`, an array of arrays of exactly `width` values each,
    /// flattened in order into `cells` (emptied first, its storage reused); `nil`, or why
    /// it is not one (with the byte offset).
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, width: Int, into cells: inout [SnapshotCell]) -> Malformed? {
        cells.removeAll(keepingCapacity: true)
        // A snapshot's values take about 7 bytes each: room for one per 4 bytes is one
        // allocation for a usual array (a hostile one of "0,0,…" grows past it, up to one
        // value per 2 bytes of the column's limit).
        cells.reserveCapacity(bytes.count / 4)
        var parser = Parser(bytes: bytes, width: width, cells: consume cells)
        defer { cells = parser.cells }
        do throws(Malformed) {
            try parser.document()
            return nil
        } catch {
            return error
        }
    }

    /// Why a JSON cell was refused.
    struct Malformed: Error {
        var reason: String
    }

    private struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        let width: Int
        var at = 0
        var cells: [SnapshotCell]

        init(bytes: UnsafeBufferPointer<UInt8>, width: Int, cells: consuming [SnapshotCell]) {
            self.bytes = bytes
            self.width = width
            self.cells = cells
        }

        mutating func document() throws(Malformed) {
            try expect("[")
            if !take("]") {
                repeat { try element() } while take(",")
                try expect("]")
            }
            skipSpace()
            guard at == bytes.count else { throw fail("text after the array") }
        }

        private mutating func element() throws(Malformed) {
            try expect("[")
            for index in 0..<width {
                if index > 0 { try expect(",") }
                cells.append(try value())
            }
            guard take("]") else { throw fail("an element that is not an array of \(width) values") }
        }

        private mutating func value() throws(Malformed) -> SnapshotCell {
            skipSpace()
            guard at < bytes.count else { throw fail("the text ends inside an element") }
            switch bytes[at] {
            case UInt8(ascii: "\""): return .text(try string())
            case UInt8(ascii: "n"):
                guard bytes.count - at >= 4, bytes[at + 1] == UInt8(ascii: "u"), bytes[at + 2] == UInt8(ascii: "l"),
                    bytes[at + 3] == UInt8(ascii: "l")
                else { throw fail("a value that is not an integer, a string or null") }
                at += 4
                return .null
            default: return .integer(try integer())
            }
        }

        private mutating func integer() throws(Malformed) -> Int64 {
            let negative = take("-", skippingSpace: false)
            let first = at
            var magnitude: UInt64 = 0
            while at < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[at]) {
                let (times, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = times.addingReportingOverflow(UInt64(bytes[at] - UInt8(ascii: "0")))
                guard !overflow1, !overflow2 else { throw fail("an integer past 64 bits") }
                magnitude = sum
                at += 1
            }
            guard at > first, bytes[first] != UInt8(ascii: "0") || at == first + 1 else {
                throw fail("a value that is not an integer, a string or null")
            }
            if at < bytes.count, bytes[at] == UInt8(ascii: ".") || bytes[at] | 0x20 == UInt8(ascii: "e") {
                throw fail("a number that is not an integer")
            }
            if negative {
                guard magnitude <= UInt64(Int64.max) + 1 else { throw fail("an integer past 64 bits") }
                return magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
            }
            guard magnitude <= UInt64(Int64.max) else { throw fail("an integer past 64 bits") }
            return Int64(magnitude)
        }

        private mutating func string() throws(Malformed) -> String {
            at += 1
            // Most strings hold no escape: taken straight from the text.
            var end = at
            while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\"), bytes[end] >= 0x20 { end += 1 }
            if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
                defer { at = end + 1 }
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[at..<end]), as: UTF8.self)
            }
            var out: [UInt8] = []
            while true {
                guard at < bytes.count else { throw fail("a string that does not end") }
                let byte = bytes[at]
                at += 1
                switch byte {
                case UInt8(ascii: "\""): return String(decoding: out, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    guard at < bytes.count else { throw fail("a string that does not end") }
                    let escape = bytes[at]
                    at += 1
                    switch escape {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "u"): out.append(contentsOf: String(try scalar()).utf8)
                    default: throw fail("an unknown escape in a string")
                    }
                case 0..<0x20: throw fail("a control character in a string")
                default: out.append(byte)
                }
            }
        }

        /// The scalar of `\uXXXX` (the `\u` read), joining a surrogate pair.
        private mutating func scalar() throws(Malformed) -> Unicode.Scalar {
            let high = try hex4()
            if (0xD800..<0xDC00).contains(high) {
                guard take("\\", skippingSpace: false), take("u", skippingSpace: false) else { throw fail("a lone surrogate") }
                let low = try hex4()
                guard (0xDC00..<0xE000).contains(low), let scalar = Unicode.Scalar(0x10000 + (high - 0xD800) << 10 + (low - 0xDC00))
                else { throw fail("a lone surrogate") }
                return scalar
            }
            guard let scalar = Unicode.Scalar(high) else { throw fail("a lone surrogate") }
            return scalar
        }

        private mutating func hex4() throws(Malformed) -> UInt32 {
            guard bytes.count - at >= 4 else { throw fail("a short \\u escape") }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[at]
                let digit: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
                default: throw fail("a \\u escape that is not hexadecimal")
                }
                value = value << 4 | UInt32(digit)
                at += 1
            }
            return value
        }

        private mutating func skipSpace() {
            while at < bytes.count, bytes[at] == 0x20 || bytes[at] == 0x09 || bytes[at] == 0x0A || bytes[at] == 0x0D { at += 1 }
        }

        private mutating func take(_ character: Unicode.Scalar, skippingSpace: Bool = true) -> Bool {
            if skippingSpace { skipSpace() }
            guard at < bytes.count, bytes[at] == UInt8(ascii: character) else { return false }
            at += 1
            return true
        }

        private mutating func expect(_ character: Unicode.Scalar) throws(Malformed) {
            guard take(character) else { throw fail("expected '\(character)'") }
        }

        private func fail(_ what: String) -> Malformed {
            Malformed(reason: "not a JSON array of arrays of \(width) values: \(what) at byte \(at)")
        }
    }
}

/// One cell as read from a row or a JSON element, before it is checked.
enum SnapshotCell: Sendable {
    case integer(Int64)
    case text(String)
    case null
    /// Anything else (a real or a blob, or text too long to read), with its SQLite type
    /// name and up to 40 bytes of it as text, for the message.
    case other(type: String, shown: String)
}
