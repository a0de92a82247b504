/// Text built as bytes in one growing buffer, for files too large to build as a `String`
/// (a chain file is ~12 MB of numbers).
///
/// ```swift
/// var text = ASCIIBuffer(capacity: 1 << 20)
/// text.append("lp__,accept_stat__\n")
/// text.append(-12.5)                  // "-12.5", exactly `(-12.5).description`
/// text.append(byte: UInt8(ascii: ","))
/// ```
///
/// Numbers other than NaN are written by the standard library's own `Double.write(to:)`,
/// which produces the bytes of `description` (the shortest text that reads back as the same
/// value) and hands them to the stream's `_writeASCII`. That requirement of
/// `TextOutputStream` is public but underscored; it is implemented here because the default
/// forwards to `write(_:)` through a temporary `String`, which is a heap allocation for every
/// number longer than 15 characters (most draws, e.g. `0.12345678901234567`). If a future
/// standard library stopped calling it, `write(_:)` would receive the same text: only the
/// speed depends on it, never the bytes.
///
/// Invariant: `bytes` is exactly the concatenation of everything appended, in order.
///
/// - Complexity: appending is amortised O(length of the text appended).
struct ASCIIBuffer: TextOutputStream {
  private(set) var bytes: [UInt8] = []

  /// An empty buffer with room for `capacity` bytes before it grows.
  init(capacity: Int) { bytes.reserveCapacity(capacity) }

  /// Appends the UTF-8 bytes of `string`.
  mutating func write(_ string: String) {
    var string = string
    string.withUTF8 { bytes.append(contentsOf: $0) }
  }

  /// Appends `buffer` as it is; called by `Double.write(to:)` with the number's characters.
  mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) {
    bytes.append(contentsOf: buffer)
  }

  /// Appends the UTF-8 bytes of `string`.
  mutating func append(_ string: String) { write(string) }

  /// Appends one byte (a separator such as `,` or `\n`).
  mutating func append(byte: UInt8) { bytes.append(byte) }

  /// Appends `value` in decimal, as `value.description` writes it (a small string: no
  /// allocation for values below 10^15).
  mutating func append(_ value: Int) { write(String(value)) }

  /// Appends `value` as `value.description` writes it (`nan`, `inf`, `-inf`, `-0.0`,
  /// `1e-05`, `1e+16`, `0.1`, ...).
  ///
  /// NaN is written here: `Double.write(to:)` gives a NaN's sign and payload (`-nan`,
  /// `nan(0x1)`, `snan(0x1)`), where `description` gives `nan` for every NaN.
  mutating func append(_ value: Double) {
    if value.isNaN {
      bytes.append(contentsOf: [UInt8(ascii: "n"), UInt8(ascii: "a"), UInt8(ascii: "n")])
    } else {
      value.write(to: &self)
    }
  }
}
