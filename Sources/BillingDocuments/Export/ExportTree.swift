internal import Foundation
internal import Glibc

/// Walks a folder tree as `lstat` sees it: symbolic links are entries, never followed,
/// and children are visited in byte order of their names, so two walks of the same tree
/// (and the manifest written from one) list entries in the same order.
enum ExportTree {
    /// One entry of a tree.
    struct Entry: Sendable, Hashable {
        /// What an entry is; only folders and regular files are ever written by an export.
        enum Kind: Sendable, Hashable {
            /// A folder.
            case folder
            /// A regular file of `size` bytes last modified at `modified` (nanoseconds since 1970).
            case file(size: Int64, modified: Int64)
            /// Anything else: a symbolic link, FIFO, socket or device.
            case other
        }

        /// The path relative to the walked folder, `/`-separated.
        var path: String
        var kind: Kind
        /// The file system the entry is on.
        var device: UInt64
    }

    /// `lstat` of `path`, or `nil` with `errno` set.
    static func status(_ path: String) -> stat? {
        var info = stat()
        return lstat(path, &info) == 0 ? info : nil
    }

    /// The kind of entry `info` describes.
    static func kind(_ info: stat) -> Entry.Kind {
        switch info.st_mode & S_IFMT {
        case S_IFDIR: .folder
        case S_IFREG: .file(size: Int64(info.st_size), modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec))
        default: .other
        }
    }

    /// The names in `folder`, in byte order.
    static func names(_ folder: String) throws(ExportError) -> [String] {
        do {
            return try FileManager.default.contentsOfDirectory(atPath: folder).sorted {
                Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8))
            }
        } catch {
            throw .cannotWrite(path: folder, reason: "cannot list it: \(error.localizedDescription)")
        }
    }

    /// Visits every entry below `root` depth first (the top-level `skipping` name left
    /// out). `visit` says whether to go into a folder; `leave` follows a folder's children.
    static func walk(
        _ root: String, skipping: String? = nil, under relative: String = "",
        visit: (Entry) throws(ExportError) -> Bool, leave: (Entry) -> Void = { _ in }
    ) throws(ExportError) {
        let folder = relative.isEmpty ? root : root + "/" + relative
        for name in try names(folder) where !(relative.isEmpty && name == skipping) {
            let path = relative.isEmpty ? name : relative + "/" + name
            guard let info = status(root + "/" + path) else { continue }
            let entry = Entry(path: path, kind: kind(info), device: UInt64(info.st_dev))
            guard try visit(entry), entry.kind == .folder else { continue }
            try walk(root, under: path, visit: visit, leave: leave)
            leave(entry)
        }
    }

    /// True when `a` comes before `b` in walk order: component by component, each in byte
    /// order (so `a/x` comes before `a-b`, as a depth-first walk visits them).
    static func precedes(_ a: String, _ b: String) -> Bool {
        let key = { (path: String) in path.utf8.map { $0 == UInt8(ascii: "/") ? 0 : $0 } }
        return key(a).lexicographicallyPrecedes(key(b))
    }
}
