import Foundation
import XCTest

/// The bundled data file and small edits of it, written to a temporary folder.
enum DataFixtures {
  /// The package root (three levels above this file's folder).
  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// `data/mmm_weekly.csv` in the package.
  static let realFilePath = packageRoot.appendingPathComponent("data/mmm_weekly.csv").path

  /// The bundled file's text.
  static func realText() throws -> String {
    try String(contentsOfFile: realFilePath, encoding: .utf8)
  }

  /// The bundled file as lines (header first, no trailing empty line).
  static func realLines() throws -> [String] {
    try realText().split(separator: "\n", omittingEmptySubsequences: false)
      .map(String.init).filter { !$0.isEmpty }
  }

  /// The bundled file with the cell in 1-based data `row` and `column` replaced by `text`.
  static func replacing(row: Int, column: String, with text: String) throws -> String {
    try replacing(cells: [(row, column, text)])
  }

  /// The bundled file with several cells replaced.
  static func replacing(cells: [(row: Int, column: String, text: String)]) throws -> String {
    var lines = try realLines()
    let header = lines[0].split(separator: ",").map(String.init)
    for (row, column, text) in cells {
      guard let index = header.firstIndex(of: column) else {
        throw FixtureError.noColumn(column)
      }
      var fields = lines[row].split(separator: ",", omittingEmptySubsequences: false)
        .map(String.init)
      fields[index] = text
      lines[row] = fields.joined(separator: ",")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The bundled file with every data cell of `column` set to `text`.
  static func replacingColumn(_ column: String, with text: String) throws -> String {
    let rows = try realLines().count - 1
    return try replacing(cells: (1...rows).map { ($0, column, text) })
  }

  /// The bundled file with only the given columns, in the given order, renamed.
  static func selecting(_ columns: [(from: String, to: String)]) throws -> String {
    let lines = try realLines()
    let header = lines[0].split(separator: ",").map(String.init)
    let indices = try columns.map { column -> Int in
      guard let index = header.firstIndex(of: column.from) else {
        throw FixtureError.noColumn(column.from)
      }
      return index
    }
    var out = [columns.map(\.to).joined(separator: ",")]
    for line in lines.dropFirst() {
      let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      out.append(indices.map { fields[$0] }.joined(separator: ","))
    }
    return out.joined(separator: "\n") + "\n"
  }

  enum FixtureError: Error {
    case noColumn(String)
  }
}

/// A temporary folder removed at tear-down.
class TemporaryFolderTestCase: XCTestCase {
  private(set) var folder: URL = FileManager.default.temporaryDirectory

  override func setUpWithError() throws {
    folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("bayes-mmm-data-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: folder)
  }

  /// Writes `text` to `name` in the folder and returns its path.
  func write(_ text: String, to name: String = "data.csv") throws -> String {
    let path = folder.appendingPathComponent(name).path
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  /// Writes raw bytes to `name` in the folder and returns its path.
  func write(bytes: [UInt8], to name: String = "data.csv") throws -> String {
    let path = folder.appendingPathComponent(name).path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
  }
}
