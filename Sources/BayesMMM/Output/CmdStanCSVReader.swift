import Foundation

/// Reads a chain file in CmdStan's CSV layout (the files `CmdStanCSV` writes, and CmdStan's
/// own) back into columns of numbers.
///
/// ```swift
/// let chain = try CmdStanCSVReader.read(path: "runs/default/chain-1.csv")
/// chain.modelColumns                   // ["adstock_decay_social.1", ...]
/// chain.column(named: "divergent__")   // one value per draw
/// ```
///
/// Comment lines (`#`) are skipped, except the adaptation block, whose step size and
/// diagonal inverse metric are kept, and in the configuration above the header the run seed
/// (`seed = `) and the chain id (`id = `). The first other line is the header; every following
/// line is one draw with exactly one field per header column. Numbers are parsed as Swift
/// reads them (`nan`, `inf` and `-inf` included), so a value written by `CmdStanCSV` reads
/// back bit for bit. Errors name the file and the 1-based line.
///
/// - Complexity: O(size of the file).
public enum CmdStanCSVReader {
  /// One chain file's content.
  ///
  /// Invariant: `values.count == drawCount * columns.count`, row-major.
  public struct ChainFile: Sendable, Equatable {
    /// The file as it was named when read.
    public let path: String
    /// Header columns in file order: the sampler statistics, then the model's columns.
    public let columns: [String]
    /// Every draw's values, row-major: draw k is `values[k * width ..< (k + 1) * width]`.
    public let values: [Double]
    /// The step size after adaptation (`# Step size = ...`), nil when not recorded.
    public let stepSize: Double?
    /// The diagonal of the inverse metric after adaptation; empty when not recorded.
    public let inverseMetric: [Double]
    /// The run seed in the comment header (`random` / `seed = ...`), nil when not recorded.
    public var headerSeed: UInt64? = nil
    /// The 1-based chain id in the comment header (`id = ...`), nil when not recorded.
    public var headerChainID: Int? = nil

    public var width: Int { columns.count }
    public var drawCount: Int { width == 0 ? 0 : values.count / width }

    /// The columns after CmdStan's sampler statistics (parameters, then generated
    /// quantities).
    public var modelColumns: [String] {
      columns.filter { !CmdStanCSV.statisticColumns.contains($0) }
    }

    /// One column's values (one per draw), nil when the header has no such column.
    public func column(named name: String) -> [Double]? {
      guard let index = columns.firstIndex(of: name) else { return nil }
      return stride(from: index, to: values.count, by: width).map { values[$0] }
    }

    /// The values of `names`, draw by draw, row-major (`drawCount x names.count`); nil
    /// when a name is not in the header.
    public func rows(of names: [String]) -> [Double]? {
      var indices: [Int] = []
      for name in names {
        guard let index = columns.firstIndex(of: name) else { return nil }
        indices.append(index)
      }
      var out: [Double] = []
      out.reserveCapacity(drawCount * names.count)
      for draw in 0..<drawCount {
        let start = draw * width
        for index in indices { out.append(values[start + index]) }
      }
      return out
    }
  }

  /// A chain file that cannot be read; the description names the file and the line.
  public struct ReadError: Error, Equatable, Sendable, CustomStringConvertible {
    public let path: String
    /// The 1-based line, nil when the problem concerns the whole file.
    public let line: Int?
    public let reason: String

    public var description: String {
      line.map { "\(path), line \($0): \(reason)" } ?? "\(path): \(reason)"
    }
  }

