import Foundation

extension ColumnRoles {
  /// Decodes a roles object; absent keys keep their defaults, unknown keys fail. `null`
  /// for `price` or `promotion` leaves that role out (the data has no such column); for
  /// the other keys it keeps the default.
  ///
  /// ```json
  /// {"outcome": "sales", "social": ["meta", "tiktok"], "owned": [], "price": null}
  /// ```
  public init(from decoder: any Decoder) throws {
    let defaults = ColumnRoles()
    let names = try decoder.container(keyedBy: AnyCodingKey.self)
    let known = Set(CodingKeys.allCases.map(\.rawValue))
    if let unknown = names.allKeys.map(\.stringValue).sorted().first(where: { !known.contains($0) })
    {
      throw DecodingError.dataCorrupted(
        .init(codingPath: [AnyCodingKey(unknown)], debugDescription: Self.unknownKeyMarker))
    }
    let keyed = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      date: try keyed.decodeIfPresent(String.self, forKey: .date) ?? defaults.date,
      outcome: try keyed.decodeIfPresent(String.self, forKey: .outcome) ?? defaults.outcome,
      mediator: try keyed.decodeIfPresent(String.self, forKey: .mediator) ?? defaults.mediator,
      social: try keyed.decodeIfPresent([String].self, forKey: .social) ?? defaults.social,
      owned: try keyed.decodeIfPresent([String].self, forKey: .owned) ?? defaults.owned,
      price: try Self.optionalRole(keyed, .price, default: defaults.price),
      promotion: try Self.optionalRole(keyed, .promotion, default: defaults.promotion),
      controls: try keyed.decodeIfPresent([String].self, forKey: .controls) ?? defaults.controls,
      downstreamOfSocial: try keyed.decodeIfPresent([String].self, forKey: .downstreamOfSocial)
        ?? defaults.downstreamOfSocial)
  }

  /// Encodes every key; a role left out (`price` or `promotion` nil) is written as `null`,
  /// so decoding the result gives the same roles.
  public func encode(to encoder: any Encoder) throws {
    var keyed = encoder.container(keyedBy: CodingKeys.self)
    try keyed.encode(date, forKey: .date)
    try keyed.encode(outcome, forKey: .outcome)
    try keyed.encode(mediator, forKey: .mediator)
    try keyed.encode(social, forKey: .social)
    try keyed.encode(owned, forKey: .owned)
    try keyed.encode(price, forKey: .price)
    try keyed.encode(promotion, forKey: .promotion)
    try keyed.encode(controls, forKey: .controls)
    try keyed.encode(downstreamOfSocial, forKey: .downstreamOfSocial)
  }

  /// An optional role: absent keeps `default`, `null` is nil (no such column), else a name.
  private static func optionalRole(
    _ keyed: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys, default value: String?
  ) throws -> String? {
    guard keyed.contains(key) else { return value }
    if try keyed.decodeNil(forKey: key) { return nil }
    return try keyed.decode(String.self, forKey: key)
  }

  /// Reads and validates a roles JSON file; every error names the file and, where there is
  /// one, the key.
  public static func load(fromFile path: String) throws(ColumnRolesError) -> ColumnRoles {
    let bytes: [UInt8]
    do {
      bytes = try RegularFile.contents(atPath: path)
    } catch {
      guard case .special(let kind) = error else {
        throw ColumnRolesError(source: path, key: nil, problem: .unreadable)
      }
      throw ColumnRolesError(source: path, key: nil, problem: .notARegularFile(kind: kind))
    }
    return try decode(Data(bytes), source: path)
  }

  /// Decodes and validates roles JSON held in memory; `source` names it in errors. Text that
  /// is not JSON is refused first, then a key given twice in one object (naming its path),
  /// then the content.
  public static func decode(_ data: Data, source: String) throws(ColumnRolesError) -> ColumnRoles
  {
    guard (try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])) != nil
    else { throw ColumnRolesError(source: source, key: nil, problem: .notJSON) }
    if let duplicate = JSONValue.firstDuplicateKey(in: data) {
      throw ColumnRolesError(source: source, key: duplicate, problem: .duplicateKey)
    }
    let roles: ColumnRoles
    do {
      roles = try JSONDecoder().decode(ColumnRoles.self, from: data)
    } catch let error as DecodingError {
      throw ColumnRolesError(decoding: error, source: source)
    } catch {
      throw ColumnRolesError(source: source, key: nil, problem: .notJSON)
    }
    try roles.validate(source: source)
    return roles
  }

  fileprivate static let unknownKeyMarker = "unknown key"
}

/// A roles file (or set of role options) that cannot be used.
public struct ColumnRolesError: Error, Equatable, Sendable, CustomStringConvertible {
  public enum Problem: Equatable, Sendable {
    case unreadable
    /// A FIFO, device or socket (never opened; see `RegularFile`).
    case notARegularFile(kind: String)
    case notJSON
    /// A key given twice in one object (Foundation would keep one value silently).
    case duplicateKey
    case notAnObject
    case unknownKey
    case expectedName
    case expectedNameList
    case emptyName
    case noSocialChannel
    case twoRoles(column: String, first: ColumnRole, second: ColumnRole)
  }

  /// The roles file path, or "roles" for roles given as command-line options.
  public var source: String
  /// The JSON key at fault, if any.
  public var key: String?
  public var problem: Problem

  public init(source: String, key: String?, problem: Problem) {
    self.source = source
    self.key = key
    self.problem = problem
  }

  public var description: String {
    MessageText.escapingControlCharacters(unescapedDescription)
  }

  private var unescapedDescription: String {
    let place = key.map { "\(source): key \"\($0)\"" } ?? source
    switch problem {
    case .unreadable: return "\(source): cannot read the roles file"
    case .notARegularFile(let kind):
      return "\(source): the roles file is not a regular file but \(kind)"
    case .notJSON: return "\(source): not valid JSON"
    case .duplicateKey: return "\(place): \(JSONValue.duplicateKeyMessage)"
    case .notAnObject: return "\(source): expected a JSON object of column roles"
    case .unknownKey:
      let known = ColumnRoles.CodingKeys.allCases.map(\.rawValue).joined(separator: ", ")
      return "\(place): unknown key; the known keys are \(known)"
    case .expectedName: return "\(place): expected a column name (a string)"
    case .expectedNameList: return "\(place): expected an array of column names"
    case .emptyName: return "\(place): a column name is empty"
    case .noSocialChannel: return "\(place): at least one social channel is needed"
    case .twoRoles(let column, let first, let second):
      return "\(place): column \"\(column)\" has two roles, \(first.rawValue) and "
        + "\(second.rawValue)"
    }
  }

  init(decoding error: DecodingError, source: String) {
    switch error {
    case .dataCorrupted(let context):
      let key = context.codingPath.first?.stringValue
      if context.debugDescription == ColumnRoles.unknownKeyMarker {
        self.init(source: source, key: key, problem: .unknownKey)
      } else {
        self.init(source: source, key: nil, problem: .notJSON)
      }
    case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
      let key = context.codingPath.first?.stringValue
      if key == nil {
        self.init(source: source, key: nil, problem: .notAnObject)
      } else {
        let listKeys: Set<String> = ["social", "owned", "controls", "downstream_of_social"]
        let isList = type == [String].self || listKeys.contains(key ?? "")
        self.init(source: source, key: key, problem: isList ? .expectedNameList : .expectedName)
      }
    case .keyNotFound(let codingKey, _):
      self.init(source: source, key: codingKey.stringValue, problem: .expectedName)
    @unknown default:
      self.init(source: source, key: nil, problem: .notJSON)
    }
  }
}
