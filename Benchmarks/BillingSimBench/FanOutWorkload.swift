import BillingRuntime

/// Month-end fan-out at its widest: every user turned invoice emails on, up to eight
/// users per company, and every company gives one of a few partners the Billing role,
/// so each partner receives the invoices of about 2,000 companies.
enum FanOutWorkload {
    static func run(_ options: WorkloadOptions) async throws -> String {
        let spec = PopulationSpec(
            companies: options.companies, optInPercent: 100, partners: max(1, options.companies / 2_000), partnerPercent: 100,
            maxUsers: 8)
        return try await PopulationWorkload.run(options, spec: spec, withBaseline: false)
    }
}
