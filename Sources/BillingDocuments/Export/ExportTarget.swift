internal import Foundation
internal import Glibc

/// What a folder named by `--out` is, and whether an export may take its place.
///
/// An export may go to a path that does not exist, to an empty folder, or over an earlier
/// export that holds nothing BillingSim did not write (``ExportManifest``). Everything
/// else is refused and left as it was: files, links (a link given as the target is
/// refused, not followed), the working folder and its parents (`.`, `..`, `/`), and any
/// folder holding a file or folder BillingSim did not write or that changed since.
enum ExportTarget {
    /// What the target holds today.
    enum State: Sendable, Hashable {
        /// Nothing: the export creates it.
        case absent
        /// An empty folder.
        case empty
        /// An earlier export, every entry listed unchanged in its marker.
        case earlierExport
    }

    /// The process's working folder, for ``inspect(_:workingFolder:)``.
    static var workingFolder: String? {
        guard let path = getcwd(nil, 0) else { return nil }
        defer { free(path) }
        return String(cString: path)
    }

    /// `path` without trailing slashes, so `link/` names the link, not what it points to.
    static func trimmed(_ path: String) -> String {
        var path = Substring(path)
        while path.count > 1, path.hasSuffix("/") { path = path.dropLast() }
        return String(path)
    }

    /// The real path of an existing `path`, links and `..` resolved.
    static func real(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Throws unless an export may replace `path`; `workingFolder` (the process's, by
    /// default; `nil` to skip the test) may be neither it nor inside it.
    /// `shownAs` is the path errors name (`path` itself by default).
    static func inspect(_ path: String, workingFolder: String? = Self.workingFolder, shownAs: String? = nil) throws(ExportError)
        -> State
    {
        let trimmed = trimmed(path)
        let path = shownAs ?? path
        guard let info = ExportTree.status(trimmed) else {
            if errno == ENOENT { return .absent }
            throw .cannotWrite(path: path, reason: String(cString: strerror(errno)))
        }
        switch ExportTree.kind(info) {
        case .folder: break
        case .file: throw .notAnExportFolder(path: path, reason: "it is a file, not a folder")
        case .other:
            if info.st_mode & S_IFMT == S_IFLNK { throw .symbolicLink(path: path) }
            throw .notAnExportFolder(path: path, reason: "it is not a folder")
        }
        if let workingFolder, let here = real(workingFolder), let there = real(trimmed),
            here == there || there == "/" || here.hasPrefix(there + "/")
        {
            throw .workingFolder(path: path)
        }
        let names = try ExportTree.names(trimmed)
        guard let first = names.first else { return .empty }
        guard names.contains(ExportManifest.fileName) else {
            throw .notAnExportFolder(path: path, reason: "it holds '\(first)', which BillingSim did not write")
        }
        try ExportManifest.match(trimmed, shownAs: path, mode: .verify)
        return .earlierExport
    }
}
