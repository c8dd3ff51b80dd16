import BillingCore
import BillingRuntime
import BillingStore

/// Saving and loading snapshots for the commands, with messages and exit codes.
enum SnapshotFiles {
    /// Saves `simulation` to `path`; the seconds it took, or `nil` after printing why not.
    static func save(_ simulation: Simulation, to path: String) async -> Double? {
        let clock = ContinuousClock()
        let began = clock.now
        do {
            try Snapshot.save(await simulation.image(), to: path)
        } catch {
            Output.error("error: \(error)\n")
            return nil
        }
        let elapsed = began.duration(to: clock.now)
        return elapsed.inSeconds
    }

    /// The simulation restored from `path`, or the exit code after printing why not:
    /// 66 for a missing file or one that is not a regular file (a FIFO), 65 for anything else wrong with it.
    static func load(_ path: String) -> Result<Simulation, ExitFailure> {
        do throws(SnapshotError) {
            return .success(try Snapshot.restore(from: path))
        } catch {
            Output.error("error: \(error)\n")
            return .failure(ExitFailure(code: error.isNoInput ? ExitCode.noInput : ExitCode.dataError))
        }
    }
}

/// An exit code to stop with, its message already printed.
struct ExitFailure: Error {
    var code: Int32
}
