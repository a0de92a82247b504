import Foundation

extension JSONValue: Codable {
  /// Decodes any JSON value. Object members come back sorted by key (the decoder does not
  /// expose source order), which keeps the result deterministic.
  ///
  /// Booleans stay booleans: `true` is never read as the number 1 nor `1` as `true`.
  public init(from decoder: any Decoder) throws {
    if let single = try? decoder.singleValueContainer() {
      if single.decodeNil() {
        self = .null
        return
      }
      if let value = try? single.decode(Bool.self) {
        self = .bool(value)
        return
      }
      if let value = try? single.decode(Double.self) {
        self = .number(value)
        return
      }
      if let value = try? single.decode(String.self) {
        self = .string(value)
        return
      }
    }
    if var unkeyed = try? decoder.unkeyedContainer() {
      var elements: [JSONValue] = []
      if let count = unkeyed.count { elements.reserveCapacity(count) }
      while !unkeyed.isAtEnd { elements.append(try unkeyed.decode(JSONValue.self)) }
      self = .array(elements)
      return
    }
    if let keyed = try? decoder.container(keyedBy: AnyCodingKey.self) {
      let keys = keyed.allKeys.sorted { $0.stringValue < $1.stringValue }
      self = .object(
        try keys.map { key in
          (key: key.stringValue, value: try keyed.decode(JSONValue.self, forKey: key))
        })
      return
    }
    throw DecodingError.dataCorrupted(
      .init(
        codingPath: decoder.codingPath,
        debugDescription: "not a JSON value (is a number out of the range of Double?)"))
  }

  /// Encodes in stored order (an encoder may still reorder keys, e.g. JSONEncoder without
  /// `.sortedKeys`; use `serialized(pretty:)` for deterministic text).
  public func encode(to encoder: any Encoder) throws {
    switch self {
    case .null:
      var single = encoder.singleValueContainer()
      try single.encodeNil()
    case .bool(let value):
      var single = encoder.singleValueContainer()
      try single.encode(value)
    case .number(let value):
      var single = encoder.singleValueContainer()
      try single.encode(value)
    case .string(let value):
      var single = encoder.singleValueContainer()
      try single.encode(value)
    case .array(let elements):
      var unkeyed = encoder.unkeyedContainer()
      for element in elements { try unkeyed.encode(element) }
    case .object(let members):
      var keyed = encoder.container(keyedBy: AnyCodingKey.self)
      for member in members { try keyed.encode(member.value, forKey: AnyCodingKey(member.key)) }
    }
  }

  /// Parses JSON text (UTF-8) with Foundation's `JSONDecoder`.
  ///
  /// Any JSON value is accepted at the top level. On malformed input the error message comes
  /// from `JSONSerialization`, which says where the text went wrong ("Invalid value around
  /// character 15.").
  ///
  /// - Throws: `JSONValue.ParseError`.
  public init(parsing data: Data) throws {
    do {
      self = try JSONDecoder().decode(JSONValue.self, from: data)
    } catch let error as DecodingError {
      throw ParseError(reason: Self.diagnose(data) ?? Self.describe(error))
    }
  }

  /// Why a text is not JSON, as worded by `JSONSerialization`; nil if it parses there.
  private static func diagnose(_ data: Data) -> String? {
    do {
      _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
      return nil
    } catch {
      let info = (error as NSError).userInfo
      return info[NSDebugDescriptionErrorKey] as? String ?? error.localizedDescription
    }
  }

  private static func describe(_ error: DecodingError) -> String {
    switch error {
    case .dataCorrupted(let context), .typeMismatch(_, let context),
      .valueNotFound(_, let context), .keyNotFound(_, let context):
      let path = context.codingPath.map(\.stringValue).joined(separator: ".")
      return path.isEmpty ? context.debugDescription : "at \(path): \(context.debugDescription)"
    @unknown default:
      return "\(error)"
    }
  }

  /// Text that is not valid JSON.
  public struct ParseError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What the parser reported, e.g. "Unexpected end of file during JSON parse."
    public let reason: String
    /// `invalid JSON: <reason>`.
    public var description: String { "invalid JSON: \(reason)" }
  }
}
