import Foundation

/// Writes a run folder (`chain-1.csv` ... `chain-N.csv`, `run.json`) through
/// `OutputTransaction`: refused when the folder holds anything but an earlier run of ours
/// (`OutputOwnership`); otherwise the chain files and run.json are replaced all together or
/// not at all, run.json last, and a user's own files in the folder stay.
public enum RunFolder {
  public static func chainFileName(_ chain: Int) -> String { "chain-\(chain + 1).csv" }

  /// True for the names `chainFileName` makes (`chain-<k>.csv`, k a positive integer).
  public static func isChainFileName(_ name: String) -> Bool {
    guard name.hasPrefix("chain-"), name.hasSuffix(".csv") else { return false }
    let number = name.dropFirst("chain-".count).dropLast(".csv".count)
    return !number.isEmpty && number.allSatisfy(\.isASCII) && Int(number).map { $0 >= 1 } == true
  }

  /// How a run folder is recognised: run.json with `"tool": "bayes-mmm"` and `"kind": "run"`
  /// (or no `kind`, as run folders had before format version 2), listing its chain files.
  public static let kind = OutputOwnership.FolderKind(
    noun: "run folder", marker: "run.json", kind: RunRecord.kind,
    isLegacyMarker: {
      $0["tool"]?.stringValue == OutputOwnership.toolName && $0["kind"] == nil
        && $0[.chainFiles]?.arrayValue != nil
    },
    listedFiles: { $0[.chainFiles]?.arrayValue?.compactMap(\.stringValue) ?? [] },
    ownsName: { isChainFileName($0) })

  /// Writes `run` to `directory`, replacing an earlier run there.
  /// - Throws: `OutputRefusal` when the folder is not ours, `OutputCancelled` when `cancel`
  ///   is set before the files are committed (nothing is written), `OutputError` otherwise.
  public static func write(
    _ run: FitRun, to directory: String, cancel: CancellationFlag? = nil
  ) throws {
    let output = try OutputTransaction.folder(directory, kind: kind, cancel: cancel)
    // Formatting a chain's CSV text and hashing it is most of the writing time (48 MB for
    // the default run); each thread formats, hashes and stages (writes and flushes) one
    // chain file after another, in parallel with the others.
    let names = run.chains.map { chainFileName($0.chain) }
    let checks = try output.stageConcurrently(
      names: names, threads: run.settings.effectiveThreads
    ) { index in
      let chain = run.chains[index]
      let header = CmdStanCSV.Header(
        settings: run.settings, seed: run.settings.seed, chain: chain.chain,
        dataFile: run.prepared.dataset.sourcePath, outputFile: names[index])
      let bytes = CmdStanCSV.chainFileBytes(
        header: header, columns: run.table.columns, draws: run.table.values[index],
        result: chain)
      let check = RunRecord.ChainFileCheck(
        file: names[index], sha256: SHA256.hexDigest(of: bytes), draws: chain.drawCount,
        chainID: chain.chain + 1)
      return (bytes: bytes, extra: check)
    }
    let record = RunRecord.json(for: run, chainFiles: checks).serialized(pretty: true) + "\n"
    try output.stage(kind.marker, Data(record.utf8))
    try output.commit()
  }
}
