extension ExportManifest {
    /// Reads a marker's lines one at a time, so a marker listing a million files is never
    /// held as a million entries.
    struct Cursor {
        let bytes: [UInt8]
        private var offset = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        /// The next entry; a line that is not one (the header) reads as an `.other` entry.
        mutating func next() -> ExportTree.Entry? {
            guard offset < bytes.count else { return nil }
            let end = bytes[offset...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            let fields = bytes[offset..<end].split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
            offset = end + 1
            let text = { (index: Int) in fields.count > index ? String(decoding: fields[index], as: UTF8.self) : "" }
            switch (text(0), fields.count) {
            case ("d", 2): return ExportTree.Entry(path: Self.unescape(text(1)), kind: .folder, device: 0)
            case ("f", 4):
                guard let size = Int64(text(1)), let modified = Int64(text(2)) else { break }
                return ExportTree.Entry(path: Self.unescape(text(3)), kind: .file(size: size, modified: modified), device: 0)
            default: break
            }
            return ExportTree.Entry(path: "", kind: .other, device: 0)
        }

        /// Undoes ``ExportManifest/escape(_:)``.
        static func unescape(_ text: String) -> String {
            var bytes: [UInt8] = []
            var iterator = Array(text.utf8).makeIterator()
            while let byte = iterator.next() {
                guard byte == UInt8(ascii: "%"), let high = iterator.next(), let low = iterator.next(),
                    let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
                else {
                    bytes.append(byte)
                    continue
                }
                bytes.append(value)
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }
}
