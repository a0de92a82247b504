/// Why a run folder cannot be summarised. Every description names the file concerned, so
/// the command line can print it as it is.
///
/// ```
/// runs/default/chain-2.csv, line 412: expected 129 fields, found 57 (a truncated file?)
/// data/mmm_weekly.csv: changed since the run (sha256 96b2... recorded in runs/default/run.json,
///   now 0c1f...); summarize needs the data the run was fitted to
/// ```
public enum SummaryError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The run folder does not exist (or is a file).
  case noRunFolder(path: String)
  /// A file the run needs is missing; `why` says why it is needed ("run.json lists it as a
  /// chain file").
  case missingFile(path: String, why: String)
  /// A file is there but unusable; `line` is 1-based when known.
  case corruptFile(path: String, line: Int?, reason: String)
  /// run.json lacks a key or holds the wrong kind of value there.
  case badRecord(path: String, key: String, reason: String)
  /// The data file's SHA-256 differs from the one recorded when the run was made.
  case dataChanged(path: String, recorded: String, actual: String, record: String)
  /// The model rebuilt from run.json does not have the chain files' parameters.
  case modelMismatch(record: String, reason: String)

  public var description: String {
    switch self {
    case .noRunFolder(let path):
      return "\(path): no such run folder (write one with: bayes-mmm sample --out \(path))"
    case .missingFile(let path, let why):
      return "\(path): missing (\(why))"
    case .corruptFile(let path, let line, let reason):
      return line.map { "\(path), line \($0): \(reason)" } ?? "\(path): \(reason)"
    case .badRecord(let path, let key, let reason):
      return "\(path): key \"\(key)\": \(reason)"
    case .dataChanged(let path, let recorded, let actual, let record):
      return "\(path): changed since the run (sha256 \(recorded) recorded in \(record), now "
        + "\(actual)); summarize needs the data the run was fitted to"
    case .modelMismatch(let record, let reason):
      return "\(record): \(reason)"
    }
  }
}
