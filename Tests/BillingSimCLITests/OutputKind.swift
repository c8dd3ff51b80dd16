import Foundation
import Glibc
import Testing

/// Things that are not regular files, for the tests of `--dump FILE` and `--snapshot FILE`.
enum OutputKind: String, CaseIterable, CustomTestStringConvertible {
    case folder
    case fifo
    case symbolicLink
    case device

    var testDescription: String { rawValue }

    /// Words the refusal must contain.
    var reason: String {
        switch self {
        case .folder: "it is a folder, not a regular file"
        case .fifo: "it is a FIFO (named pipe), not a regular file"
        case .symbolicLink: "it is a symbolic link, not a regular file"
        case .device: "it is a device, not a regular file"
        }
    }

    /// What the temporary folder holds afterwards: the thing, and a link's target.
    var leaves: [String] { self == .symbolicLink ? ["target.txt", "thing"] : ["thing"] }

    /// Creates the thing in `folder` and returns its path; `nil` when this machine does
    /// not allow it (a device node needs root).
    func make(in folder: Folder) throws -> String? {
        let path = folder.url.appendingPathComponent("thing").path
        switch self {
        case .folder:
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
            try Data("keep\n".utf8).write(to: URL(fileURLWithPath: path + "/inside.txt"))
        case .fifo:
            guard mkfifo(path, 0o644) == 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        case .symbolicLink:
            let target = folder.url.appendingPathComponent("target.txt").path
            try Data("keep\n".utf8).write(to: URL(fileURLWithPath: target))
            try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target)
        case .device:
            // The same device as /dev/null (major 1, minor 3), in a folder of our own: nothing real is at stake.
            guard mknod(path, S_IFCHR | 0o644, dev_t(0x103)) == 0 else { return nil }
        }
        return path
    }

    /// The file type and, for a folder or a link, what it holds or points to.
    func describe(_ path: String) throws -> String {
        var status = stat()
        guard lstat(path, &status) == 0 else { return "missing" }
        var text = "mode \(status.st_mode & S_IFMT)"
        switch self {
        case .folder: text += " " + (try FileManager.default.contentsOfDirectory(atPath: path)).sorted().joined(separator: ",")
        case .symbolicLink: text += " -> " + (try FileManager.default.destinationOfSymbolicLink(atPath: path))
        case .fifo, .device: break
        }
        return text
    }

    /// A fresh folder under the temporary directory.
    struct Folder {
        let url: URL

        init() throws {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("billingsim-out-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        }

        func remove() { try? FileManager.default.removeItem(at: url) }
    }
}
