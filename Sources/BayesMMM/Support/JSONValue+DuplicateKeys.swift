import Foundation

extension JSONValue {
  /// The path of the first key that appears twice in one object of a JSON text, or `nil`
  /// when every object's keys are unique.
  ///
  /// ```swift
  /// JSONValue.firstDuplicateKey(in: Data(#"{"priors": {"a": 1, "a": 2}}"#.utf8))  // "priors.a"
  /// JSONValue.firstDuplicateKey(in: Data(#"{"x": [{"b": 1, "b": 2}]}"#.utf8))     // "x[0].b"
  /// ```
  ///
  /// Foundation's `JSONSerialization` and `JSONDecoder` keep one of the two values without a
  /// word, so a file whose second `"revenue_sigma"` silently loses is read as the user did
  /// not mean; priors and roles files are checked with this one scan after Foundation has
  /// accepted the text. Keys are compared after unescaping (`"a\u0062"` is `"ab"`), with
  /// Swift string equality, as Foundation's dictionaries compare them. Path segments are
  /// joined with `.`, array elements are `[index]`.
  ///
  /// Meant for text that is valid JSON; on anything else it stops where the text stops
  /// making sense and reports the duplicates seen until then.
  ///
  /// - Complexity: O(n) in the length of the text.
  public static func firstDuplicateKey(in data: Data) -> String? {
    var scanner = DuplicateKeyScanner(bytes: [UInt8](data))
    return scanner.scanValue(path: "")
  }

  /// What is wrong with a key `firstDuplicateKey(in:)` found, for error messages.
  public static let duplicateKeyMessage = "duplicate key; each key may appear only once in an "
    + "object"
}

/// One pass over JSON bytes; `position` moves forward only, so the scan always ends.
private struct DuplicateKeyScanner {
  let bytes: [UInt8]
  var position = 0

  init(bytes: [UInt8]) {
    self.bytes = bytes
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
  }

  /// Scans one value; returns the path of a duplicate key inside it, if any.
  mutating func scanValue(path: String) -> String? {
    skipWhitespace()
    guard let byte = peek() else { return nil }
    switch byte {
    case UInt8(ascii: "{"): return scanObject(path: path)
    case UInt8(ascii: "["): return scanArray(path: path)
    case UInt8(ascii: "\""):
      _ = scanString()
      return nil
    default:
      skipScalar()
      return nil
    }
  }

  private mutating func scanObject(path: String) -> String? {
    position += 1
    var keys: Set<String> = []
    skipWhitespace()
    if peek() == UInt8(ascii: "}") {
      position += 1
      return nil
    }
    while true {
      skipWhitespace()
      guard peek() == UInt8(ascii: "\""), let key = scanString() else { return nil }
      let keyPath = path.isEmpty ? key : "\(path).\(key)"
      if !keys.insert(key).inserted { return keyPath }
      skipWhitespace()
      guard peek() == UInt8(ascii: ":") else { return nil }
      position += 1
      if let duplicate = scanValue(path: keyPath) { return duplicate }
      guard continuesAfterElement() else { return nil }
    }
  }

  private mutating func scanArray(path: String) -> String? {
    position += 1
    skipWhitespace()
    if peek() == UInt8(ascii: "]") {
      position += 1
      return nil
    }
    var index = 0
    while true {
      let start = position
      if let duplicate = scanValue(path: "\(path)[\(index)]") { return duplicate }
      guard position > start, continuesAfterElement() else {
        return nil
      }
      index += 1
    }
  }

  /// After an element: consumes a `,` (true: another element follows) or the closing bracket
  /// (false: the container ended; also false on anything else).
  private mutating func continuesAfterElement() -> Bool {
    skipWhitespace()
    guard let byte = peek() else { return false }
    position += 1
    return byte == UInt8(ascii: ",")
  }

  /// Reads a string starting at its opening quote and returns it unescaped (nil if the text
  /// ends first).
  private mutating func scanString() -> String? {
    position += 1
    var units: [UInt16] = []
    var raw: [UInt8] = []
    func flushRaw() {
      units.append(contentsOf: String(decoding: raw, as: UTF8.self).utf16)
      raw.removeAll()
    }
    while let byte = peek() {
      position += 1
      switch byte {
      case UInt8(ascii: "\""):
        flushRaw()
        return String(decoding: units, as: UTF16.self)
      case UInt8(ascii: "\\"):
        flushRaw()
        guard let escape = peek() else { return nil }
        position += 1
        if escape == UInt8(ascii: "u") {
          guard let unit = hexUnit() else { return nil }
          units.append(unit)
        } else {
          units.append(UInt16(Self.unescaped(escape)))
        }
      default:
        raw.append(byte)
      }
    }
    return nil
  }

  /// The four hex digits after `\u` as one UTF-16 unit (surrogate pairs combine later).
  private mutating func hexUnit() -> UInt16? {
    guard position + 4 <= bytes.count,
      let unit = UInt16(String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16)
    else { return nil }
    position += 4
    return unit
  }

  /// The byte a one-letter escape stands for (`n` -> line feed, `"` -> quote, ...).
  private static func unescaped(_ escape: UInt8) -> UInt8 {
    switch escape {
    case UInt8(ascii: "b"): return 0x08
    case UInt8(ascii: "f"): return 0x0C
    case UInt8(ascii: "n"): return 0x0A
    case UInt8(ascii: "r"): return 0x0D
    case UInt8(ascii: "t"): return 0x09
    default: return escape
    }
  }

  /// Skips a number, `true`, `false` or `null`.
  private mutating func skipScalar() {
    let ends: Set<UInt8> = [
      UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"), 0x20, 0x09, 0x0A, 0x0D,
    ]
    while let byte = peek(), !ends.contains(byte) { position += 1 }
  }

  private mutating func skipWhitespace() {
    while let byte = peek(), byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
      position += 1
    }
  }

  private func peek() -> UInt8? { position < bytes.count ? bytes[position] : nil }
}
