import ArgumentParser
import BayesMMM
import Foundation

/// Where the data is and which column plays which role: shared by every subcommand through
/// `@OptionGroup`.
///
/// Roles start from the defaults (MODEL.md 1), then a `--roles` JSON file, then the direct
/// options, each overriding the one before. `--no-price` / `--no-promotion` leave that term
/// out of the model (as `"price": null` in a roles file does). Without `--data`,
/// `data/mmm_weekly.csv` is looked up in the current directory, then in every folder above
/// the executable (so the built tool finds the bundled file from anywhere).
struct DataOptions: ParsableArguments {
  static let bundledDataPath = "data/mmm_weekly.csv"

  @Option(name: .long, help: ArgumentHelp(
    "The weekly CSV file (default: \(DataOptions.bundledDataPath), in the current directory or "
      + "the package the tool was built in).", valueName: "file"))
  var data: String?

  @Option(name: .long, help: ArgumentHelp(
    "A JSON file of column roles, e.g. {\"social\": [\"meta\", \"tiktok\"], \"owned\": []}.",
    valueName: "file"))
  var roles: String?

  @Option(name: .long, help: ArgumentHelp("The outcome column.", valueName: "column"))
  var outcome: String?

  @Option(name: .long, help: ArgumentHelp("The mediator column.", valueName: "column"))
  var mediator: String?

  @Option(name: .long, help: ArgumentHelp(
    "Social spend columns, comma-separated.", valueName: "a,b,c"))
  var social: String?

  @Option(name: .long, help: ArgumentHelp(
    "Owned channel columns, comma-separated (\"\" for none).", valueName: "x,y"))
  var owned: String?

  @Option(name: .long, help: ArgumentHelp("The price column.", valueName: "column"))
  var price: String?

  @Option(name: .long, help: ArgumentHelp("The promotion column.", valueName: "column"))
  var promotion: String?

  @Flag(name: .customLong("no-price"), help: ArgumentHelp(
    "The data has no price: the model leaves the price term out."))
  var noPrice = false

  @Flag(name: .customLong("no-promotion"), help: ArgumentHelp(
    "The data has no promotions: the model leaves the promotion term out."))
  var noPromotion = false

  @Option(name: .long, help: ArgumentHelp("The date column.", valueName: "column"))
  var date: String?

  @Option(name: .long, help: ArgumentHelp(
    "Extra control columns, comma-separated (\"\" for none).", valueName: "a,b"))
  var controls: String?

  /// Defaults, then the roles file, then the direct options; validated.
  func resolvedRoles() throws -> ColumnRoles {
    if noPrice, price != nil { throw DataOptionsError.conflicting("--price", "--no-price") }
    if noPromotion, promotion != nil {
      throw DataOptionsError.conflicting("--promotion", "--no-promotion")
    }
    var resolved = try roles.map { try ColumnRoles.load(fromFile: $0) } ?? ColumnRoles()
    if let outcome { resolved.outcome = outcome }
    if let mediator { resolved.mediator = mediator }
    if let social { resolved.social = Self.columnList(social) }
    if let owned { resolved.owned = Self.columnList(owned) }
    if let price { resolved.price = price }
    if let promotion { resolved.promotion = promotion }
    if noPrice { resolved.price = nil }
    if noPromotion { resolved.promotion = nil }
    if let date { resolved.date = date }
    if let controls { resolved.controls = Self.columnList(controls) }
    try resolved.validate(source: roles ?? "roles")
    return resolved
  }

  /// The data file to read: `--data` as given, else the bundled file (see the type's doc).
  func resolvedDataPath() throws -> String {
    if let data { return data }
    guard let path = Self.locateBundledFile(Self.bundledDataPath) else {
      throw DataOptionsError.noDataFile
    }
    return path
  }

  /// A file shipped with the package (`relativePath` such as `data/mmm_weekly.csv`): in the
  /// current directory, else in the nearest folder above the executable that holds it.
  static func locateBundledFile(_ relativePath: String) -> String? {
    let fileManager = FileManager.default
    if fileManager.fileExists(atPath: relativePath) { return relativePath }
    for folder in foldersAboveExecutable() {
      let candidate = folder.appendingPathComponent(relativePath).path
      if fileManager.fileExists(atPath: candidate) { return candidate }
    }
    return nil
  }

  /// Loads and validates the dataset with the resolved roles.
  func loadDataset() throws -> WeeklyDataset {
    try WeeklyDataset.load(path: try resolvedDataPath(), roles: try resolvedRoles())
  }

  /// "a, b,,c" -> ["a", "b", "c"]; "" -> [].
  static func columnList(_ text: String) -> [String] {
    text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { !$0.isEmpty }
  }

  /// The executable's folder (symlinks resolved) and every folder above it.
  private static func foldersAboveExecutable() -> [URL] {
    let executable = Bundle.main.executableURL
      ?? URL(fileURLWithPath: CommandLine.arguments.first ?? "")
    var folder = executable.resolvingSymlinksInPath().deletingLastPathComponent()
    var folders: [URL] = []
    while folder.path != "/", !folder.path.isEmpty, folders.count < 32 {
      folders.append(folder)
      folder = folder.deletingLastPathComponent()
    }
    return folders
  }
}

/// Problems with the data options that are not about the file's content.
enum DataOptionsError: Error, CustomStringConvertible {
  case noDataFile
  /// Two options that contradict each other, e.g. `--price` with `--no-price`.
  case conflicting(String, String)

  var description: String {
    switch self {
    case .noDataFile:
      return "no data file: \(DataOptions.bundledDataPath) is not in the current directory "
        + "nor above the bayes-mmm executable; pass --data FILE"
    case .conflicting(let first, let second):
      return "\(first) and \(second) contradict each other; give one of them"
    }
  }
}
