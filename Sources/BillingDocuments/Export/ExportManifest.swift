internal import Foundation
internal import Glibc

/// The marker `.billingsim-export` at the top of an export: the proof that a folder is
/// an earlier BillingSim export, which a later export may replace.
///
/// It lists every folder and file the export wrote, in walk order (``ExportTree``), with
/// each file's size and modification time:
///
/// ```
/// billingsim export 1
/// d emails
/// f 4213 1767225600123456789 emails/000001.eml
/// ```
///
/// A folder may be replaced only when everything in it is listed, unchanged (same kind,
/// size and time, on the same file system). A staging folder carries a marker whose only
/// line is ``stagingHeader`` until ``record(_:)`` lists its contents at commit.
enum ExportManifest {
    /// The marker's name, at the top of an export.
    static let fileName = ".billingsim-export"
    /// The first line of a finished export's marker.
    static let header = "billingsim export 1"
    /// The only line of a staging folder's marker.
    static let stagingHeader = "billingsim export staging"
    /// The largest marker read: about 20 million entries of ~50 bytes. A larger one is not
    /// an export's (it would be read whole), so the folder is refused instead.
    static let maximumBytes: Int64 = 1 << 30

    /// What ``match(_:shownAs:removing:)`` does with the entries it finds.
    enum Mode {
        /// Throws at the first entry that is not listed unchanged.
        case verify
        /// Deletes the listed, unchanged entries (folders only once empty); leaves the rest.
        case remove
    }

    /// Marks a new staging folder as BillingSim's.
    static func markStaging(_ folder: String) throws(ExportError) {
        try write(Array((stagingHeader + "\n").utf8), to: folder + "/" + fileName)
    }

    /// The first line of the marker in `folder`, when it is a regular file.
    static func firstLine(_ folder: String) -> String? {
        let path = folder + "/" + fileName
        guard let info = ExportTree.status(path), info.st_mode & S_IFMT == S_IFREG,
            let handle = FileHandle(forReadingAtPath: path)
        else { return nil }
        defer { try? handle.close() }
        let start = (try? handle.read(upToCount: 64)) ?? Data()
        return String(decoding: start.prefix { $0 != UInt8(ascii: "\n") }, as: UTF8.self)
    }

    /// Lists everything in the staging `folder` in its marker.
    static func record(_ folder: String) throws(ExportError) {
        let output = try FileAppender(URL(fileURLWithPath: folder + "/" + fileName))
        try output.append(header + "\n")
        try ExportTree.walk(folder, skipping: fileName) { (entry) throws(ExportError) in
            try output.append(line(entry))
            return true
        }
        try output.close()
    }

    /// Checks (or, with `.remove`, deletes) everything in `folder` against its marker.
    /// `shownAs` is the path named in errors.
    static func match(_ folder: String, shownAs: String, mode: Mode) throws(ExportError) {
        guard firstLine(folder) == header, let info = ExportTree.status(folder + "/" + fileName), Int64(info.st_size) <= maximumBytes,
            let data = FileManager.default.contents(atPath: folder + "/" + fileName)
        else {
            throw .notAnExportFolder(path: shownAs, reason: "its \(fileName) is not the marker of a finished export")
        }
        guard let top = ExportTree.status(folder) else { throw .cannotWrite(path: shownAs, reason: String(cString: strerror(errno))) }
        var listed = Cursor(bytes: Array(data))
        _ = listed.next()
        var current = listed.next()
        try ExportTree.walk(folder, skipping: fileName) { (entry) throws(ExportError) in
            while let known = current, ExportTree.precedes(known.path, entry.path) { current = listed.next() }
            guard let known = current, known.path == entry.path else {
                if mode == .remove { return false }
                throw .notAnExportFolder(path: shownAs, reason: "it holds '\(entry.path)', which BillingSim did not write")
            }
            current = listed.next()
            guard known.kind == entry.kind, entry.kind != .other, entry.device == UInt64(top.st_dev) else {
                if mode == .remove { return false }
                throw .notAnExportFolder(path: shownAs, reason: "'\(entry.path)' changed since BillingSim wrote it")
            }
            if mode == .remove, entry.kind != .folder { unlink(folder + "/" + entry.path) }
            return true
        } leave: { entry in
            if mode == .remove { rmdir(folder + "/" + entry.path) }
        }
    }

    /// One line of the marker.
    static func line(_ entry: ExportTree.Entry) -> String {
        switch entry.kind {
        case .folder: "d \(escape(entry.path))\n"
        case .file(let size, let modified): "f \(size) \(modified) \(escape(entry.path))\n"
        case .other: "o \(escape(entry.path))\n"
        }
    }

    /// `path` with `%`, spaces, controls and non-ASCII bytes as `%XX`, so a line holds one path.
    static func escape(_ path: String) -> String {
        var result = ""
        for byte in path.utf8 {
            if byte > 0x20, byte < 0x7F, byte != UInt8(ascii: "%") {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                result += "%" + String(byte >> 4, radix: 16, uppercase: true) + String(byte & 15, radix: 16, uppercase: true)
            }
        }
        return result
    }

    /// Writes `bytes` to a new file at `path`.
    static func write(_ bytes: [UInt8], to path: String) throws(ExportError) {
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
            throw .cannotWrite(path: path, reason: "cannot create the file")
        }
    }
}
