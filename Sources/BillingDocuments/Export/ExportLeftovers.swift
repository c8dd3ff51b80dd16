internal import Foundation
internal import Glibc

/// Removes what earlier exports left beside their target when they were killed: staging
/// folders (`.DIR.partial-<pid>`) and set-aside earlier exports (`.DIR.old-<pid>`). Only
/// what is provably BillingSim's goes, and only when its process is gone: a folder whose
/// marker (``ExportManifest``) says so, named after a process that no longer exists. A
/// staging folder goes whole (nothing but BillingSim writes into it); a finished export
/// goes entry by entry, as its marker lists them, and anything else in it stays.
enum ExportLeftovers {
    /// The kinds of folder an export puts beside its target.
    static let kinds = [".partial-", ".old-"]

    /// Removes the leftovers of exports to `name` in `parent` whose process is gone.
    static func removeAbandoned(of name: String, in parent: String) {
        for entry in (try? ExportTree.names(parent)) ?? [] {
            for kind in kinds where entry.hasPrefix("." + name + kind) {
                guard let pid = pid_t(entry.dropFirst(name.count + 1 + kind.count)), pid > 0, pid != getpid(),
                    kill(pid, 0) == -1, errno == ESRCH
                else { continue }
                removeOurs(parent + "/" + entry)
            }
        }
    }

    /// Removes `folder` when its marker says BillingSim made it; leaves it otherwise.
    static func removeOurs(_ folder: String) {
        guard let info = ExportTree.status(folder), ExportTree.kind(info) == .folder else { return }
        switch ExportManifest.firstLine(folder) {
        case ExportManifest.stagingHeader: removeTree(folder)
        case ExportManifest.header: remove(export: folder)
        default: return
        }
    }

    /// Deletes what `folder`'s marker lists, unchanged, then the marker and the folder if
    /// nothing else is left in it.
    static func remove(export folder: String) {
        try? ExportManifest.match(folder, shownAs: folder, mode: .remove)
        unlink(folder + "/" + ExportManifest.fileName)
        rmdir(folder)
    }

    /// Deletes `folder` and everything in it, never following a link (a link is deleted,
    /// not what it points to). For BillingSim's own staging folders only.
    static func removeTree(_ folder: String) {
        try? ExportTree.walk(folder) { entry in
            if entry.kind != .folder { unlink(folder + "/" + entry.path) }
            return true
        } leave: { entry in
            rmdir(folder + "/" + entry.path)
        }
        rmdir(folder)
    }
}
