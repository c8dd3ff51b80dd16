/// A denied operation: who tried what, where. Nothing was changed.
public struct AccessDenied: Error, Sendable, Hashable, CustomStringConvertible {
    /// The email of the user who tried.
    public var user: String
    /// What they tried.
    public var operation: Operation
    /// The id of the company they tried it in.
    public var company: String

    /// A denial.
    public init(user: String, operation: Operation, company: String) {
        self.user = user
        self.operation = operation
        self.company = company
    }

    /// `bo@partner.se may not manage all sites in company acme`.
    public var description: String { "\(user) may not \(operation) in company \(company)" }
}
