import ArgumentParser

/// Parses a `--seed` value: a whole number from 0 to 18446744073709551615 (UInt64).
///
/// Every `--seed` option reads its value with `parsing: .unconditional`, so a value that
/// looks like an option (`-1`) is taken as the value and refused with this message, not
/// with swift-argument-parser's "Missing value for '--seed <seed>'".
func parseSeed(_ text: String) throws -> UInt64 {
  guard let seed = UInt64(text) else {
    throw ValidationError(
      "a seed is a whole number from 0 to \(UInt64.max); got '\(text)'.")
  }
  return seed
}
