extension SMTPDelivery {
    /// The connection a delivery reuses between messages, and the blocking work done on it.
    ///
    /// Lives inside the delivery's mutex and is used only on its dispatch queue.
    struct Wire: ~Copyable {
        private var connection: SMTPConnection?

        init() {}

        /// One try: reuse or open the connection, then run the transaction. On a failure
        /// the connection is reset with RSET, or dropped when that is not possible.
        mutating func attempt(
            _ mail: OutgoingMail, endpoint: SMTPEndpoint, clientName: String, deadlines: SMTPDeadlines
        ) -> Result<Void, SMTPAttemptError> {
            do throws(SMTPAttemptError) {
                let current: SMTPConnection
                if let connection, connection.isOpen {
                    current = connection
                } else {
                    connection = nil
                    current = try SMTPConnection.open(to: endpoint, clientName: clientName, deadlines: deadlines)
                    connection = current
                }
                let needsUTF8 = !mail.from.allSatisfy(\.isASCII) || !mail.to.allSatisfy(\.isASCII)
                if needsUTF8, !current.extensions.contains("SMTPUTF8") {
                    current.renew()
                    throw .permanent(
                        "not sent: the address \(mail.from.allSatisfy(\.isASCII) ? mail.to : mail.from) is not ASCII "
                            + "and \(endpoint) does not offer SMTPUTF8")
                }
                do {
                    try SMTPDelivery.transaction(mail, on: current, smtpUTF8: needsUTF8)
                    current.renew()
                } catch {
                    if case .permanent = error { current.renew() }
                    reset(current)
                    throw error
                }
                return .success(())
            } catch {
                return .failure(error)
            }
        }

        /// Says QUIT on the open connection, if any, and forgets it.
        mutating func quit() {
            connection?.quit()
            connection = nil
        }

        /// Sends RSET on a connection that is still up; drops it if even that fails.
        private mutating func reset(_ current: SMTPConnection) {
            guard current.isOpen else {
                connection = nil
                return
            }
            do throws(SMTPAttemptError) {
                try current.check(try current.command("RSET"), step: "RSET")
            } catch {
                current.close()
                connection = nil
            }
        }
    }
}
