internal import Foundation
internal import Glibc

/// The folder an export is written to. Files go to a hidden staging folder beside the
/// target; ``commit()`` swaps it in, so a failed or interrupted export leaves the target
/// as it was. A target may be new, an empty folder, or an earlier export holding only
/// what BillingSim wrote (see ``ExportTarget``), which is replaced whole; anything else is
/// refused rather than overwritten, when the export starts and again at the swap.
struct ExportFolder: Sendable {
    /// The folder the user named, links in its parents resolved.
    let target: URL
    /// Where files are written until ``commit()``.
    let staging: URL
    /// The path as the user gave it, for messages.
    let shownAs: String
    /// The working folder, which ``commit()`` checks again it does not replace.
    let workingFolder: String?

    /// Checks `path`, removes abandoned staging folders beside it and creates an empty
    /// staging folder marked as BillingSim's.
    init(_ path: String, workingFolder: String? = ExportTarget.workingFolder) throws(ExportError) {
        let state = try ExportTarget.inspect(path, workingFolder: workingFolder)
        let trimmed = ExportTarget.trimmed(path)
        let real = state == .absent ? nil : ExportTarget.real(trimmed)
        target = real.map { URL(fileURLWithPath: $0) } ?? URL(fileURLWithPath: trimmed).standardizedFileURL
        shownAs = path
        self.workingFolder = workingFolder
        let parent = target.deletingLastPathComponent()
        staging = parent.appendingPathComponent(".\(target.lastPathComponent).partial-\(getpid())")
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(path: parent.path, reason: error.localizedDescription)
        }
        ExportLeftovers.removeAbandoned(of: target.lastPathComponent, in: parent.path)
        ExportLeftovers.removeOurs(staging.path)
        guard mkdir(staging.path, 0o755) == 0 else { throw .cannotWrite(path: staging.path, reason: String(cString: strerror(errno))) }
        try ExportManifest.markStaging(staging.path)
    }

    /// Throws unless `path` is new, an empty folder, or an earlier export.
    static func check(_ path: String) throws(ExportError) { _ = try ExportTarget.inspect(path) }

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
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
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

    /// Lists the staging folder in its marker and replaces the target with it, after
    /// checking the target again: it must still be absent, empty or an earlier export.
    /// The old target is moved aside and checked once more before the staging folder takes
    /// its place (what changed between the check and the move is caught), then deleted
    /// entry by entry as its marker lists them.
    func commit() throws(ExportError) {
        try ExportManifest.record(staging.path)
        let state = try ExportTarget.inspect(target.path, workingFolder: workingFolder, shownAs: shownAs)
        guard state != .absent else { return try Self.move(staging, to: target) }
        let old = staging.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).old-\(getpid())")
        try Self.move(target, to: old)
        do {
            _ = try ExportTarget.inspect(old.path, workingFolder: nil, shownAs: shownAs)
            try Self.move(staging, to: target)
        } catch {
            Glibc.rename(old.path, target.path)
            throw error
        }
        ExportLeftovers.remove(export: old.path)
    }

    /// `rename(2)`, which never replaces a file or a folder that is not empty.
    private static func move(_ source: URL, to destination: URL) throws(ExportError) {
        guard Glibc.rename(source.path, destination.path) == 0 else {
            throw .cannotWrite(path: destination.path, reason: String(cString: strerror(errno)))
        }
    }

    /// Removes the staging folder (after a failure).
    func discard() { ExportLeftovers.removeTree(staging.path) }
}
