import BillingCore
import BillingDocuments
import BillingRuntime
import Foundation

/// `billingsim resume FILE --months M`: restores a snapshot and runs on; like `simulate`,
/// it can export (`--out`) and deliver (`--smtp`) the world's documents at the end.
enum ResumeCommand {
    static func run(_ arguments: [String]) async throws(UsageError) -> Int32 {
        var reader = ArgumentReader(arguments, command: "resume")
        if reader.wantsHelp() {
            Output.print(Help.resume)
            return ExitCode.success
        }
        let months = try reader.integer("--months", in: 0...1200, default: 12)
        let snapshotPath = try reader.option("--snapshot")
        var documents = try DocumentOptions.parse(&reader)
        let json = reader.flag("--json")
        let progressWanted = !reader.flag("--no-progress")
        documents.showsProgress = progressWanted
        let paths = reader.positionals()
        try reader.finish()
        guard paths.count == 1, let path = paths.first else {
            throw UsageError(message: "name exactly one snapshot file to resume", command: "resume")
        }
        if documents.refusesTarget() { return ExitCode.cannotCreate }
        let simulation: Simulation
        switch SnapshotFiles.load(path) {
        case .success(let restored): simulation = restored
        case .failure(let failure): return failure.code
        }
        let from = await simulation.now
        let clock = ContinuousClock()
        let began = clock.now
        let progress = ProgressLine(enabled: progressWanted)
        await simulation.advance(by: .months(months), progress: { progress.update($0) })
        progress.finish()
        let elapsed = began.duration(to: clock.now)
        let wallSeconds = elapsed.inSeconds
        var report = await SimulateReport(simulation, start: from.description, months: months, wallSeconds: wallSeconds)
        if let out = snapshotPath {
            guard let seconds = await SnapshotFiles.save(simulation, to: out) else { return ExitCode.cannotCreate }
            report.snapshot = out
            report.snapshotSeconds = seconds
        }
        let facts = [
            ReportModel.Fact("Command", "resume"), ReportModel.Fact("Snapshot", path),
            ReportModel.Fact("From", from.description), ReportModel.Fact("Months", "\(months)"),
            ReportModel.Fact("Digest", report.digest),
        ]
        let code = await documents.publish(simulation, title: "billingsim resume", facts: facts, into: &report)
        Output.print(json ? report.json() : report.text())
        _ = Unmanaged.passRetained(simulation)
        return code
    }
}
