/// Receives the canonical form of world state: records of fields in a fixed order.
///
/// One writer (for example ``CompanyState/write(to:)``) feeds either sink: ``CanonicalText``
/// makes the dump people read and diff, ``CanonicalHash`` hashes the same records
/// without building any text, so the digest covers exactly what the dump shows.
public protocol CanonicalSink {
    /// Starts a record: a line of the text form.
    mutating func record(_ tag: String)
    /// An integer field, `name=value` in the text form (just the value without a name).
    mutating func int(_ value: Int64, _ name: String?)
    /// A word (an identifier or a code), printed as it is.
    mutating func word(_ value: String, _ name: String?)
    /// Free text, quoted and escaped in the text form.
    mutating func text(_ value: String, _ name: String?)
}

extension CanonicalSink {
    /// An unnamed integer.
    public mutating func int(_ value: Int64) { int(value, nil) }
    /// An unnamed `Int32`.
    public mutating func int(_ value: Int32, _ name: String? = nil) { int(Int64(value), name) }
    /// An unnamed `Int`.
    public mutating func int(_ value: Int, _ name: String? = nil) { int(Int64(value), name) }
    /// An instant as seconds.
    public mutating func instant(_ value: Instant, _ name: String? = nil) { int(value.seconds, name) }
    /// A flag as the word `true` or `false`.
    public mutating func bool(_ value: Bool, _ name: String? = nil) { word(value ? "true" : "false", name) }
    /// An unnamed word.
    public mutating func word(_ value: String) { word(value, nil) }
    /// Unnamed text.
    public mutating func text(_ value: String) { text(value, nil) }
}

/// The text form of the canonical dump: one line per record, `tag field field …`.
public struct CanonicalText: CanonicalSink {
    /// The dump so far; every record ends with a line break.
    public private(set) var output = ""

    /// An empty dump.
    public init() {}

    public mutating func record(_ tag: String) {
        if !output.isEmpty { output += "\n" }
        output += tag
    }

    public mutating func int(_ value: Int64, _ name: String?) { append(String(value), name) }
    public mutating func word(_ value: String, _ name: String?) { append(value, name) }
    public mutating func text(_ value: String, _ name: String?) { append(quoted(value), name) }

    /// The finished dump, ending with a line break.
    public var finished: String { output.isEmpty ? "" : output + "\n" }

    private mutating func append(_ value: String, _ name: String?) {
        output += " "
        if let name { output += name + "=" }
        output += value
    }
}

/// Hashes canonical records with SHA-256 in a compact binary form: a kind byte before
/// every field and record, a length before every word and text, integers as zigzag
/// varints. Names are left out: the order of fields is fixed.
///
/// Fields are small, so they are encoded into a 512-byte buffer held inline and hashed
/// in whole blocks when it fills; a string is copied from its own UTF-8 storage. The
/// field methods are inlinable so that writers in other modules (the world header and
/// the outbox) encode without a call per field.
public struct CanonicalHash: CanonicalSink {
    @usableFromInline internal var hash = SHA256()
    /// Bytes not yet hashed: the first `count` bytes of this inline storage.
    @usableFromInline internal var pending: Pending = (.zero, .zero, .zero, .zero, .zero, .zero, .zero, .zero)
    @usableFromInline internal var count = 0

    @usableFromInline internal typealias Pending = (
        SIMD64<UInt8>, SIMD64<UInt8>, SIMD64<UInt8>, SIMD64<UInt8>, SIMD64<UInt8>, SIMD64<UInt8>, SIMD64<UInt8>,
        SIMD64<UInt8>
    )
    /// The size of `pending`.
    @usableFromInline internal static var capacity: Int { 512 }
    /// The most bytes a kind byte and a varint take.
    @usableFromInline internal static var headRoom: Int { 11 }

    /// A fresh hash.
    public init() {}

    @inlinable
    public mutating func record(_ tag: String) { bytes(0x1E, tag) }

    @inlinable
    public mutating func int(_ value: Int64, _ name: String?) {
        if count > CanonicalHash.capacity - CanonicalHash.headRoom { flush() }
        let at = count
        count = withUnsafeMutableBytes(of: &pending) { raw in
            let out = raw.baseAddress.unsafelyUnwrapped + at
            out.storeBytes(of: 0x01, as: UInt8.self)
            return at + 1 + CanonicalHash.varint(value, at: out + 1)
        }
    }

    @inlinable
    public mutating func word(_ value: String, _ name: String?) { bytes(0x02, value) }
    @inlinable
    public mutating func text(_ value: String, _ name: String?) { bytes(0x03, value) }

    /// The digest of everything written.
    public mutating func finalize() -> [UInt8] {
        flush()
        return hash.finalize()
    }

    /// Writes `value` zigzag-encoded as a LEB128 varint at `out` (small numbers take one
    /// byte) and returns how many bytes it took, at most 10.
    @inlinable @inline(__always)
    internal static func varint(_ value: Int64, at out: UnsafeMutableRawPointer) -> Int {
        var rest = UInt64(bitPattern: (value << 1) ^ (value >> 63))
        var written = 0
        while rest >= 0x80 {
            out.storeBytes(of: UInt8(truncatingIfNeeded: rest) | 0x80, toByteOffset: written, as: UInt8.self)
            rest >>= 7
            written += 1
        }
        out.storeBytes(of: UInt8(truncatingIfNeeded: rest), toByteOffset: written, as: UInt8.self)
        return written + 1
    }

    /// A kind byte, the length of `value`'s UTF-8 and the UTF-8 itself.
    @inlinable
    internal mutating func bytes(_ kind: UInt8, _ value: String) {
        let done: Void? = value.utf8.withContiguousStorageIfAvailable { bytes(kind, UnsafeRawBufferPointer($0)) }
        if done == nil {
            var copy = value
            copy.withUTF8 { bytes(kind, UnsafeRawBufferPointer($0)) }
        }
    }

    @inlinable
    internal mutating func bytes(_ kind: UInt8, _ utf8: UnsafeRawBufferPointer) {
        let length = utf8.count
        if count + CanonicalHash.headRoom + length > CanonicalHash.capacity { flush() }
        let at = count
        let fits = CanonicalHash.headRoom + length <= CanonicalHash.capacity
        count = withUnsafeMutableBytes(of: &pending) { raw in
            let out = raw.baseAddress.unsafelyUnwrapped + at
            out.storeBytes(of: kind, as: UInt8.self)
            let head = 1 + CanonicalHash.varint(Int64(length), at: out + 1)
            if fits, let source = utf8.baseAddress { (out + head).copyMemory(from: source, byteCount: length) }
            return at + head + (fits ? length : 0)
        }
        // A string longer than the buffer is hashed straight from its own storage.
        if !fits {
            flush()
            hash.update(utf8)
        }
    }

    /// Hashes the pending bytes.
    @usableFromInline
    internal mutating func flush() {
        let filled = count
        withUnsafeBytes(of: &pending) { hash.update(UnsafeRawBufferPointer(rebasing: $0[..<filled])) }
        count = 0
    }
}
