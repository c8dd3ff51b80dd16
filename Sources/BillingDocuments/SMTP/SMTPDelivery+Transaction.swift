extension SMTPDelivery {
    /// Why `mail`'s envelope cannot go on the wire at all, or `nil` when it can.
    ///
    /// An address with a line break, a control character or an angle bracket would let the
    /// caller's data end the command early and inject another: refuse it before sending.
    static func addressProblem(_ mail: OutgoingMail) -> String? {
        func isUnsafe(_ character: Character) -> Bool {
            character.isNewline || character == "<" || character == ">"
                || character.unicodeScalars.contains { $0.properties.generalCategory == .control }
        }
        if mail.to.isEmpty { return "not sent: the recipient address is empty" }
        if mail.to.contains(where: isUnsafe) { return "not sent: the recipient address \(mail.to.debugDescription) is not valid" }
        if mail.from.contains(where: isUnsafe) { return "not sent: the sender address \(mail.from.debugDescription) is not valid" }
        return nil
    }

    /// MAIL FROM, RCPT TO, DATA and the message: throws at the first reply that is not the
    /// expected one.
    static func transaction(_ mail: OutgoingMail, on connection: SMTPConnection, smtpUTF8: Bool) throws(SMTPAttemptError) {
        var parameters = ""
        if mail.data.contains(where: { $0 >= 0x80 }), connection.extensions.contains("8BITMIME") {
            parameters += " BODY=8BITMIME"
        }
        if smtpUTF8 { parameters += " SMTPUTF8" }
        try connection.check(try connection.command("MAIL FROM:<\(mail.from)>\(parameters)"), step: "MAIL FROM")
        try connection.check(try connection.command("RCPT TO:<\(mail.to)>"), step: "RCPT TO")
        let go = try connection.command("DATA")
        guard go.isIntermediate else {
            try connection.check(go, step: "DATA")
            throw .transient("DATA: expected 354, got \(go)")
        }
        try connection.check(try connection.data(SMTPMessageData.encode(mail.data)), step: "end of data")
    }
}
