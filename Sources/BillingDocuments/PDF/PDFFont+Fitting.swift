extension PDFFont {
    /// `text` cut to fit `maxWidth` points at `size`, ending in `…` when it was cut.
    package func truncated(_ text: String, size: Double, maxWidth: Double) -> String {
        if width(of: text, size: size) <= maxWidth { return text }
        let ellipsis = "\u{2026}"
        let room = maxWidth - width(of: ellipsis, size: size)
        guard room >= 0 else { return "" }
        var kept = ""
        var used = 0.0
        for character in text {
            let next = width(of: String(character), size: size)
            if used + next > room { break }
            kept.append(character)
            used += next
        }
        while kept.last == " " { kept.removeLast() }
        return kept + ellipsis
    }

    /// `text` broken into lines no wider than `maxWidth` points at `size`.
    ///
    /// Lines break at spaces and at line breaks in the text; a word wider than a whole
    /// line is split between characters. With `maxLines`, the last line kept ends in `…`
    /// when text was left out.
    package func wrapped(_ text: String, size: Double, maxWidth: Double, maxLines: Int = .max) -> [String] {
        var lines: [String] = []
        for paragraph in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            lines += wrapParagraph(paragraph, size: size, maxWidth: maxWidth)
        }
        if lines.isEmpty { lines = [""] }
        guard lines.count > maxLines, maxLines > 0 else { return lines }
        let last = lines[maxLines - 1] + " " + lines[maxLines]
        return Array(lines[..<(maxLines - 1)]) + [truncated(last + "\u{2026}", size: size, maxWidth: maxWidth)]
    }

    private func wrapParagraph(_ paragraph: Substring, size: Double, maxWidth: Double) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in paragraph.split(separator: " ") {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if width(of: candidate, size: size) <= maxWidth {
                current = candidate
                continue
            }
            if !current.isEmpty { lines.append(current) }
            current = ""
            for character in word {
                let longer = current + String(character)
                if width(of: longer, size: size) > maxWidth, !current.isEmpty {
                    lines.append(current)
                    current = String(character)
                } else {
                    current = longer
                }
            }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }
}
