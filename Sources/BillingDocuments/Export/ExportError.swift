/// Why an export could not be written. Nothing is left half-written: files go to a
/// staging folder that replaces the target only when everything is written, and a target
/// is replaced only when it is provably an earlier BillingSim export.
public enum ExportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The target exists and is neither an empty folder nor an earlier export that holds
    /// only what BillingSim wrote; `reason` names what is in the way.
    case notAnExportFolder(path: String, reason: String)
    /// The target is a symbolic link: BillingSim neither follows nor replaces one.
    case symbolicLink(path: String)
    /// The target is the working folder or one of its parents, which is never replaced.
    case workingFolder(path: String)
    /// A file or folder could not be written.
    case cannotWrite(path: String, reason: String)

    /// The message printed after `error: `.
    public var description: String {
        switch self {
        case .notAnExportFolder(let path, let reason):
            "'\(path)' is not empty and is not an earlier export (\(reason)); name a new or empty folder, nothing was changed"
        case .symbolicLink(let path):
            "'\(path)' is a symbolic link; name the folder itself (BillingSim never replaces a link), nothing was changed"
        case .workingFolder(let path):
            "'\(path)' is the working folder or holds it, which BillingSim never replaces; name a folder inside it"
        case .cannotWrite(let path, let reason):
            "cannot write '\(path)': \(reason)"
        }
    }
}
