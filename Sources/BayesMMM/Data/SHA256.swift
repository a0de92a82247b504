/// SHA-256 (FIPS 180-4) of a byte sequence, as a lowercase hex string.
///
/// ```swift
/// SHA256.hexDigest(of: Array("abc".utf8))
/// // "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
/// ```
///
/// Used to fingerprint the data file of a run and the chain files it writes, so a result can
/// be traced to the exact bytes it was fitted on. The message is padded with a 1 bit, zeros
/// and its 64-bit big-endian length in bits to a multiple of 512 bits, then compressed block
/// by block (64 rounds each).
///
/// The whole 64-byte blocks are compressed where they lie; only the last one or two blocks,
/// which carry the padding, are copied into a 128-byte scratch block. The compression keeps
/// its 64-word message schedule in a stack buffer, so hashing allocates nothing but the
/// digest (the chain files of a default run are 48 MB, hashed on every write and read).
///
/// - Complexity: O(n) time in the number of bytes, O(1) extra memory.
public enum SHA256 {
  /// The 32-byte digest.
  public static func digest(of bytes: [UInt8]) -> [UInt8] {
    bytes.withUnsafeBytes { digest(of: $0) }
  }

  /// The 32-byte digest of the bytes in `buffer`.
  public static func digest(of buffer: UnsafeRawBufferPointer) -> [UInt8] {
    var state = initialState
    let wholeBlocks = buffer.count / 64
    withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { schedule in
      roundConstants.withUnsafeBufferPointer { constants in
        if let base = buffer.baseAddress {
          for block in 0..<wholeBlocks {
            compress(&state, block: base + 64 * block, schedule: schedule, constants: constants)
          }
        }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 128) { tail in
          let tailCount = paddedTail(buffer, after: 64 * wholeBlocks, into: tail)
          guard let tailBase = UnsafeRawPointer(tail.baseAddress) else { return }
          for block in 0..<(tailCount / 64) {
            compress(&state, block: tailBase + 64 * block, schedule: schedule, constants: constants)
          }
        }
      }
    }
    var digest: [UInt8] = []
    digest.reserveCapacity(32)
    for index in 0..<8 {
      let word = state[index]
      digest += [
        UInt8(word >> 24), UInt8(truncatingIfNeeded: word >> 16),
        UInt8(truncatingIfNeeded: word >> 8), UInt8(truncatingIfNeeded: word),
      ]
    }
    return digest
  }

  /// The digest as 64 lowercase hex characters.
  public static func hexDigest(of bytes: [UInt8]) -> String {
    hexText(digest(of: bytes))
  }

  /// The digest of the bytes in `buffer` as 64 lowercase hex characters.
  public static func hexDigest(of buffer: UnsafeRawBufferPointer) -> String {
    hexText(digest(of: buffer))
  }

  private static func hexText(_ digest: [UInt8]) -> String {
    let hexDigits = Array("0123456789abcdef")
    var text = ""
    for byte in digest {
      text.append(hexDigits[Int(byte >> 4)])
      text.append(hexDigits[Int(byte & 0x0f)])
    }
    return text
  }

  /// The chaining value before the first block: the first 32 bits of the fractional parts
  /// of the square roots of the first 8 primes.
  private static let initialState: [UInt32] = [
    0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a,
    0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19,
  ]

  /// Writes the message's last `buffer.count - start` (< 64) bytes into `tail`, followed by
  /// 0x80, zeros and the bit length of the whole message (big-endian), and returns the
  /// padded length: 64 or 128 bytes.
  private static func paddedTail(
    _ buffer: UnsafeRawBufferPointer, after start: Int, into tail: UnsafeMutableBufferPointer<UInt8>
  ) -> Int {
    let remaining = buffer.count - start
    for index in 0..<remaining { tail[index] = buffer[start + index] }
    tail[remaining] = 0x80
    let paddedCount = remaining < 56 ? 64 : 128
    for index in (remaining + 1)..<(paddedCount - 8) { tail[index] = 0 }
    let bitLength = UInt64(buffer.count) &* 8
    for index in 0..<8 {
      tail[paddedCount - 8 + index] = UInt8(truncatingIfNeeded: bitLength >> UInt64(56 - 8 * index))
    }
    return paddedCount
  }

  /// Compresses the 64 bytes at `block` into `state` (FIPS 180-4 section 6.2.2), using
  /// `schedule` (64 words) as the message schedule W.
  @inline(__always)
  private static func compress(
    _ state: inout [UInt32], block: UnsafeRawPointer,
    schedule w: UnsafeMutableBufferPointer<UInt32>,
    constants k: UnsafeBufferPointer<UInt32>
  ) {
    for i in 0..<16 {
      w[i] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self))
    }
    for i in 16..<64 {
      let s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3)
      let s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10)
      w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
    }
    var a = state[0], b = state[1], c = state[2], d = state[3]
    var e = state[4], f = state[5], g = state[6], h = state[7]
    for i in 0..<64 {
      let s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
      let choose = (e & f) ^ (~e & g)
      let t1 = h &+ s1 &+ choose &+ k[i] &+ w[i]
      let s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
      let majority = (a & b) ^ (a & c) ^ (b & c)
      let t2 = s0 &+ majority
      h = g
      g = f
      f = e
      e = d &+ t1
      d = c
      c = b
      b = a
      a = t1 &+ t2
    }
    state[0] = state[0] &+ a
    state[1] = state[1] &+ b
    state[2] = state[2] &+ c
    state[3] = state[3] &+ d
    state[4] = state[4] &+ e
    state[5] = state[5] &+ f
    state[6] = state[6] &+ g
    state[7] = state[7] &+ h
  }

  @inline(__always)
  private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }

  /// First 32 bits of the fractional parts of the cube roots of the first 64 primes.
  private static let roundConstants: [UInt32] = [
    0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4,
    0xab1c_5ed5, 0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe,
    0x9bdc_06a7, 0xc19b_f174, 0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f,
    0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da, 0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7,
    0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967, 0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc,
    0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85, 0xa2bf_e8a1, 0xa81a_664b,
    0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070, 0x19a4_c116,
    0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
    0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7,
    0xc671_78f2,
  ]
}
