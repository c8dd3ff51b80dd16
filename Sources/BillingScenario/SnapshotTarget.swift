internal import BillingStore
internal import Foundation

/// Where a `save snapshot` or `restore snapshot` may touch the disk, checked when the
/// statement runs (the loader checked the path too, but the disk may have changed since).
enum SnapshotTarget {
    /// The path to save to, once it is known to be inside `sandbox` and either free or a
    /// BillingSim snapshot (a regular file, not a symlink, whose SQLite header carries
    /// the snapshot version): a save never replaces a file BillingSim did not write.
    static func forSaving(_ path: String, in sandbox: ScenarioSandbox) -> Result<String, Refusal> {
        guard let resolved = sandbox.confine(path) else { return .failure(.outside(path, sandbox.described)) }
        var status = stat()
        guard lstat(resolved, &status) == 0 else { return .success(resolved) }
        guard status.st_mode & S_IFMT == S_IFREG else { return .failure(.notASnapshot(path, "it is not a regular file")) }
        guard Snapshot.isSnapshot(atPath: resolved) else {
            return .failure(.notASnapshot(path, "it is not a BillingSim snapshot, and a save only replaces those"))
        }
        return .success(resolved)
    }

    /// The path to restore from, once it is known to be inside `sandbox` and a regular
    /// file (a FIFO would block the run in `open`).
    static func forRestoring(_ path: String, in sandbox: ScenarioSandbox) -> Result<String, Refusal> {
        guard let resolved = sandbox.confine(path) else { return .failure(.outside(path, sandbox.described)) }
        var status = stat()
        if stat(resolved, &status) == 0, status.st_mode & S_IFMT != S_IFREG, status.st_mode & S_IFMT != S_IFDIR {
            return .failure(.notASnapshot(path, "it is not a regular file"))
        }
        return .success(resolved)
    }

    /// Why a snapshot path is refused.
    enum Refusal: Error, CustomStringConvertible {
        /// The path resolves outside the sandbox's folders.
        case outside(String, String)
        /// Something is at the path that a save must not replace or a restore must not open.
        case notASnapshot(String, String)

        var description: String {
            switch self {
            case .outside(let path, let folders):
                "'\(path)' is outside the scenario's folder \(folders); widen it with 'run --allow-paths DIR'"
            case .notASnapshot(let path, let why): "refusing '\(path)': \(why)"
            }
        }
    }
}
