import BillingCore
import BillingRuntime
import Foundation

/// `billingsim resume FILE --months M`: restores a snapshot and runs on.
enum ResumeCommand {
    static func run(_ arguments: [String]) async throws(UsageError) -> Int32 {
        var reader = ArgumentReader(arguments, command: "resume")
        if reader.wantsHelp() {
            Output.print(Help.resume)
            return ExitCode.success
        }
        let months = try reader.integer("--months", in: 0...1200, default: 12)
        let snapshotPath = try reader.option("--snapshot")
        let json = reader.flag("--json")
        let progressWanted = !reader.flag("--no-progress")
        let paths = reader.positionals()
        try reader.finish()
        guard paths.count == 1, let path = paths.first else {
            throw UsageError(message: "name exactly one snapshot file to resume", command: "resume")
        }
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
        Output.print(json ? report.json() : report.text())
        _ = Unmanaged.passRetained(simulation)
        return ExitCode.success
    }
}
