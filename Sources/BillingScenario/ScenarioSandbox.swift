internal import Foundation

/// The folders a scenario's paths (`include`, `save snapshot`, `restore snapshot`) must
/// stay in: the folder of the scenario being run (or the folder named to `run`), and any
/// folder widened explicitly with `--allow-paths`.
///
/// Paths are compared after resolving symlinks and `..`, so neither `../..`, an absolute
/// path nor a symlink inside the folder reaches outside it.
public struct ScenarioSandbox: Sendable, Hashable {
    /// The allowed folders, absolute, symlinks and `..` resolved.
    public private(set) var folders: [String]

    /// A sandbox of `folders` (relative ones are relative to the working folder). A
    /// folder that does not exist allows nothing.
    public init(folders: [String]) {
        self.folders = folders.compactMap { ScenarioSandbox.resolve($0) }
    }

    /// The sandbox for the scenario at `path`: the folder it is in.
    public init(scenarioAt path: String) {
        let folder = (path as NSString).deletingLastPathComponent
        self.init(folders: [folder.isEmpty ? "." : folder])
    }

    /// `path` with symlinks and `..` resolved, if it is inside one of the folders.
    public func confine(_ path: String) -> String? {
        guard let resolved = ScenarioSandbox.resolve(path) else { return nil }
        let inside = folders.contains { folder in
            resolved == folder || resolved.hasPrefix(folder == "/" ? "/" : folder + "/")
        }
        return inside ? resolved : nil
    }

    /// The folders, for messages: `'/a/b'` or `'/a/b' or '/c'`.
    var described: String {
        folders.isEmpty ? "no folder" : folders.map { "'\($0)'" }.joined(separator: " or ")
    }

    /// `path` made absolute, the part that exists resolved by `realpath` (symlinks,
    /// `.` and `..`), the rest (which does not exist yet, so holds no symlink) resolved
    /// by its names. `nil` when a part that exists cannot be resolved (a dangling or
    /// looping symlink, a folder that cannot be searched).
    static func resolve(_ path: String) -> String? {
        guard !path.isEmpty, !path.utf8.contains(0) else { return nil }
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var existing = absolute
        var tail: [String] = []
        var status = stat()
        while lstat(existing, &status) != 0 {
            guard errno == ENOENT || errno == ENOTDIR, existing != "/" else { return nil }
            let name = (existing as NSString).lastPathComponent
            tail.insert(name, at: 0)
            existing = (existing as NSString).deletingLastPathComponent
            if existing.isEmpty { existing = "/" }
        }
        guard let real = realpath(existing, nil) else { return nil }
        defer { free(real) }
        var components = String(cString: real).split(separator: "/").map(String.init)
        for name in tail {
            switch name {
            case "", ".": continue
            case "..": if !components.isEmpty { components.removeLast() }
            default: components.append(name)
            }
        }
        return "/" + components.joined(separator: "/")
    }
}
