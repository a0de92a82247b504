/// A problem in a priors file (or in a prior built in code), naming the file and the JSON
/// key it concerns.
///
/// ```
/// priors/default.json: key "price_elasticity.sd": must be > 0, got -1
/// ```
///
/// The library never prints these; the command line does.
public struct PriorsError: Error, CustomStringConvertible, Equatable, Sendable {
  /// The priors file as the user named it; empty for priors built in code.
  public var file: String
  /// Dot-separated JSON key path, e.g. "hill_half_saturation.family"; empty when the
  /// problem concerns the whole file.
  public var keyPath: String
  /// What is wrong, in a sentence fragment that starts in lower case.
  public var message: String

  public init(file: String, keyPath: String, message: String) {
    self.file = file
    self.keyPath = keyPath
    self.message = message
  }

  /// `<file>: key "<keyPath>": <message>`, leaving out the parts that are empty; control
  /// characters (a NUL in a key) are escaped (`MessageText`).
  public var description: String {
    var parts: [String] = []
    if !file.isEmpty { parts.append(file) }
    if !keyPath.isEmpty { parts.append("key \"\(keyPath)\"") }
    parts.append(message)
    return MessageText.escapingControlCharacters(parts.joined(separator: ": "))
  }
}
