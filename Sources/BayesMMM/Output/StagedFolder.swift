import Foundation

/// Writes a set of files into a folder so that the folder appears complete or not at all
/// (used for NUTS run folders by `RunFolder` and for prior-predictive draws).
///
/// ```swift
/// try StagedFolder.write([(name: "draws.csv", text: csv), (name: "summary.json", text: json)],
///                        to: "runs/prior-predictive")
/// ```
///
/// Every file goes through `AtomicFileWriter` into a staging folder `<dir>.partial-<pid>`
/// beside the destination; only when all are written is an existing destination moved
/// aside (`<dir>.old-<pid>`), the staging folder renamed into place, and the old folder
/// deleted. A failure removes the staging folder and leaves the destination as it was.
public enum StagedFolder {
  /// Writes `files` (names relative to the folder, no subfolders) to `directory`,
  /// replacing whatever was there.
  /// - Throws: `OutputError` naming the path that could not be written.
  public static func write(_ files: [(name: String, text: String)], to directory: String) throws {
    let fileManager = FileManager.default
    let destination = URL(fileURLWithPath: directory).standardizedFileURL
    let parent = destination.deletingLastPathComponent()
    try create(parent)
    let staging = parent.appendingPathComponent(
      "\(destination.lastPathComponent).partial-\(ProcessInfo.processInfo.processIdentifier)")
    try? fileManager.removeItem(at: staging)
    try create(staging)
    do {
      for file in files {
        try AtomicFileWriter.write(file.text, to: staging.appendingPathComponent(file.name).path)
      }
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

  private static func replace(_ destination: URL, with staging: URL) throws {
    let fileManager = FileManager.default
    let old = destination.deletingLastPathComponent().appendingPathComponent(
      "\(destination.lastPathComponent).old-\(ProcessInfo.processInfo.processIdentifier)")
    let hadOld = fileManager.fileExists(atPath: destination.path)
    if hadOld {
      try? fileManager.removeItem(at: old)
      guard rename(destination.path, old.path) == 0 else {
        throw OutputError(path: destination.path, reason: "cannot move the previous output aside")
      }
    }
    guard rename(staging.path, destination.path) == 0 else {
      if hadOld { _ = rename(old.path, destination.path) }
      throw OutputError(path: destination.path, reason: "cannot move the new output into place")
    }
    if hadOld { try? fileManager.removeItem(at: old) }
  }
}
