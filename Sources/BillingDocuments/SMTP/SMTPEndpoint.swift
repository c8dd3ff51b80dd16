/// Where an SMTP server listens: a host name or address and a TCP port.
///
/// Written as `host:port`; an IPv6 address goes in brackets, as in a URL.
///
/// ```swift
/// let relay = SMTPEndpoint("mail.example.com:2525")  // host "mail.example.com", port 2525
/// let local = SMTPEndpoint("[::1]:25")               // host "::1", port 25
/// ```
public struct SMTPEndpoint: Sendable, Hashable {
    /// The host name or IP address, without brackets.
    public var host: String
    /// The TCP port, 1 to 65535.
    public var port: UInt16

    /// An endpoint from its parts.
    public init(host: String, port: UInt16) {
        self.host = host
        self.port = port
    }

    /// Parses `host:port` (or `[ipv6]:port`); `nil` when the port is missing, not a number
    /// from 1 to 65535, or the host is empty or contains spaces.
    public init?(_ text: String) {
        let host: Substring
        let portText: Substring
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { return nil }
            host = text[text.index(after: text.startIndex)..<close]
            let rest = text[text.index(after: close)...]
            guard rest.hasPrefix(":") else { return nil }
            portText = rest.dropFirst()
            guard host.contains(":") else { return nil }
        } else {
            guard let colon = text.lastIndex(of: ":") else { return nil }
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
            // A bare IPv6 address is ambiguous: "::1:25" could be a port or the last group.
            guard !host.contains(":") else { return nil }
        }
        guard !host.isEmpty, !host.contains(where: \.isWhitespace) else { return nil }
        guard !portText.isEmpty, portText.allSatisfy(\.isASCII), portText.allSatisfy(\.isNumber),
            let port = UInt16(portText), port > 0
        else { return nil }
        self.host = String(host)
        self.port = port
    }
}

extension SMTPEndpoint: CustomStringConvertible {
    /// `host:port`, with an IPv6 host in brackets: the form `init?(_:)` reads.
    public var description: String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }
}
