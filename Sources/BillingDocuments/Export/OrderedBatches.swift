/// Runs `produce` on consecutive batches of `0..<count` in child tasks, at most `width`
/// at once, and hands each batch's result to `consume` in batch order, so work runs on
/// every core while output (a file appended to, a mail server) stays in order and only
/// `width` batches are held in memory.
///
/// The first error `consume` throws stops the run and is rethrown.
func inOrderedBatches<Output: Sendable, Failure: Error>(
    count: Int, batchSize: Int, width: Int,
    produce: @escaping @Sendable (Range<Int>) async -> Output,
    consume: (Output) async throws(Failure) -> Void
) async throws(Failure) {
    let ranges = stride(from: 0, to: count, by: max(1, batchSize)).map { $0..<min($0 + max(1, batchSize), count) }
    var failure: Failure?
    await withTaskGroup(of: (Int, Output).self) { group in
        var launched = 0
        var ready: [Int: Output] = [:]
        var nextToConsume = 0
        func launch() {
            guard launched < ranges.count else { return }
            let index = launched
            let range = ranges[index]
            group.addTask { (index, await produce(range)) }
            launched += 1
        }
        for _ in 0..<max(1, width) { launch() }
        while let (index, output) = await group.next() {
            ready[index] = output
            while let next = ready.removeValue(forKey: nextToConsume) {
                do throws(Failure) {
                    try await consume(next)
                } catch {
                    failure = error
                    group.cancelAll()
                    return
                }
                nextToConsume += 1
                launch()
            }
        }
    }
    if let failure { throw failure }
}

/// The outcome of `body` as a value, so a child task can carry a typed error back.
func capture<Value>(_ body: () async throws(ExportError) -> Value) async -> Result<Value, ExportError> {
    do {
        return .success(try await body())
    } catch {
        return .failure(error)
    }
}
