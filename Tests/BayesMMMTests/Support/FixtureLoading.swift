import Foundation

/// Locates and reads the files under `Tests/Fixtures`, whatever the working directory.
enum FixtureLoading {
  /// `Tests/Fixtures`, found from this source file: Tests/BayesMMMTests/Support/<this>.
  static let fixturesDirectory: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // Support
    .deletingLastPathComponent()  // BayesMMMTests
    .deletingLastPathComponent()  // Tests
    .appendingPathComponent("Fixtures", isDirectory: true)

  /// The URL of `relativePath` inside `Tests/Fixtures`.
  static func url(_ relativePath: String) -> URL {
    fixturesDirectory.appendingPathComponent(relativePath)
  }

  /// Reads a CSV with a header row and one column per chain into chains × draws.
  static func chainColumns(_ relativePath: String) throws -> [[Double]] {
    let text = try String(contentsOf: url(relativePath), encoding: .utf8)
    let lines = text.split(whereSeparator: \.isNewline).filter { !$0.isEmpty }
    guard let header = lines.first else { throw FixtureError.empty(relativePath) }
    let columnCount = header.split(separator: ",").count
    var chains = [[Double]](repeating: [], count: columnCount)
    for (offset, line) in lines.dropFirst().enumerated() {
      let fields = line.split(separator: ",", omittingEmptySubsequences: false)
      guard fields.count == columnCount else {
        throw FixtureError.malformedRow(relativePath, row: offset + 2)
      }
      for (column, field) in fields.enumerated() {
        let trimmed = field.trimmingCharacters(in: .whitespaces)
        guard let value = Double(trimmed) else {
          throw FixtureError.malformedRow(relativePath, row: offset + 2)
        }
        chains[column].append(value)
      }
    }
    return chains
  }

  /// Decodes a JSON fixture.
  static func decode<Value: Decodable>(_ type: Value.Type, from relativePath: String) throws
    -> Value
  {
    let data = try Data(contentsOf: url(relativePath))
    return try JSONDecoder().decode(type, from: data)
  }
}

enum FixtureError: Error, CustomStringConvertible {
  case empty(String)
  case malformedRow(String, row: Int)

  var description: String {
    switch self {
    case .empty(let path): return "Fixture \(path) is empty."
    case .malformedRow(let path, let row): return "Fixture \(path), row \(row) is malformed."
    }
  }
}
