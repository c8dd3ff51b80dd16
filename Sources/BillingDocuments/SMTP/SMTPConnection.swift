/// One SMTP session: a connected socket that has been greeted and has said EHLO (or HELO).
///
/// Owned by one ``SMTPDelivery``; it carries many transactions until it fails or QUITs.
final class SMTPConnection {
    private let socket: SMTPSocket
    /// The EHLO keywords the server advertised, upper-cased (`SMTPUTF8`, `8BITMIME`);
    /// empty when it only understood HELO.
    let extensions: Set<String>

    private init(socket: SMTPSocket, extensions: Set<String>) {
        self.socket = socket
        self.extensions = extensions
    }

    /// Whether the connection can still carry commands.
    var isOpen: Bool { socket.isOpen }

    /// Connects, reads the greeting and introduces the client with EHLO, or HELO when the
    /// server refuses EHLO with a 5xx (RFC 5321 §3.2).
    static func open(to endpoint: SMTPEndpoint, clientName: String, timeout: Duration) throws(SMTPAttemptError)
        -> SMTPConnection
    {
        let socket: SMTPSocket
        do {
            socket = try SMTPSocket(connectingTo: endpoint, timeout: timeout)
        } catch {
            throw .unreachable(error.description)
        }
        let greeting = try reply(from: socket, step: "greeting")
        try check(greeting, step: "greeting", socket: socket)
        let ehlo = try exchange("EHLO \(clientName)", on: socket)
        if ehlo.isPositive {
            let keywords = ehlo.lines.dropFirst().compactMap { $0.split(separator: " ").first?.uppercased() }
            return SMTPConnection(socket: socket, extensions: Set(keywords))
        }
        if !ehlo.isPermanent { try check(ehlo, step: "EHLO", socket: socket) }
        let helo = try exchange("HELO \(clientName)", on: socket)
        try check(helo, step: "HELO", socket: socket)
        return SMTPConnection(socket: socket, extensions: [])
    }

    /// Sends one command line and reads the reply.
    func command(_ line: String) throws(SMTPAttemptError) -> SMTPReply {
        try Self.exchange(line, on: socket)
    }

    /// Sends the message bytes after a 354 (already encoded, terminator included) and
    /// reads the reply that says whether the server took the message.
    func data(_ encoded: [UInt8]) throws(SMTPAttemptError) -> SMTPReply {
        do {
            try socket.write(encoded)
        } catch {
            throw .transient("sending data: \(error.description)")
        }
        return try Self.reply(from: socket, step: "end of data")
    }

    /// Throws unless `reply` is 2xx: 5xx is permanent, anything else transient. A 421 or a
    /// refused greeting or introduction also ends the connection.
    func check(_ reply: SMTPReply, step: String) throws(SMTPAttemptError) {
        try Self.check(reply, step: step, socket: socket)
    }

    /// Says QUIT and closes, without waiting more than the timeout for the goodbye.
    func quit() {
        _ = try? Self.exchange("QUIT", on: socket)
        socket.close()
    }

    /// Closes without a word: for a connection in an unknown state.
    func close() {
        socket.close()
    }

    private static func check(_ reply: SMTPReply, step: String, socket: SMTPSocket) throws(SMTPAttemptError) {
        if reply.isPositive { return }
        let endsSession = reply.closesConnection || ["greeting", "EHLO", "HELO"].contains(step)
        if endsSession {
            if reply.closesConnection { socket.close() } else { _ = try? exchange("QUIT", on: socket) }
            socket.close()
        }
        if reply.isPermanent { throw .permanent(reply.description) }
        throw .transient("\(step): \(reply)")
    }

    private static func exchange(_ line: String, on socket: SMTPSocket) throws(SMTPAttemptError) -> SMTPReply {
        let verb = ["MAIL FROM", "RCPT TO"].first { line.hasPrefix($0 + ":") } ?? String(line.prefix { $0 != " " })
        do {
            try socket.write(Array(line.utf8) + [0x0D, 0x0A])
        } catch {
            throw .transient("\(verb): \(error.description)")
        }
        return try reply(from: socket, step: verb)
    }

    private static func reply(from socket: SMTPSocket, step: String) throws(SMTPAttemptError) -> SMTPReply {
        do {
            return try SMTPReply.read(from: socket)
        } catch {
            socket.close()
            throw .transient("\(step): \(error.description)")
        }
    }
}
