internal import BillingCore

/// Runs `body` on every item with at most `width` chunks of items in flight, one task
/// per chunk (never one per item), and returns the results in item order, whatever
/// order the tasks finish in.
func fanOut<Item: Sendable, Result: Sendable>(
    _ items: [Item], width: Int, _ body: @escaping @Sendable (Item) async -> Result
) async -> [Result] {
    let byChunk = await fanOutChunks(items, width: width) { chunk in
        var out: [Result] = []
        out.reserveCapacity(chunk.count)
        for item in chunk { out.append(await body(item)) }
        return out
    }
    return byChunk.count == 1 ? byChunk[0] : byChunk.flatMap { $0 }
}

/// Runs `body` on contiguous chunks of `items`, at most `width` chunks in flight, one
/// task per chunk, and returns each chunk's result in chunk order: a chunk can gather
/// its items' results into one value (one array of emails rather than one per item).
func fanOutChunks<Item: Sendable, Result: Sendable>(
    _ items: [Item], width: Int, _ body: @escaping @Sendable (ArraySlice<Item>) async -> Result
) async -> [Result] {
    guard items.count > 1, width > 1 else { return [await body(items[...])] }
    let chunkSize = max(16, (items.count + width * 8 - 1) / (width * 8))
    let chunks = stride(from: 0, to: items.count, by: chunkSize).map { $0..<min($0 + chunkSize, items.count) }
    var byChunk = [Result?](repeating: nil, count: chunks.count)
    await withTaskGroup(of: (Int, Result).self) { group in
        var next = 0
        func launch() {
            let index = next
            let slice = items[chunks[index]]
            next += 1
            group.addTask { (index, await body(slice)) }
        }
        while next < min(width, chunks.count) { launch() }
        while let (index, result) = await group.next() {
            byChunk[index] = result
            if next < chunks.count { launch() }
        }
    }
    return byChunk.compactMap { $0 }
}

/// Runs `body` on `width × 4` contiguous slices of `0..<count` in child tasks (pure,
/// synchronous work such as generating a population) and concatenates the results in
/// index order. The first error thrown, by slice order, is rethrown.
func concurrentMap<Result: Sendable>(
    _ count: Int, width: Int, _ body: @escaping @Sendable (Range<Int>) throws(BillingError) -> [Result]
) async throws(BillingError) -> [Result] {
    let slices = max(1, min(count, width * 4))
    let size = (count + slices - 1) / max(1, slices)
    let ranges = stride(from: 0, to: count, by: max(1, size)).map { $0..<min($0 + size, count) }
    var bySlice = [Swift.Result<[Result], BillingError>?](repeating: nil, count: ranges.count)
    await withTaskGroup(of: (Int, Swift.Result<[Result], BillingError>).self) { group in
        for (index, range) in ranges.enumerated() {
            group.addTask { (index, Swift.Result { () throws(BillingError) in try body(range) }) }
        }
        for await (index, result) in group { bySlice[index] = result }
    }
    var out: [Result] = []
    out.reserveCapacity(count)
    for result in bySlice { if let result { out += try result.get() } }
    return out
}
