import Foundation

/// Writes a run folder so that it appears complete or not at all.
///
/// Everything (`chain-1.csv` ... `chain-N.csv`, `run.json`) is written into a staging
/// folder `<dir>.partial-<pid>` beside the destination; only when every file is written is an
/// existing destination moved aside and the staging folder renamed into place. An
/// interrupted or failed write leaves at most a folder named `.partial-...`, never a
/// destination that looks complete.
public enum RunFolder {
  public static func chainFileName(_ chain: Int) -> String { "chain-\(chain + 1).csv" }

  /// Writes `run` to `directory`, replacing a previous run there.
  public static func write(_ run: FitRun, to directory: String) throws {
    let fileManager = FileManager.default
    let destination = URL(fileURLWithPath: directory).standardizedFileURL
    let parent = destination.deletingLastPathComponent()
    try create(parent)
    let staging = parent.appendingPathComponent(
      "\(destination.lastPathComponent).partial-\(ProcessInfo.processInfo.processIdentifier)")
    try? fileManager.removeItem(at: staging)
    try create(staging)
    do {
      let names = run.chains.map { chainFileName($0.chain) }
      for (index, chain) in run.chains.enumerated() {
        let path = staging.appendingPathComponent(names[index]).path
        let header = CmdStanCSV.Header(
          settings: run.settings, seed: run.settings.seed, chain: chain.chain,
          dataFile: run.prepared.dataset.sourcePath, outputFile: names[index])
        let text = CmdStanCSV.chainFile(
          header: header, columns: run.table.columns, draws: run.table.values[index],
          result: chain)
        try AtomicFileWriter.write(text, to: path)
      }
      let record = RunRecord.json(for: run, chainFiles: names).serialized(pretty: true) + "\n"
      try AtomicFileWriter.write(record, to: staging.appendingPathComponent("run.json").path)
      try replace(destination, with: staging)
    } catch {
      try? fileManager.removeItem(at: staging)
      throw error
    }
  }

  private static func create(_ folder: URL) throws {
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    } catch {
      throw OutputError(path: folder.path, reason: "cannot create the folder")
    }
  }

  /// Moves an existing destination aside, renames the staging folder into place, then
  /// deletes the old run.
  private static func replace(_ destination: URL, with staging: URL) throws {
    let fileManager = FileManager.default
    let old = destination.deletingLastPathComponent().appendingPathComponent(
      "\(destination.lastPathComponent).old-\(ProcessInfo.processInfo.processIdentifier)")
    let hadOld = fileManager.fileExists(atPath: destination.path)
    if hadOld {
      guard rename(destination.path, old.path) == 0 else {
        throw OutputError(path: destination.path, reason: "cannot move the previous run aside")
      }
    }
    guard rename(staging.path, destination.path) == 0 else {
      if hadOld { _ = rename(old.path, destination.path) }
      throw OutputError(path: destination.path, reason: "cannot move the new run into place")
    }
    if hadOld { try? fileManager.removeItem(at: old) }
  }
}
