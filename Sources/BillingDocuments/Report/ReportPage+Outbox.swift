extension ReportPage {
    /// Writes the outbox section: one collapsible block per recipient with the messages
    /// they were sent, each linking to its `.eml` file.
    func renderOutbox(into html: inout HTMLBuilder) {
        html.open("section", ["id": "outbox"])
        html.element("h2", text: "Outbox")
        if model.recipients.isEmpty && model.recipientsOmitted == 0 {
            html.element("p", ["class": "note"], text: "No emails were sent.")
        }
        for recipient in model.recipients {
            let count = NumberText.counted(recipient.messages.count, "message", "messages")
            let named = !recipient.name.isEmpty
            html.open("details", ["class": "recipient"])
            html.line(
                HTMLBuilder.tag(
                    "summary",
                    markup: HTMLBuilder.tag("span", ["class": "name"], text: named ? recipient.name : recipient.email) + " "
                        + HTMLBuilder.tag("span", ["class": "meta"], text: named ? recipient.email + " · " + count : count)))
            renderMessages(recipient.messages, into: &html)
            html.close("details")
        }
        if model.recipientsOmitted > 0 {
            Self.omittedNote(model.recipientsOmitted, "more recipient", "more recipients", folder: "emails/", into: &html)
        }
        html.close("section")
    }

    private func renderMessages(_ messages: [ReportModel.MessageRow], into html: inout HTMLBuilder) {
        guard !messages.isEmpty else {
            html.element("p", ["class": "empty"], text: "No messages.")
            return
        }
        html.open("div", ["class": "table-wrap"])
        html.open("table")
        PageShell.headerRow([("Sent", false), ("Invoice", false), ("Company", false), ("Message", false)], into: &html)
        html.open("tbody")
        for message in messages {
            let cells = [
                HTMLBuilder.tag("td", ["class": "nowrap"], text: message.sentAt),
                HTMLBuilder.tag("td", ["class": "nowrap"], text: message.invoice),
                HTMLBuilder.tag("td", text: message.company),
                HTMLBuilder.tag(
                    "td", ["class": "links"],
                    markup: HTMLBuilder.tag("a", ["href": PathEncoding.href(message.emlPath)], text: Self.fileName(message.emlPath))),
            ]
            html.line(HTMLBuilder.tag("tr", markup: cells.joined()))
        }
        html.close("tbody")
        html.close("table")
        html.close("div")
    }
}
