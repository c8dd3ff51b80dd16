/// The frame both report pages share: doctype, `<head>` with the charset, title and
/// inline style, and a `<main>` for the content.
enum PageShell {
    /// A complete page titled `title`; `content` writes the inside of `<main>`.
    static func render(title: String, content: (inout HTMLBuilder) -> Void) -> String {
        var html = HTMLBuilder()
        html.line("<!DOCTYPE html>")
        html.open("html", ["lang": "en"])
        html.open("head")
        html.void("meta", ["charset": "utf-8"])
        html.void("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"])
        html.element("title", text: title)
        html.open("style")
        for line in PageStyle.css.split(separator: "\n", omittingEmptySubsequences: true) {
            html.line(String(line))
        }
        html.close("style")
        html.close("head")
        html.open("body")
        html.open("main")
        content(&html)
        html.close("main")
        html.close("body")
        html.close("html")
        return html.output
    }

    /// A summary as a definition list, one card per fact, or a note when there are none.
    static func facts(_ facts: [ReportModel.Fact], into html: inout HTMLBuilder) {
        guard !facts.isEmpty else {
            html.element("p", ["class": "note"], text: "Nothing to summarize.")
            return
        }
        html.open("dl", ["class": "facts"])
        for fact in facts {
            html.line(HTMLBuilder.tag("div", markup: HTMLBuilder.tag("dt", text: fact.label) + HTMLBuilder.tag("dd", text: fact.value)))
        }
        html.close("dl")
    }

    /// A `<th>` row: each heading is `(text, isNumeric)`, numeric ones right-aligned.
    static func headerRow(_ headings: [(String, Bool)], into html: inout HTMLBuilder) {
        html.open("thead")
        html.line(
            HTMLBuilder.tag(
                "tr",
                markup: headings.map { heading, isNumeric in
                    isNumeric ? HTMLBuilder.tag("th", ["class": "num"], text: heading) : HTMLBuilder.tag("th", text: heading)
                }.joined()))
        html.close("thead")
    }
}
