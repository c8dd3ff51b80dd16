internal import Glibc

/// A non-blocking TCP connection to an SMTP server, read in CRLF lines, where every
/// connect, read and write must finish by a deadline.
///
/// Owns its file descriptor and closes it on `close()` or in `deinit`. Waiting happens in
/// `poll` with the time left until the caller's deadline, so the deadline is a total: a
/// server that trickles a byte at a time cannot extend it. EINTR is retried; writes use
/// MSG_NOSIGNAL so a closed peer is an error, not a SIGPIPE that kills the process. Any
/// failure closes the socket.
final class SMTPSocket {
    private var descriptor: Int32
    private let endpoint: SMTPEndpoint
    private var received: [UInt8] = []
    private var readOffset = 0

    /// Connects to the first address of `endpoint` that accepts by `deadline`.
    ///
    /// Name resolution (`getaddrinfo`) is not bounded by the deadline; an address or
    /// `localhost` does not wait on the network.
    init(connectingTo endpoint: SMTPEndpoint, deadline: SMTPDeadline) throws(SMTPTransportError) {
        self.endpoint = endpoint
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(endpoint.host, String(endpoint.port), &hints, &list)
        guard status == 0, let first = list else {
            let detail = status == 0 ? "no address" : String(cString: gai_strerror(status))
            throw SMTPTransportError("cannot resolve \(endpoint.host): \(detail)")
        }
        defer { freeaddrinfo(first) }
        var lastError = SMTPTransportError("no address for \(endpoint)")
        var candidate: UnsafeMutablePointer<addrinfo>? = first
        while let info = candidate {
            candidate = info.pointee.ai_next
            let fd = socket(info.pointee.ai_family, info.pointee.ai_socktype | Int32(SOCK_NONBLOCK.rawValue), info.pointee.ai_protocol)
            guard fd >= 0 else {
                lastError = SMTPTransportError(operation: "socket() for \(endpoint)", errno: errno)
                continue
            }
            let code = Self.connect(fd, info.pointee.ai_addr, info.pointee.ai_addrlen, deadline: deadline)
            if code == 0 {
                descriptor = fd
                return
            }
            lastError =
                code == ETIMEDOUT
                ? SMTPTransportError("timed out connecting to \(endpoint) (\(deadline.name))")
                : SMTPTransportError(operation: "connecting to \(endpoint)", errno: code)
            Glibc.close(fd)
        }
        throw lastError
    }

    /// Wraps a descriptor that is already connected (a socketpair in tests); takes
    /// ownership and makes it non-blocking.
    init(descriptor: Int32, endpoint: SMTPEndpoint) {
        self.descriptor = descriptor
        self.endpoint = endpoint
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
    }

    deinit {
        close()
    }

    /// Whether the socket is still open on our side.
    var isOpen: Bool { descriptor >= 0 }

    /// Closes the connection; later reads and writes fail.
    func close() {
        guard descriptor >= 0 else { return }
        Glibc.close(descriptor)
        descriptor = -1
    }

    /// Sends all of `bytes` by `deadline`.
    func write(_ bytes: [UInt8], by deadline: SMTPDeadline) throws(SMTPTransportError) {
        var offset = 0
        while offset < bytes.count {
            guard descriptor >= 0 else { throw SMTPTransportError("the connection to \(endpoint) is closed") }
            let sent = bytes.withUnsafeBytes { buffer in
                Glibc.send(
                    descriptor, buffer.baseAddress.map { $0 + offset }, bytes.count - offset, Int32(MSG_NOSIGNAL | MSG_DONTWAIT))
            }
            if sent >= 0 {
                offset += sent
                continue
            }
            let code = errno
            if code == EINTR { continue }
            if code == EAGAIN || code == EWOULDBLOCK {
                try wait(for: Int16(POLLOUT), by: deadline, doing: "sending to")
                continue
            }
            close()
            throw SMTPTransportError(operation: "sending to \(endpoint)", errno: code)
        }
    }

    /// The next line from the server without its line end (CRLF, or a bare LF), read by
    /// `deadline`; throws once a line passes `limit` bytes without ending.
    func readLine(limit: Int, by deadline: SMTPDeadline) throws(SMTPTransportError) -> [UInt8] {
        var scanned = 0  // bytes after readOffset already known to hold no LF
        while true {
            if let newline = received[(readOffset + scanned)...].firstIndex(of: 0x0A) {
                var end = newline
                if end > readOffset, received[end - 1] == 0x0D { end -= 1 }
                guard end - readOffset <= limit else { throw tooLong(limit) }
                let line = Array(received[readOffset..<end])
                readOffset = newline + 1
                return line
            }
            scanned = received.count - readOffset
            guard scanned <= limit + 1 else { throw tooLong(limit) }
            try fill(by: deadline)
        }
    }

    private func tooLong(_ limit: Int) -> SMTPTransportError {
        close()
        return SMTPTransportError("\(endpoint) sent a reply line longer than \(limit) bytes")
    }

    /// Reads whatever the server sent next into `received`, dropping consumed bytes first.
    private func fill(by deadline: SMTPDeadline) throws(SMTPTransportError) {
        if readOffset > 0 {
            received.removeFirst(readOffset)
            readOffset = 0
        }
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            guard descriptor >= 0 else { throw SMTPTransportError("the connection to \(endpoint) is closed") }
            let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
            if count > 0 {
                received.append(contentsOf: chunk[..<count])
                return
            }
            if count == 0 {
                close()
                throw SMTPTransportError("\(endpoint) closed the connection")
            }
            let code = errno
            if code == EINTR { continue }
            if code == EAGAIN || code == EWOULDBLOCK {
                try wait(for: Int16(POLLIN), by: deadline, doing: "waiting for")
                continue
            }
            close()
            throw SMTPTransportError(operation: "reading from \(endpoint)", errno: code)
        }
    }

    /// Blocks in `poll` until the socket is ready for `events`, or throws when `deadline`
    /// passes first.
    private func wait(for events: Int16, by deadline: SMTPDeadline, doing activity: String) throws(SMTPTransportError) {
        while true {
            let left = deadline.millisecondsLeft
            guard left > 0 else {
                close()
                throw SMTPTransportError("timed out \(activity) \(endpoint) (\(deadline.name))")
            }
            var pending = pollfd(fd: descriptor, events: events, revents: 0)
            let ready = poll(&pending, 1, left)
            if ready > 0 { return }
            if ready < 0, errno != EINTR {
                let code = errno
                close()
                throw SMTPTransportError(operation: "\(activity) \(endpoint)", errno: code)
            }
        }
    }

    /// Connects the non-blocking `fd` by `deadline`, and returns 0 or the errno that
    /// stopped it (ETIMEDOUT when the deadline passed).
    private static func connect(_ fd: Int32, _ address: UnsafePointer<sockaddr>, _ length: socklen_t, deadline: SMTPDeadline) -> Int32 {
        if Glibc.connect(fd, address, length) == 0 { return 0 }
        guard errno == EINPROGRESS || errno == EINTR else { return errno }
        var pending = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
        while true {
            let left = deadline.millisecondsLeft
            guard left > 0 else { return ETIMEDOUT }
            let ready = poll(&pending, 1, left)
            if ready > 0 { break }
            if ready < 0, errno != EINTR { return errno }
        }
        var result: Int32 = 0
        var size = socklen_t(MemoryLayout<Int32>.size)
        guard getsockopt(fd, SOL_SOCKET, SO_ERROR, &result, &size) == 0 else { return errno }
        return result
    }
}
