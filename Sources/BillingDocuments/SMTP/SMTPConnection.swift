/// One SMTP session: a connected socket that has been greeted and has said EHLO (or HELO).
///
/// Owned by one ``SMTPDelivery`` and used only on its I/O thread; it carries many
/// transactions until it fails, runs out of time or QUITs. Every exchange must end by
/// the reply deadline and by the session deadline, whichever comes first.
final class SMTPConnection {
    private let socket: SMTPSocket
    private let deadlines: SMTPDeadlines
    /// When the session is given up unless a message completes first (see ``renew()``).
    private var sessionDeadline: SMTPDeadline
    /// The EHLO keywords the server advertised, upper-cased (`SMTPUTF8`, `8BITMIME`);
    /// empty when it only understood HELO.
    let extensions: Set<String>

    private init(socket: SMTPSocket, deadlines: SMTPDeadlines, sessionDeadline: SMTPDeadline, extensions: Set<String>) {
        self.socket = socket
        self.deadlines = deadlines
        self.sessionDeadline = sessionDeadline
        self.extensions = extensions
    }

    /// Whether the connection can still carry commands.
    var isOpen: Bool { socket.isOpen }

    /// Connects, reads the greeting and introduces the client with EHLO, or HELO when the
    /// server refuses EHLO with a 5xx (RFC 5321 §3.2). Connecting and the whole greeting
    /// share one reply deadline.
    static func open(to endpoint: SMTPEndpoint, clientName: String, deadlines: SMTPDeadlines) throws(SMTPAttemptError)
        -> SMTPConnection
    {
        let session = SMTPDeadline.after(deadlines.session, "session")
        let first = SMTPDeadline.after(deadlines.reply, "reply").earlier(session)
        let socket: SMTPSocket
        do {
            socket = try SMTPSocket(connectingTo: endpoint, deadline: first)
        } catch {
            throw .session(error.description)
        }
        let greeting = try reply(from: socket, step: "greeting", by: first)
        try check(greeting, step: "greeting", socket: socket, quitBy: .after(deadlines.reply, "reply").earlier(session))
        let ehlo = try exchange("EHLO \(clientName)", on: socket, by: .after(deadlines.reply, "reply").earlier(session))
        if ehlo.isPositive {
            let keywords = ehlo.lines.dropFirst().compactMap { $0.split(separator: " ").first?.uppercased() }
            return SMTPConnection(socket: socket, deadlines: deadlines, sessionDeadline: session, extensions: Set(keywords))
        }
        if !ehlo.isPermanent { try check(ehlo, step: "EHLO", socket: socket, quitBy: .after(deadlines.reply, "reply").earlier(session)) }
        let helo = try exchange("HELO \(clientName)", on: socket, by: .after(deadlines.reply, "reply").earlier(session))
        try check(helo, step: "HELO", socket: socket, quitBy: .after(deadlines.reply, "reply").earlier(session))
        return SMTPConnection(socket: socket, deadlines: deadlines, sessionDeadline: session, extensions: [])
    }

    /// Starts the session deadline again: a message completed, so the server is working.
    func renew() {
        sessionDeadline = .after(deadlines.session, "session")
    }

    /// Sends one command line and reads the reply, both within one reply deadline.
    func command(_ line: String) throws(SMTPAttemptError) -> SMTPReply {
        try Self.exchange(line, on: socket, by: nextReplyDeadline)
    }

    /// Sends the message bytes after a 354 (already encoded, terminator included) by the
    /// session deadline, and reads the reply that says whether the server took the message.
    func data(_ encoded: [UInt8]) throws(SMTPAttemptError) -> SMTPReply {
        do {
            try socket.write(encoded, by: sessionDeadline)
        } catch {
            throw .session("sending data: \(error.description)")
        }
        return try Self.reply(from: socket, step: "end of data", by: nextReplyDeadline)
    }

    /// Throws unless `reply` is 2xx: 5xx is permanent, 421 or a refused greeting or
    /// introduction ends the session, any other 4xx is transient.
    func check(_ reply: SMTPReply, step: String) throws(SMTPAttemptError) {
        try Self.check(reply, step: step, socket: socket, quitBy: nextReplyDeadline)
    }

    /// Says QUIT and closes, without waiting more than a reply deadline for the goodbye.
    func quit() {
        _ = try? Self.exchange("QUIT", on: socket, by: nextReplyDeadline)
        socket.close()
    }

    /// Closes without a word: for a connection in an unknown state.
    func close() {
        socket.close()
    }

    private var nextReplyDeadline: SMTPDeadline { .after(deadlines.reply, "reply").earlier(sessionDeadline) }

    private static func check(_ reply: SMTPReply, step: String, socket: SMTPSocket, quitBy deadline: SMTPDeadline)
        throws(SMTPAttemptError)
    {
        if reply.isPositive { return }
        let endsSession = reply.closesConnection || ["greeting", "EHLO", "HELO"].contains(step)
        if endsSession {
            if !reply.closesConnection { _ = try? exchange("QUIT", on: socket, by: deadline) }
            socket.close()
        }
        if reply.isPermanent { throw .permanent(reply.description) }
        if endsSession { throw .session("\(step): \(reply)") }
        throw .transient("\(step): \(reply)")
    }

    private static func exchange(_ line: String, on socket: SMTPSocket, by deadline: SMTPDeadline) throws(SMTPAttemptError)
        -> SMTPReply
    {
        let verb = ["MAIL FROM", "RCPT TO"].first { line.hasPrefix($0 + ":") } ?? String(line.prefix { $0 != " " })
        do {
            try socket.write(Array(line.utf8) + [0x0D, 0x0A], by: deadline)
        } catch {
            throw .session("\(verb): \(error.description)")
        }
        return try reply(from: socket, step: verb, by: deadline)
    }

    private static func reply(from socket: SMTPSocket, step: String, by deadline: SMTPDeadline) throws(SMTPAttemptError)
        -> SMTPReply
    {
        do {
            return try SMTPReply.read(from: socket, by: deadline)
        } catch {
            socket.close()
            throw .session("\(step): \(error.description)")
        }
    }
}
