internal import Glibc

/// A blocking TCP connection to an SMTP server, with timeouts, read in CRLF lines.
///
/// Owns its file descriptor and closes it on `close()` or in `deinit`. Every read and
/// write blocks at most `timeout` (SO_RCVTIMEO/SO_SNDTIMEO, which on Linux also bound
/// `connect`); EINTR is retried; writes use MSG_NOSIGNAL so a closed peer is an error,
/// not a SIGPIPE that kills the process.
final class SMTPSocket {
    /// The longest reply line accepted; RFC 5321 §4.5.3.1.5 allows 512 octets.
    static let maximumLineLength = 64 * 1024

    private var descriptor: Int32
    private let endpoint: SMTPEndpoint
    private let timeout: Duration
    private var received: [UInt8] = []
    private var readOffset = 0

    /// Connects to the first address of `endpoint` that accepts.
    init(connectingTo endpoint: SMTPEndpoint, timeout: Duration) throws(SMTPTransportError) {
        self.endpoint = endpoint
        self.timeout = timeout
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
            let fd = socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
            guard fd >= 0 else {
                lastError = SMTPTransportError(operation: "socket() for \(endpoint)", errno: errno)
                continue
            }
            Self.setTimeouts(fd, timeout)
            let code = Self.connect(fd, info.pointee.ai_addr, info.pointee.ai_addrlen, timeout: timeout)
            if code == 0 {
                descriptor = fd
                return
            }
            lastError =
                code == EINPROGRESS || code == ETIMEDOUT
                ? SMTPTransportError("timed out connecting to \(endpoint) after \(timeout)")
                : SMTPTransportError(operation: "connecting to \(endpoint)", errno: code)
            Glibc.close(fd)
        }
        throw lastError
    }

    /// Wraps a descriptor that is already connected (a socketpair in tests); takes ownership.
    init(descriptor: Int32, endpoint: SMTPEndpoint, timeout: Duration) {
        self.descriptor = descriptor
        self.endpoint = endpoint
        self.timeout = timeout
        Self.setTimeouts(descriptor, timeout)
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

    /// Sends all of `bytes`, blocking until the kernel took them.
    func write(_ bytes: [UInt8]) throws(SMTPTransportError) {
        guard descriptor >= 0 else { throw SMTPTransportError("the connection to \(endpoint) is closed") }
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { buffer in
                Glibc.send(descriptor, buffer.baseAddress.map { $0 + offset }, bytes.count - offset, Int32(MSG_NOSIGNAL))
            }
            if sent >= 0 {
                offset += sent
                continue
            }
            let code = errno
            if code == EINTR { continue }
            close()
            if code == EAGAIN || code == EWOULDBLOCK {
                throw SMTPTransportError("timed out after \(timeout) sending to \(endpoint)")
            }
            throw SMTPTransportError(operation: "sending to \(endpoint)", errno: code)
        }
    }

    /// The next line from the server without its line end (CRLF, or a bare LF).
    func readLine() throws(SMTPTransportError) -> [UInt8] {
        var scanned = 0  // bytes after readOffset already known to hold no LF
        while true {
            if let newline = received[(readOffset + scanned)...].firstIndex(of: 0x0A) {
                var end = newline
                if end > readOffset, received[end - 1] == 0x0D { end -= 1 }
                let line = Array(received[readOffset..<end])
                readOffset = newline + 1
                return line
            }
            scanned = received.count - readOffset
            guard received.count - readOffset <= Self.maximumLineLength else {
                close()
                throw SMTPTransportError("\(endpoint) sent a reply line longer than \(Self.maximumLineLength) bytes")
            }
            try fill()
        }
    }

    /// Reads whatever the server sent next into `received`, dropping consumed bytes first.
    private func fill() throws(SMTPTransportError) {
        guard descriptor >= 0 else { throw SMTPTransportError("the connection to \(endpoint) is closed") }
        if readOffset > 0 {
            received.removeFirst(readOffset)
            readOffset = 0
        }
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                received.append(contentsOf: chunk[..<count])
                return
            }
            let code = errno
            if count < 0, code == EINTR { continue }
            close()
            if count == 0 { throw SMTPTransportError("\(endpoint) closed the connection") }
            if code == EAGAIN || code == EWOULDBLOCK {
                throw SMTPTransportError("timed out after \(timeout) waiting for \(endpoint)")
            }
            throw SMTPTransportError(operation: "reading from \(endpoint)", errno: code)
        }
    }

    private static func setTimeouts(_ fd: Int32, _ timeout: Duration) {
        let (seconds, attoseconds) = timeout.components
        var value = timeval(tv_sec: Int(max(0, seconds)), tv_usec: Int(max(0, attoseconds) / 1_000_000_000_000))
        // A zero timeval means "wait forever": the shortest real timeout is one microsecond.
        if value.tv_sec == 0, value.tv_usec == 0 { value.tv_usec = 1 }
        let size = socklen_t(MemoryLayout<timeval>.size)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &value, size)
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &value, size)
    }

    /// Connects `fd`, and returns 0 or the errno that stopped it.
    ///
    /// A `connect` interrupted by a signal goes on in the background: wait for it with
    /// `poll`, then read its result from SO_ERROR.
    private static func connect(_ fd: Int32, _ address: UnsafePointer<sockaddr>, _ length: socklen_t, timeout: Duration) -> Int32 {
        if Glibc.connect(fd, address, length) == 0 { return 0 }
        guard errno == EINTR else { return errno }
        let (seconds, attoseconds) = timeout.components
        let milliseconds = Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000)
        var pending = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
        var ready: Int32
        repeat {
            ready = poll(&pending, 1, max(1, milliseconds))
        } while ready < 0 && errno == EINTR
        guard ready > 0 else { return ready == 0 ? ETIMEDOUT : errno }
        var result: Int32 = 0
        var size = socklen_t(MemoryLayout<Int32>.size)
        guard getsockopt(fd, SOL_SOCKET, SO_ERROR, &result, &size) == 0 else { return errno }
        return result
    }
}
