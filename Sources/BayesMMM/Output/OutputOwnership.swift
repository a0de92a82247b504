import Foundation

/// The one rule for what a command may replace: only what bayes-mmm wrote itself.
///
/// ```swift
/// let state = try OutputOwnership.inspectFolder("runs/x", as: RunFolder.kind, option: "--out")
/// try OutputOwnership.checkFile("report.html", as: .htmlReport, newContent: html, option: "--out")
/// ```
///
/// Folders (`sample`, `prior-predictive`):
/// - missing: created with its parents when the output is committed;
/// - an empty folder: used;
/// - a folder whose marker file (run.json, summary.json) is a JSON object with
///   `"tool": "bayes-mmm"` and the folder kind's `"kind"` (or the kind's marker as earlier
///   versions wrote it, `FolderKind.isLegacyMarker`): ours; only the files the marker
///   lists (and that match the kind's file names) are replaced or, when the new output does
///   not write them again, removed; anything else in the folder stays;
/// - anything else (a file, a folder without the marker, a marker of another tool or kind):
///   refused with `OutputRefusal`, nothing touched.
///
/// Single files (`report --out`, `simulate --out` and `--truth-out`): a missing file is
/// created (with its folder); an existing one is replaced only when it is recognisably ours:
/// a report holds `htmlGeneratorMeta` (or, from earlier versions, the title
/// `bayes-mmm report`) in its first 4 KiB; a truth file is a JSON object with
/// `"tool": "bayes-mmm"` (or all of the keys earlier versions wrote); a simulated CSV cannot carry a marker, so an existing CSV is
/// replaced only by identical content (re-running the same simulation). A folder at the path
/// is always refused.
public enum OutputOwnership {
  /// The marker every report carries in its `<head>`.
  public static let htmlGeneratorMeta = "<meta name=\"generator\" content=\"bayes-mmm\"/>"

  /// The value of `"tool"` in every marker file.
  public static let toolName = "bayes-mmm"

  /// `document` (a JSON object) with the marker a later run recognises as ours in front:
  /// `"tool": "bayes-mmm"`, `"kind": kind`, then the document's own members.
  public static func marked(_ document: JSONValue, kind: String) -> JSONValue {
    .object(
      [(key: "tool", value: .string(toolName)), (key: "kind", value: .string(kind))]
        + (document.objectMembers ?? []))
  }

  /// A kind of output folder and how to recognise one of ours.
  public struct FolderKind: Sendable {
    /// "run folder", "prior-predictive folder".
    public let noun: String
    /// The file that marks the folder as ours, written last: "run.json".
    public let marker: String
    /// The marker's `"kind"` value: "run".
    public let kind: String
    /// True for a marker written before markers carried `"tool"` and `"kind"` (an earlier
    /// version's output, still ours).
    public let isLegacyMarker: @Sendable (JSONValue) -> Bool
    /// The other files an earlier output of this kind wrote, read from its marker.
    public let listedFiles: @Sendable (JSONValue) -> [String]
    /// True for a file name this kind writes; a listed name that fails it is never touched.
    public let ownsName: @Sendable (String) -> Bool

    public init(
      noun: String, marker: String, kind: String,
      isLegacyMarker: @escaping @Sendable (JSONValue) -> Bool = { _ in false },
      listedFiles: @escaping @Sendable (JSONValue) -> [String],
      ownsName: @escaping @Sendable (String) -> Bool
    ) {
      self.noun = noun
      self.marker = marker
      self.kind = kind
      self.isLegacyMarker = isLegacyMarker
      self.listedFiles = listedFiles
      self.ownsName = ownsName
    }
  }

  /// What an output folder holds before it is written.
  public enum FolderState: Equatable, Sendable {
    case missing
    case empty
    /// An earlier output of ours; `files` are the names it wrote (marker included).
    case ours(files: [String])
  }

  /// Kinds of single-file output.
  public enum FileKind: Sendable {
    case htmlReport
    case truthJSON
    case simulatedCSV
  }

  /// Decides whether `path` may be written as a folder of `kind`.
  /// - Throws: `OutputRefusal` naming the path and why, for anything not ours.
  public static func inspectFolder(_ path: String, as kind: FolderKind, option: String)
    throws(OutputRefusal) -> FolderState
  {
    func refuse(_ why: String) -> OutputRefusal {
      OutputRefusal(
        path: path, reason: "exists and is not a bayes-mmm \(kind.noun) (\(why))", option: option)
    }
    guard !path.isEmpty else {
      throw OutputRefusal(path: path, reason: "is empty; name a folder", option: option)
    }
    guard let isFolder = entryIsFolder(path) else { return .missing }
    guard isFolder else { throw refuse("it is a file") }
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else {
      throw refuse("its entries cannot be listed")
    }
    if names.isEmpty { return .empty }
    let markerPath = OutputTransaction.path(path, kind.marker)
    guard names.contains(kind.marker), entryIsFolder(markerPath) == false else {
      throw refuse("no \(kind.marker)")
    }
    guard let data = FileManager.default.contents(atPath: markerPath),
      let record = try? JSONValue(parsing: data), record.objectMembers != nil
    else { throw refuse("its \(kind.marker) is not a JSON object") }
    if !kind.isLegacyMarker(record) {
      guard record["tool"]?.stringValue == toolName else {
        throw refuse("its \(kind.marker) has no \"tool\": \"\(toolName)\"")
      }
      let recordedKind = record["kind"]?.stringValue ?? ""
      guard recordedKind == kind.kind else {
        throw refuse("its \(kind.marker) says \"kind\": \"\(recordedKind)\", not \"\(kind.kind)\"")
      }
    }
    let listed = kind.listedFiles(record).filter { kind.ownsName($0) && names.contains($0) }
    return .ours(files: listed + [kind.marker])
  }

