import BillingCore
import BillingRuntime
import BillingStore
import Foundation

/// Saves and restores one generated world several times, and inserts the same number of
/// bare rows, reporting median, minimum and maximum of each.
enum SnapshotWorkload {
    struct Figures: Codable {
        var workload = "snapshot"
        var companies: Int
        var months: Int
        var runs: Int
        var rows: Int
        var fileBytes: Int64
        var saveSeconds: Stats
        var restoreSeconds: Stats
        var bareInsertSeconds: Stats
        var bareReadSeconds: Stats
        var saveRowsPerSecond: Double
        var restoreRowsPerSecond: Double
        var bareInsertRowsPerSecond: Double
        var bareReadRowsPerSecond: Double
        var peakMemoryBytes: Int
    }

    static func run(_ options: WorkloadOptions) async throws -> String {
        let world = try Simulation(seed: 1, start: PopulationWorkload.start)
        try await world.populate(PopulationSpec(companies: options.companies))
        await world.advance(by: .months(options.months))
        let digest = await world.digest()
        let image = await world.image()
        let rows = Snapshot.rowCount(of: image)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("billingsim-bench-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("world.db").path
        var saves: [Double] = []
        var restores: [Double] = []
        var bare: [Double] = []
        var bareRead: [Double] = []
        for _ in 0..<options.runs {
            saves.append(try Measure.seconds { try Snapshot.save(image, to: path) })
            var restored: Simulation?
            restores.append(try Measure.seconds { restored = try Snapshot.restore(from: path) })
            guard let restored, await restored.digest() == digest else { throw SnapshotError.inconsistent(path, detail: "digest differs") }
            let (insert, read) = try Snapshot.bareSeconds(rows: rows, path: folder.appendingPathComponent("bare.db").path)
            bare.append(insert)
            bareRead.append(read)
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value ?? 0
        let figures = Figures(
            companies: options.companies, months: options.months, runs: options.runs, rows: rows, fileBytes: size,
            saveSeconds: Stats(saves), restoreSeconds: Stats(restores), bareInsertSeconds: Stats(bare), bareReadSeconds: Stats(bareRead),
            saveRowsPerSecond: Double(rows) / Stats(saves).median, restoreRowsPerSecond: Double(rows) / Stats(restores).median,
            bareInsertRowsPerSecond: Double(rows) / Stats(bare).median, bareReadRowsPerSecond: Double(rows) / Stats(bareRead).median,
            peakMemoryBytes: Measure.peakResidentBytes())
        if options.json { return try Measure.json(figures) }
        func line(_ name: String, _ s: Stats, _ rate: Double) -> String {
            String(format: "  %-12@ median %.2f s (min %.2f, max %.2f), %.0f rows/s", name as NSString, s.median, s.min, s.max, rate)
        }
        return """
            snapshot: \(options.companies) companies, \(options.months) months, \(rows) rows, \(options.runs) runs, file \(size / 1_048_576) MiB
            \(line("save", figures.saveSeconds, figures.saveRowsPerSecond))
            \(line("restore", figures.restoreSeconds, figures.restoreRowsPerSecond))
            \(line("bare insert", figures.bareInsertSeconds, figures.bareInsertRowsPerSecond))
            \(line("bare read", figures.bareReadSeconds, figures.bareReadRowsPerSecond))
              peak memory  \(figures.peakMemoryBytes / 1_048_576) MiB
            """
    }
}
