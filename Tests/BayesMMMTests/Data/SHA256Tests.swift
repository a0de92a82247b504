import XCTest

@testable import BayesMMM

final class SHA256Tests: XCTestCase {
  /// FIPS 180-4 / NIST CAVP example vectors.
  func testKnownVectors() {
    XCTAssertEqual(
      SHA256.hexDigest(of: []),
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    XCTAssertEqual(
      SHA256.hexDigest(of: Array("abc".utf8)),
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    XCTAssertEqual(
      SHA256.hexDigest(of: Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)),
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    XCTAssertEqual(
      SHA256.hexDigest(of: [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)),
      "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }

  /// Lengths around the padding boundaries of one and two blocks (the length field fits in
  /// the last block up to 55 bytes past a block boundary) against Python's hashlib.
  func testPaddingBoundaries() {
    let expected = [
      55: "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318",
      56: "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a",
      63: "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34",
      64: "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb",
      65: "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0",
      119: "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb",
      120: "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c",
      127: "c57e9278af78fa3cab38667bef4ce29d783787a2f731d4e12200270f0c32320a",
      128: "6836cf13bac400e9105071cd6af47084dfacad4e5e302c94bfed24e013afb73e",
    ]
    for (count, digest) in expected {
      XCTAssertEqual(
        SHA256.hexDigest(of: [UInt8](repeating: UInt8(ascii: "a"), count: count)), digest,
        "\(count) bytes")
    }
  }

  /// 1,234,567 pseudo-random bytes (xorshift64, low byte of each state; not a multiple of
  /// 64), against Python's hashlib and sha256sum.
  func testLargeRandomInputMatchesReferenceDigest() {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    let bytes = (0..<1_234_567).map { _ -> UInt8 in
      state ^= state << 13
      state ^= state >> 7
      state ^= state << 17
      return UInt8(truncatingIfNeeded: state)
    }
    XCTAssertEqual(
      SHA256.hexDigest(of: bytes),
      "0e1f6cea00327deaca018c6a19da764ed92190c67b7295a3593878343fab5be4")
  }

  /// The buffer overload hashes the bytes it is given, wherever they start (an unaligned
  /// slice of a larger array).
  func testDigestOfAnUnalignedSliceEqualsDigestOfItsCopy() {
    let bytes = (0..<1_000).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
    for (start, end) in [(1, 1), (3, 70), (5, 1_000), (63, 191)] {
      let copy = Array(bytes[start..<end])
      let sliced = bytes.withUnsafeBytes {
        SHA256.hexDigest(of: UnsafeRawBufferPointer(rebasing: $0[start..<end]))
      }
      XCTAssertEqual(sliced, SHA256.hexDigest(of: copy), "bytes \(start)..<\(end)")
    }
  }

  func testBundledFileMatchesItsPublishedDigest() throws {
    let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: DataFixtures.realFilePath)))
    XCTAssertEqual(
      SHA256.hexDigest(of: bytes),
      "96b2a76d0b386a0d937c2e7982f8a6fd59f7674166b502b04c9743e01eb4f893")
  }
}
