internal import Foundation
internal import Glibc

/// The folder an export is written to. Files go to a hidden staging folder beside the
/// target; ``commit()`` swaps it in, so a failed or interrupted export leaves the target
/// as it was. A target may be new, empty, or an earlier export (it has `report.json`),
/// which is replaced whole; anything else is refused rather than overwritten.
struct ExportFolder: Sendable {
    /// The folder the user named.
    let target: URL
    /// Where files are written until ``commit()``.
    let staging: URL

    /// Checks `path` and creates an empty staging folder beside it.
    init(_ path: String) throws(ExportError) {
        try Self.check(path)
        let target = URL(fileURLWithPath: path).standardizedFileURL
        let files = FileManager.default
        let parent = target.deletingLastPathComponent()
        let pid = ProcessInfo.processInfo.processIdentifier
        staging = parent.appendingPathComponent(".\(target.lastPathComponent).partial-\(pid)")
        self.target = target
        try? files.removeItem(at: staging)
        do {
            try files.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(path: staging.path, reason: error.localizedDescription)
        }
    }

    /// Throws unless `path` is new, an empty folder, or an earlier export.
    static func check(_ path: String) throws(ExportError) {
        let files = FileManager.default
        var isFolder: ObjCBool = false
        guard files.fileExists(atPath: path, isDirectory: &isFolder) else { return }
        let contents = (try? files.contentsOfDirectory(atPath: path)) ?? []
        guard isFolder.boolValue, contents.isEmpty || contents.contains("report.json") else {
            throw .notAnExportFolder(path: path)
        }
    }

    /// The staging URL of `relative`.
    func url(_ relative: String) -> URL { staging.appendingPathComponent(relative) }

    /// Creates the folder `relative` (and its parents) in the staging folder.
    func makeFolder(_ relative: String) throws(ExportError) {
        do {
            try FileManager.default.createDirectory(at: url(relative), withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(path: relative, reason: error.localizedDescription)
        }
    }

    /// Writes `bytes` to `relative`, whose folder must exist. No fsync per file (that
    /// was most of an export's time): durability comes from ``commit()``'s rename of the
    /// whole folder, and a crash before it leaves only the staging folder behind.
    func write(_ bytes: [UInt8], to relative: String) throws(ExportError) {
        let path = url(relative).path
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .cannotWrite(path: relative, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { buffer in
                Glibc.write(descriptor, buffer.baseAddress.map { $0 + written }, bytes.count - written)
            }
            if result < 0, errno == EINTR { continue }
            guard result > 0 else { throw .cannotWrite(path: relative, reason: String(cString: strerror(errno))) }
            written += result
        }
    }

    /// Replaces the target with the staging folder.
    func commit() throws(ExportError) {
        let files = FileManager.default
        let old = staging.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).old-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            if files.fileExists(atPath: target.path) { try files.moveItem(at: target, to: old) }
            try files.moveItem(at: staging, to: target)
            try? files.removeItem(at: old)
        } catch {
            throw .cannotWrite(path: target.path, reason: error.localizedDescription)
        }
    }

    /// Removes the staging folder (after a failure).
    func discard() { try? FileManager.default.removeItem(at: staging) }
}
