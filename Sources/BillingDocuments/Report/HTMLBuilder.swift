/// Writes indented markup that is both HTML5 and well-formed XML: attribute values are
/// always quoted and escaped, and every element is closed.
///
/// Block elements go on their own lines (``open(_:_:)`` … ``close(_:)``); inline runs are
/// built as strings with ``tag(_:_:text:)`` and written with ``line(_:)``.
struct HTMLBuilder {
    /// An element's attributes, in the order written; values are escaped when written.
    typealias Attributes = KeyValuePairs<String, String>

    /// The markup so far.
    private(set) var output = ""
    private var openTags: [String] = []

    /// Writes `<name …>` on its own line and indents what follows.
    mutating func open(_ name: String, _ attributes: Attributes = [:]) {
        line("<" + name + Self.attributeText(attributes) + ">")
        openTags.append(name)
    }

    /// Closes the innermost open element, which must be `name`.
    mutating func close(_ name: String) {
        let opened = openTags.popLast()
        precondition(opened == name, "HTMLBuilder: closing </\(name)> but <\(opened ?? "nothing")> is open")
        line("</" + name + ">")
    }

    /// Writes `<name …>text</name>` on its own line; `text` is escaped.
    mutating func element(_ name: String, _ attributes: Attributes = [:], text: String) {
        line(Self.tag(name, attributes, text: text))
    }

    /// Writes `<name …/>` on its own line: for HTML void elements and empty SVG shapes only.
    mutating func void(_ name: String, _ attributes: Attributes = [:]) {
        line("<" + name + Self.attributeText(attributes) + "/>")
    }

    /// Writes ready markup on its own line at the current indentation.
    mutating func line(_ markup: String) {
        output += String(repeating: "  ", count: openTags.count) + markup + "\n"
    }

    /// `<name …>text</name>` with `text` escaped, for building inline runs.
    static func tag(_ name: String, _ attributes: Attributes = [:], text: String) -> String {
        tag(name, attributes, markup: HTMLEscaping.text(text))
    }

    /// `<name …>markup</name>` around ready markup.
    static func tag(_ name: String, _ attributes: Attributes = [:], markup: String) -> String {
        "<" + name + attributeText(attributes) + ">" + markup + "</" + name + ">"
    }

    private static func attributeText(_ attributes: Attributes) -> String {
        attributes.map { " " + $0.key + "=\"" + HTMLEscaping.attribute($0.value) + "\"" }.joined()
    }
}
