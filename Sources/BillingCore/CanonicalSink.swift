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
public struct CanonicalHash: CanonicalSink {
    private var hash = SHA256()
    /// Bytes not yet hashed: fields are small, so they are gathered and hashed in blocks.
    private var pending: [UInt8] = []

    /// A fresh hash.
    public init() { pending.reserveCapacity(4096) }

    public mutating func record(_ tag: String) { bytes(0x1E, tag) }

    public mutating func int(_ value: Int64, _ name: String?) {
        pending.append(0x01)
        append(value)
    }

    public mutating func word(_ value: String, _ name: String?) { bytes(0x02, value) }
    public mutating func text(_ value: String, _ name: String?) { bytes(0x03, value) }

    /// The digest of everything written.
    public mutating func finalize() -> [UInt8] {
        flush()
        return hash.finalize()
    }

    /// Appends `value` zigzag-encoded as a LEB128 varint: small numbers take one byte.
    private mutating func append(_ value: Int64) {
        var rest = UInt64(bitPattern: (value << 1) ^ (value >> 63))
        while rest >= 0x80 {
            pending.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        pending.append(UInt8(rest))
    }

    private mutating func bytes(_ kind: UInt8, _ value: String) {
        pending.append(kind)
        var value = value
        value.withUTF8 { utf8 in
            append(Int64(utf8.count))
            pending.append(contentsOf: utf8)
        }
        if pending.count >= 4096 { flush() }
    }

    private mutating func flush() {
        pending.withUnsafeBytes { hash.update($0) }
        pending.removeAll(keepingCapacity: true)
    }
}
