/// The export of `billingsim run --out DIR`: each scenario's world in its own folder
/// (`DIR/<scenario>/…`, laid out as ``WorldExport`` does) and an index `report.html` and
/// `report.json` at the top. Like ``WorldExport``, it is written beside the target and
/// swapped in by ``finish(_:)``.
public struct RunExport: Sendable {
    private let folder: ExportFolder

    /// Prepares an export to `path` (new, empty, or an earlier export).
    public init(path: String) throws(ExportError) { folder = try ExportFolder(path) }

    /// Writes one scenario's world into the folder `name` (see ``folderNames(_:)``),
    /// offering each message to `delivery` too when given.
    public func write(
        _ world: WorldDocuments, as name: String, export: WorldExport, delivery: SMTPDelivery? = nil
    ) async throws(ExportError) -> WorldExport.Result {
        try folder.makeFolder(name)
        return try await export.write(world, into: folder, under: name, delivery: delivery)
    }

    /// Writes the index and puts the export in place.
    public func finish(_ index: RunIndexModel) throws(ExportError) {
        try folder.write(Array(HTMLReport.render(index).utf8), to: "report.html")
        let rows = index.scenarios.map { IndexRow(path: $0.path, passed: $0.passed, outcome: $0.outcome, report: $0.reportPath) }
        let summary = Dictionary(index.summary.map { ($0.label, $0.value) }) { first, _ in first }
        let json = "{\n\"scenarios\": \(WorldExport.encode(rows)),\n\"summary\": \(WorldExport.encode(summary))\n}\n"
        try folder.write(Array(json.utf8), to: "report.json")
        try folder.commit()
    }

    /// Removes what was written (after a failure).
    public func discard() { folder.discard() }

    /// Names a scenario folder may not take: the index's own files and the marker.
    static let reserved = ["report.html", "report.json", ExportManifest.fileName]

    /// One folder name per scenario path: the file name without its extension, made safe,
    /// with `-2`, `-3`… when the name is taken already (by an earlier scenario, or by the
    /// index's `report.html` and `report.json`). Names are compared ignoring case, so they
    /// stay distinct on a file system that ignores it.
    public static func folderNames(_ paths: [String]) -> [String] {
        var taken = Set(reserved.map { $0.lowercased() })
        return paths.map { path in
            let file = path.split(separator: "/").last.map(String.init) ?? path
            let stem = file.hasSuffix(".scenario") ? String(file.dropLast(".scenario".count)) : file
            let base = ExportPaths.component(stem, unique: nil)
            var name = base
            var count = 1
            while taken.contains(name.lowercased()) {
                count += 1
                name = "\(base)-\(count)"
            }
            taken.insert(name.lowercased())
            return name
        }
    }

    private struct IndexRow: Encodable {
        var path: String
        var passed: Bool
        var outcome: String
        var report: String
    }
}
