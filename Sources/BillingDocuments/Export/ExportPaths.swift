/// File names inside an export folder. Identifiers and invoice numbers are kept when they
/// are safe file names and made safe (and unique) otherwise.
public enum ExportPaths {
    /// The longest name kept whole; longer ones are cut (and made unique), well under the
    /// 255 bytes file systems allow.
    static let longestName = 100

    /// `invoices/<company>/<number>.pdf`, relative to the export folder.
    public static func pdf(company: String, index: Int32, number: String) -> String {
        "\(folder(company: company, index: index))/\(component(number, unique: nil)).pdf"
    }

    /// `invoices/<company>`: the folder of one company's PDFs. An identifier is kept only
    /// when it is a safe name in lower case (`acme`, `a_b-1`); any other (`a/b`, `ACME`)
    /// becomes its safe form followed by `~<index>` (`a_b~1`, `ACME~7`). A kept name never
    /// holds `~` and the indices differ, so no two companies share a folder, even on a
    /// file system that ignores case.
    public static func folder(company: String, index: Int32) -> String {
        let lowerCase = !company.unicodeScalars.contains { ("A"..."Z").contains($0) }
        let safe = component(company, unique: nil)
        return "invoices/" + (lowerCase && safe == company ? safe : "\(safe)~\(index)")
    }

    /// `emails/000042.eml`: six digits at least, so names sort in sending order.
    public static func eml(position: Int, of count: Int) -> String {
        let width = max(6, String(count).count)
        let digits = String(position)
        return "emails/" + String(repeating: "0", count: max(0, width - digits.count)) + digits + ".eml"
    }

    /// `name` when it is a safe path component (letters, digits, `.`, `_`, `-`, not
    /// starting with a dot, at most ``longestName`` bytes); otherwise the unsafe characters
    /// become `_`, the name is cut to ``longestName`` and, when `unique` is given,
    /// `~<unique>` is appended so two different names never share a folder. `~` is never
    /// kept, so a name with a suffix never equals one without.
    static func component(_ name: String, unique: Int32?) -> String {
        let safe = name.unicodeScalars.map { scalar -> Character in
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "_", "-", ".": Character(scalar)
            default: "_"
            }
        }
        var result = String(safe.prefix(longestName))
        if result.first == "." || result.isEmpty { result = "_" + result }
        guard result != name else { return result }
        return unique.map { "\(result)~\($0)" } ?? result
    }
}
