internal import BillingCore
internal import BillingRuntime

// Actions, performed for real or as a trial (`expect … can/cannot`).

extension Execution {
    /// Performs `action` as `user`. With `commit: false` nothing changes: the outcome is
    /// what the action would give now.
    static func perform(_ action: Action, as user: String, in simulation: Simulation, commit: Bool) async throws(BillingError) {
        switch action {
        case .command(let command, let company):
            try await simulation.perform(command, in: company, as: user, commit: commit)
        case .turnInvoiceEmail(let on, let target):
            try await simulation.setInvoiceEmails(on, of: target ?? user, as: user, commit: commit)
        }
    }
}
