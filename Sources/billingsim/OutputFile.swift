import Foundation
import Glibc

/// A file a command was asked to write (`--dump FILE`, `--snapshot FILE`), checked before
/// any work so that a run of minutes never ends in "cannot write".
///
/// A path is accepted when it is new, or an existing regular file, which is replaced
/// whole, as compilers and archivers replace their named output; and its folder exists
/// and a file can be created in it (tried with an empty probe file, removed at once, so
/// read-only file systems and permissions are caught as well). Anything else at the path
/// (a folder, a symbolic link, a FIFO, a device, a socket) is refused: BillingSim never
/// replaces what it could not have written.
struct OutputFile {
    /// The option the path came from, for messages: `--dump`.
    var option: String
    /// What is written there, for messages: `the dump`.
    var what: String
    /// The path as the user gave it.
    var path: String

    /// Why `path` cannot be written, in words for "cannot write the dump 'FILE': …"; `nil` when
    /// it can.
    func problem() -> String? {
        guard !path.isEmpty else { return "the path is empty" }
        guard !path.hasSuffix("/") else { return "it names a folder (it ends in /)" }
        var status = stat()
        if lstat(path, &status) == 0 {
            if let kind = Self.refusedKind(status.st_mode) { return "it is \(kind), not a regular file; give a file name" }
        } else if errno != ENOENT {
            return String(cString: strerror(errno))
        }
        return folderProblem()
    }

    /// The message for ``problem()``, or `nil`.
    var message: String? {
        problem().map { "error: cannot write \(what) '\(path)' (\(option)): \($0); nothing was run" }
    }

    /// Words for a file type that is never replaced, `nil` for a regular file.
    private static func refusedKind(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: nil
        case S_IFDIR: "a folder"
        case S_IFLNK: "a symbolic link"
        case S_IFIFO: "a FIFO (named pipe)"
        case S_IFCHR, S_IFBLK: "a device"
        case S_IFSOCK: "a socket"
        default: "not a regular file"
        }
    }

    /// Why no file can be created in the path's folder, or `nil`.
    private func folderProblem() -> String? {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var status = stat()
        guard stat(folder, &status) == 0 else {
            return errno == ENOENT ? "its folder '\(folder)' does not exist" : "its folder '\(folder)': \(String(cString: strerror(errno)))"
        }
        guard status.st_mode & S_IFMT == S_IFDIR else { return "'\(folder)' is not a folder" }
        let probe = folder + "/.billingsim-probe-\(getpid())"
        let descriptor = open(probe, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            return "no file can be created in its folder '\(folder)': \(String(cString: strerror(errno)))"
        }
        close(descriptor)
        unlink(probe)
        return nil
    }
}
