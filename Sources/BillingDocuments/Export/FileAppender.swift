internal import Foundation

/// Appends bytes to one file through a buffer, for files written in order from start to
/// end (`outbox.mbox`, `report.json`). Confined to one writer.
final class FileAppender {
    private let handle: FileHandle
    private let path: String
    private var buffer: [UInt8] = []

    /// Creates (or empties) the file at `url`.
    init(_ url: URL) throws(ExportError) {
        path = url.lastPathComponent
        guard FileManager.default.createFile(atPath: url.path, contents: nil),
            let handle = try? FileHandle(forWritingTo: url)
        else { throw .cannotWrite(path: url.lastPathComponent, reason: "cannot create the file") }
        self.handle = handle
        buffer.reserveCapacity(1 << 20)
    }

    /// Appends `bytes`.
    func append(_ bytes: [UInt8]) throws(ExportError) {
        buffer += bytes
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// Appends `text` as UTF-8.
    func append(_ text: String) throws(ExportError) { try append(Array(text.utf8)) }

    /// Writes what is buffered and closes the file.
    func close() throws(ExportError) {
        try flush()
        try? handle.close()
    }

    private func flush() throws(ExportError) {
        guard !buffer.isEmpty else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw .cannotWrite(path: path, reason: error.localizedDescription)
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
