/// Escaping of model text for HTML that must also parse as XML.
///
/// Besides the markup characters, C0 control characters other than tab, line feed and
/// carriage return are replaced with U+FFFD: XML 1.0 forbids them even as references.
enum HTMLEscaping {
    /// `text` safe as element content: `&`, `<` and `>` become references.
    static func text(_ text: String) -> String {
        escape(text, inAttribute: false)
    }

    /// `value` safe inside a double- or single-quoted attribute; tab and line breaks
    /// become references so they survive attribute-value normalization.
    static func attribute(_ value: String) -> String {
        escape(value, inAttribute: true)
    }

    private static func escape(_ string: String, inAttribute: Bool) -> String {
        var result = ""
        result.reserveCapacity(string.utf8.count)
        for scalar in string.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where inAttribute: result += "&quot;"
            case "'" where inAttribute: result += "&#39;"
            case "\t" where inAttribute: result += "&#9;"
            case "\n" where inAttribute: result += "&#10;"
            case "\r": result += "&#13;"
            case "\t", "\n": result.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20: result += "\u{FFFD}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