  /// At most `limit` bytes from the start of the file at `path`: enough to recognise our
  /// output without reading a large foreign file whole; nil when it cannot be read.
  static func contents(of path: String, upTo limit: Int) -> Data? {
    guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
    defer { try? handle.close() }
    return try? handle.read(upToCount: limit) ?? Data()
  }

  /// Checks that `path` may be replaced by `newContent` as a file of `kind`.
  /// - Throws: `OutputRefusal` for a folder, or an existing file that is not ours.
  public static func checkFile(
    _ path: String, as kind: FileKind, newContent: Data, option: String
  ) throws(OutputRefusal) {
    guard !path.isEmpty else {
      throw OutputRefusal(path: path, reason: "is empty; name a file", option: option)
    }
    let name = path.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
    guard !name.isEmpty, name != ".", name != ".." else {
      throw OutputRefusal(path: path, reason: "names a folder, not a file", option: option)
    }
    // A file where a folder of the path should be: refused now, before any output of the
    // command is written (simulate checks both its files before writing either).
    for parent in enclosingFolders(of: path) where entryIsFolder(parent) == false {
      throw OutputRefusal(
        path: path, reason: "cannot be written: \(parent) is a file, not a folder",
        option: option)
    }
    guard let isFolder = entryIsFolder(path) else { return }
    let noun: String
    switch kind {
    case .htmlReport: noun = "a bayes-mmm report"
    case .truthJSON: noun = "a bayes-mmm truth file"
    case .simulatedCSV: noun = "this simulation"
    }
    func refuse(_ why: String) -> OutputRefusal {
      OutputRefusal(path: path, reason: "exists and is not \(noun) (\(why))", option: option)
    }
    guard !isFolder else { throw refuse("it is a folder") }
    // Enough to recognise our output: a report's head, a whole truth file (ours are a few
    // hundred KiB), one byte more than the new CSV (a longer file is not identical).
    let readLimit: Int
    switch kind {
    case .htmlReport: readLimit = 4096
    case .truthJSON: readLimit = 64 << 20
    case .simulatedCSV: readLimit = newContent.count + 1
    }
    guard let existing = contents(of: path, upTo: readLimit) else {
      throw refuse("it cannot be read")
    }
    switch kind {
    case .htmlReport:
      let head = String(decoding: existing, as: UTF8.self)
      guard head.contains(htmlGeneratorMeta) || head.contains(legacyReportTitle) else {
        throw refuse("no \(htmlGeneratorMeta)")
      }
    case .truthJSON:
      guard let json = try? JSONValue(parsing: existing),
        json["tool"]?.stringValue == toolName || isLegacyTruth(json)
      else { throw refuse("no \"tool\": \"\(toolName)\"") }
    case .simulatedCSV:
      guard existing == newContent else {
        throw refuse(
          "a CSV carries no marker of bayes-mmm, so only identical content is replaced")
      }
    }
  }

  /// The folders above `path` as written, nearest first: "a/b/r.html" -> ["a/b", "a"],
  /// "/x/r.html" -> ["/x"], "r.html" -> []. Split by hand: Foundation's
  /// `NSString.deletingLastPathComponent` traps on a one-character path ("d", ".") on Linux.
  static func enclosingFolders(of path: String) -> [String] {
    let components = path.split(separator: "/").map(String.init)
    var prefix = path.hasPrefix("/") ? "/" : ""
    var folders: [String] = []
    for component in components.dropLast() {
      prefix += (prefix.isEmpty || prefix == "/" ? "" : "/") + component
      folders.append(prefix)
    }
    return folders.reversed()
  }

  /// The title of reports written before the generator marker.
  static let legacyReportTitle = "<title>bayes-mmm report</title>"

  /// A truth file written before the `"tool"` key: `simulate`'s keys, all of them.
  static func isLegacyTruth(_ json: JSONValue) -> Bool {
    ["seed", "weeks", "truth_source", "parameters", "effects"].allSatisfy { json[$0] != nil }
  }

  /// nil when nothing is at `path`; otherwise whether it is a folder (symbolic links
  /// followed; a dangling link counts as a file).
  static func entryIsFolder(_ path: String) -> Bool? {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
      return isDirectory.boolValue
    }
    var status = stat()
    return lstat(path, &status) == 0 ? false : nil
  }
}

/// An output path a command will not write to, because something there is not its own.
///
/// ```
/// runs/x exists and is not a bayes-mmm run folder (no run.json); choose another --out or
///   remove it yourself
/// ```
public struct OutputRefusal: Error, Equatable, Sendable, CustomStringConvertible {
  public let path: String
  public let reason: String
  /// The option that named the path ("--out", "--truth-out").
  public let option: String

  public var description: String {
    "\(path) \(reason); choose another \(option) or remove it yourself"
  }
}
