/// Why an export could not be written. Nothing is left half-written: files go to a
/// staging folder that replaces the target only when everything is written.
public enum ExportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The target exists, is not empty, and is not an earlier export (it has no `report.json`).
    case notAnExportFolder(path: String)
    /// A file or folder could not be written.
    case cannotWrite(path: String, reason: String)

    /// The message printed after `error: `.
    public var description: String {
        switch self {
        case .notAnExportFolder(let path):
            "'\(path)' exists, is not empty and is not an earlier export; name a new or empty folder"
        case .cannotWrite(let path, let reason):
            "cannot write '\(path)': \(reason)"
        }
    }
}
