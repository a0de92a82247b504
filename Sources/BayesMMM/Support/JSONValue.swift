/// A JSON document held in memory, with object members kept in order.
///
/// ```swift
/// let prior: JSONValue = ["family": "normal", "mean": 0, "sd": 1]
/// prior["sd"]?.numberValue                 // 1.0
/// prior.serialized(pretty: false)          // {"family": "normal", "mean": 0, "sd": 1}
/// let read = try JSONValue(parsing: data)  // Foundation's parser, see JSONValue+Codable
/// ```
///
/// Used to read priors files (so errors can name the exact key and the kind of value
/// found) and to write JSON deterministically (`serialized(pretty:)`).
///
/// Invariant: object members keep the order they were built in; equality is structural and
/// order-sensitive (`{"a":1,"b":2}` and `{"b":2,"a":1}` differ). Values parsed from text
/// come back with object members sorted by key, because Foundation's parsers do not keep
/// source order; that makes parsing deterministic. Duplicate keys in parsed text keep the
/// last value (Foundation's behaviour).
public enum JSONValue: Sendable {
  case null
  case bool(Bool)
  /// Every JSON number, as a double (integers above 2^53 lose precision).
  case number(Double)
  case string(String)
  case array([JSONValue])
  /// Members in order; keys are expected to be unique but this is not enforced.
  case object([(key: String, value: JSONValue)])

  /// The first member named `key` of an object; nil for a missing key or a non-object.
  public subscript(key: String) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    return members.first { $0.key == key }?.value
  }

  /// The payload of `.number`, nil otherwise.
  public var numberValue: Double? {
    if case .number(let value) = self { return value }
    return nil
  }

  /// The payload of `.string`, nil otherwise.
  public var stringValue: String? {
    if case .string(let value) = self { return value }
    return nil
  }

  /// The payload of `.bool`, nil otherwise.
  public var boolValue: Bool? {
    if case .bool(let value) = self { return value }
    return nil
  }

  /// The payload of `.array`, nil otherwise.
  public var arrayValue: [JSONValue]? {
    if case .array(let value) = self { return value }
    return nil
  }

  /// The members of `.object` in order, nil otherwise.
  public var objectMembers: [(key: String, value: JSONValue)]? {
    if case .object(let members) = self { return members }
    return nil
  }

  /// What kind of value this is, with its article, for error messages:
  /// "null", "a boolean", "a number", "a string", "an array", "an object".
  public var kindDescription: String {
    switch self {
    case .null: return "null"
    case .bool: return "a boolean"
    case .number: return "a number"
    case .string: return "a string"
    case .array: return "an array"
    case .object: return "an object"
    }
  }
}

extension JSONValue: Equatable {
  /// Structural equality; object members must match in order. Numbers compare as doubles
  /// (so NaN, which JSON cannot hold anyway, is unequal to itself).
  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    switch (lhs, rhs) {
    case (.null, .null): return true
    case (.bool(let a), .bool(let b)): return a == b
    case (.number(let a), .number(let b)): return a == b
    case (.string(let a), .string(let b)): return a == b
    case (.array(let a), .array(let b)): return a == b
    case (.object(let a), .object(let b)):
      return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    default: return false
    }
  }
}

extension JSONValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral,
  ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByStringLiteral,
  ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
  public init(nilLiteral: ()) { self = .null }
  public init(booleanLiteral value: Bool) { self = .bool(value) }
  public init(integerLiteral value: Int) { self = .number(Double(value)) }
  public init(floatLiteral value: Double) { self = .number(value) }
  public init(stringLiteral value: String) { self = .string(value) }
  public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
  /// Keeps the literal's order.
  public init(dictionaryLiteral elements: (String, JSONValue)...) {
    self = .object(elements.map { (key: $0.0, value: $0.1) })
  }
}
