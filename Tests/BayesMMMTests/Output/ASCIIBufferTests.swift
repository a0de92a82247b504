import XCTest

@testable import BayesMMM

/// `ASCIIBuffer` writes numbers byte for byte as `description` does: chain files are hashed
/// and must not change with the way they are built.
final class ASCIIBufferTests: XCTestCase {
  private func text(_ value: Double) -> String {
    var buffer = ASCIIBuffer(capacity: 0)
    buffer.append(value)
    return String(decoding: buffer.bytes, as: UTF8.self)
  }

  func testTrickyDoublesAreWrittenAsTheirDescription() {
    let values: [Double] = [
      0, -0.0, 1, -1, 0.1, 0.2 + 0.1, 1e-5, 1e-4, 1.0e16, 9_999_999_999_999_998, 1e15, 123_456.789,
      .leastNonzeroMagnitude, -.leastNonzeroMagnitude, .leastNormalMagnitude,
      .leastNormalMagnitude.nextDown, .greatestFiniteMagnitude, -.greatestFiniteMagnitude,
      .pi, -.ulpOfOne, 5e-324, 2.2250738585072014e-308, 0.12345678901234567,
      -123.45678901234568, .nan, -.nan, .signalingNaN, .infinity, -.infinity,
    ]
    for value in values {
      XCTAssertEqual(text(value), value.description, "bits \(value.bitPattern)")
    }
  }

  func testRandomBitPatternsAreWrittenAsTheirDescription() {
    var state: UInt64 = 0x2545_F491_4F6C_DD1D
    for _ in 0..<100_000 {
      state ^= state << 13
      state ^= state >> 7
      state ^= state << 17
      let value = Double(bitPattern: state)
      XCTAssertEqual(text(value), value.description, "bits \(state)")
    }
  }

  func testIntegersAreWrittenAsTheirDescription() {
    for value in [0, 7, -3, 10, 1_023, Int.max, Int.min] {
      var buffer = ASCIIBuffer(capacity: 4)
      buffer.append(value)
      XCTAssertEqual(String(decoding: buffer.bytes, as: UTF8.self), value.description)
    }
  }

  func testBytesAreEverythingAppendedInOrderPastTheInitialCapacity() {
    var buffer = ASCIIBuffer(capacity: 2)
    var expected = ""
    for k in 0..<1_000 {
      buffer.append("é,")
      buffer.append(Double(k) / 7)
      buffer.append(byte: UInt8(ascii: "\n"))
      expected += "é," + "\(Double(k) / 7)" + "\n"
    }
    XCTAssertEqual(buffer.bytes, Array(expected.utf8))
  }
}
