import BillingCore
import BillingRuntime
import BillingStore
import Foundation
import Testing

@Suite("Snapshots: save, restore, continue")
struct RoundTripTests {
    static let start = Instant(CivilDate(year: 2026, month: 1, day: 1) ?? CivilDate(daysSinceEpoch: 0))

    @Test("A restored world equals the saved one and continues to the digest of never stopping")
    func roundTrip() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("w.db").path

        let straight = try Simulation(seed: 3, start: Self.start)
        try await straight.populate(PopulationSpec(companies: 500, annualPercent: 30, optInPercent: 60))
        await straight.advance(by: .months(14))

        let first = try Simulation(seed: 3, start: Self.start)
        try await first.populate(PopulationSpec(companies: 500, annualPercent: 30, optInPercent: 60))
        await first.advance(by: .days(200))
        let image = await first.image()
        try Snapshot.save(image, to: path)
        let loaded = try Snapshot.load(from: path)
        #expect(loaded == image)
        let restored = try Simulation(restoring: loaded)
        await restored.advance(to: SimulatedDuration.months(14).after(Self.start))
        #expect(await restored.digest() == (await straight.digest()))
    }
}
