/// Writes a run folder (`chain-1.csv` ... `chain-N.csv`, `run.json`) so that it appears
/// complete or not at all, through `StagedFolder`: an interrupted or failed write leaves at
/// most a folder named `<dir>.partial-<pid>`, never a destination that looks complete.
public enum RunFolder {
  public static func chainFileName(_ chain: Int) -> String { "chain-\(chain + 1).csv" }

  /// Writes `run` to `directory`, replacing a previous run there.
  public static func write(_ run: FitRun, to directory: String) throws {
    let names = run.chains.map { chainFileName($0.chain) }
    var files: [(name: String, text: String)] = []
    for (index, chain) in run.chains.enumerated() {
      let header = CmdStanCSV.Header(
        settings: run.settings, seed: run.settings.seed, chain: chain.chain,
        dataFile: run.prepared.dataset.sourcePath, outputFile: names[index])
      files.append(
        (
          name: names[index],
          text: CmdStanCSV.chainFile(
            header: header, columns: run.table.columns, draws: run.table.values[index],
            result: chain)
        ))
    }
    let record = RunRecord.json(for: run, chainFiles: names).serialized(pretty: true) + "\n"
    files.append((name: "run.json", text: record))
    try StagedFolder.write(files, to: directory)
  }
}
