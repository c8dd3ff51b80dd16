/// Collects the bytes of a message, one CRLF-terminated line at a time.
struct MIMEWriter {
    /// The bytes written so far.
    private(set) var bytes: [UInt8] = []

    /// An empty message.
    init() {}

    /// Appends `text` and CRLF.
    mutating func line(_ text: String) {
        bytes += text.utf8
        bytes += [0x0D, 0x0A]
    }

    /// Appends the folded field and CRLF.
    mutating func header(_ field: HeaderField) { line(field.folded) }

    /// Appends the body `lines`, or one empty line when there are none: the CRLF before the
    /// next delimiter belongs to the delimiter, so an empty body still needs a line.
    mutating func body(_ lines: [String]) {
        if lines.isEmpty { line("") }
        for text in lines { line(text) }
    }
}