  /// Reads the file at `path`.
  public static func read(path: String) throws(ReadError) -> ChainFile {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw ReadError(path: path, line: nil, reason: "no such file")
    }
    guard !isDirectory.boolValue else {
      throw ReadError(path: path, line: nil, reason: "is a folder, not a chain file")
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ReadError(path: path, line: nil, reason: "cannot read the file")
    }
    return try parse(String(decoding: data, as: UTF8.self), path: path)
  }

  /// Parses chain-file text held in memory; `path` names it in errors.
  public static func parse(_ text: String, path: String) throws(ReadError) -> ChainFile {
    var columns: [String]?
    var values: [Double] = []
    var stepSize: Double?
    var inverseMetric: [Double] = []
    var expectMetric = false
    var headerSeed: UInt64?
    var headerChainID: Int?
    var lineNumber = 0
    // Lines and fields are cut on their UTF-8 bytes: splitting by Character walks grapheme
    // clusters, which cost most of the read of a large chain file (and "\r\n" is one
    // Character, so a CRLF file would not split by "\n" at all).
    for rawLine in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    {
      lineNumber += 1
      let line = Substring(
        rawLine.last == UInt8(ascii: "\r") ? rawLine.dropLast() : rawLine)
      if line.isEmpty { continue }
      if line.hasPrefix("#") {
        let comment = line.dropFirst().trimmingCharacters(in: .whitespaces)
        if expectMetric {
          expectMetric = false
          inverseMetric = comment.split(separator: ",").compactMap {
            Double($0.trimmingCharacters(in: .whitespaces))
          }
        } else if comment.hasPrefix("Step size =") {
          stepSize = Double(
            comment.dropFirst("Step size =".count)
              .trimmingCharacters(in: .whitespaces))
        } else if comment.hasPrefix("Diagonal elements of inverse mass matrix") {
          expectMetric = true
        } else if columns == nil, comment.hasPrefix("seed = ") {
          headerSeed = UInt64(comment.dropFirst("seed = ".count))
        } else if columns == nil, comment.hasPrefix("id = ") {
          headerChainID = Int(comment.dropFirst("id = ".count))
        }
        continue
      }
      guard let header = columns else {
        let names = line.split(separator: ",", omittingEmptySubsequences: false).map {
          $0.trimmingCharacters(in: .whitespaces)
        }
        try checkHeader(names, path: path, line: lineNumber)
        columns = names
        continue
      }
      try appendDraw(line, columns: header, to: &values, path: path, line: lineNumber)
    }
    guard let columns else {
      throw ReadError(
        path: path, line: nil, reason: "no header row (the file is empty or truncated)")
    }
    guard !values.isEmpty else {
      throw ReadError(path: path, line: nil, reason: "no draws after the header row")
    }
    var file = ChainFile(
      path: path, columns: columns, values: values, stepSize: stepSize,
      inverseMetric: inverseMetric)
    file.headerSeed = headerSeed
    file.headerChainID = headerChainID
    return file
  }

  private static func checkHeader(_ names: [String], path: String, line: Int) throws(ReadError) {
    let statistics = CmdStanCSV.statisticColumns
    guard Array(names.prefix(statistics.count)) == statistics else {
      throw ReadError(
        path: path, line: line,
        reason: "the header does not start with CmdStan's sampler columns ("
          + statistics.joined(separator: ", ") + ")")
    }
    var seen = Set<String>()
    for name in names {
      guard !name.isEmpty else {
        throw ReadError(path: path, line: line, reason: "the header has an empty column name")
      }
      guard seen.insert(name).inserted else {
        throw ReadError(path: path, line: line, reason: "column \"\(name)\" appears twice")
      }
    }
  }

  private static func appendDraw(
    _ line: Substring, columns: [String], to values: inout [Double], path: String, line number: Int
  ) throws(ReadError) {
    let fields = line.utf8.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
      .map { Substring($0) }
    guard fields.count == columns.count else {
      throw ReadError(
        path: path, line: number,
        reason: "expected \(columns.count) fields, found \(fields.count) (a truncated file?)")
    }
    for (index, field) in fields.enumerated() {
      guard let value = Double(field) ?? Double(field.trimmingCharacters(in: .whitespaces)) else {
        throw ReadError(
          path: path, line: number,
          reason: "column \"\(columns[index])\": \"\(field)\" is not a number")
      }
      values.append(value)
    }
  }
}
