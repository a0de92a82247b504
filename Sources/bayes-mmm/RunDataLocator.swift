import BayesMMM
import Foundation

/// Finds the data file a stored run was fitted to, for the commands that read runs.
enum RunDataLocator {
  /// `override` (`--data`), else the path run.json records: as it is (absolute, or relative
  /// to the current folder), then relative to the folders above the run folder, then in the
  /// package the tool was built in (where `sample` finds the bundled data by default).
  static func locate(run stored: StoredRun, override: String?) throws -> String {
    if let override { return override }
    guard let recorded = stored.recordedDataPath else {
      throw SummaryError.badRecord(path: stored.recordPath, key: "data.path", reason: "missing")
    }
    let fileManager = FileManager.default
    if recorded.hasPrefix("/") || fileManager.fileExists(atPath: recorded) { return recorded }
    var folder = URL(fileURLWithPath: stored.directory).standardizedFileURL
    while folder.path != "/" {
      folder = folder.deletingLastPathComponent()
      let candidate = folder.appendingPathComponent(recorded).path
      if fileManager.fileExists(atPath: candidate) { return candidate }
    }
    if let bundled = DataOptions.locateBundledFile(recorded) { return bundled }
    throw RunDataError.dataNotFound(path: recorded, record: stored.recordPath)
  }
}

enum RunDataError: Error, CustomStringConvertible {
  case dataNotFound(path: String, record: String)

  var description: String {
    switch self {
    case .dataNotFound(let path, let record):
      return "\(path): no such data file (recorded in \(record)); pass --data FILE with the "
        + "data the run was fitted to"
    }
  }
}
