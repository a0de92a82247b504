import Foundation

/// In-place iterative radix-2 Cooley–Tukey FFT on split real and imaginary parts.
///
/// Computes X[k] = Σ_j x[j] · exp(∓2πi·jk/n) for n a power of two (the minus sign
/// forward, the plus sign for the inverse, which is left unscaled). The twiddle factors of
/// each stage come from `cos` and `sin` directly rather than by repeated multiplication,
/// so the rounding error grows as O(ε log n) rather than O(ε n); they are computed once per
/// length and direction (`Twiddles`).
///
/// - Complexity: O(n log n) time, no allocation besides the caller's buffers (and the
///   first transform of a length, which builds its `Twiddles`).
enum RadixTwoFFT {
  /// The smallest power of two that is at least `count` (1 for `count` ≤ 1).
  static func paddedLength(atLeast count: Int) -> Int {
    var length = 1
    while length < count { length <<= 1 }
    return length
  }

  /// Transforms `real` and `imaginary` in place; both must have the same power-of-two count.
  static func transform(real: inout [Double], imaginary: inout [Double], inverse: Bool) {
    let count = real.count
    assert(count == imaginary.count, "real and imaginary parts differ in length")
    assert(count & (count - 1) == 0, "length \(count) is not a power of two")
    guard count > 1 else { return }
    reverseBitOrder(real: &real, imaginary: &imaginary)
    let twiddles = Twiddles.shared(count: count, inverse: inverse)
    var span = 1
    while span < count {
      for offset in 0..<span {
        let twiddleReal = twiddles.real[span - 1 + offset]
        let twiddleImaginary = twiddles.imaginary[span - 1 + offset]
        var lower = offset
        while lower < count {
          let upper = lower + span
          let productReal = twiddleReal * real[upper] - twiddleImaginary * imaginary[upper]
          let productImaginary = twiddleReal * imaginary[upper] + twiddleImaginary * real[upper]
          real[upper] = real[lower] - productReal
          imaginary[upper] = imaginary[lower] - productImaginary
          real[lower] += productReal
          imaginary[lower] += productImaginary
          lower += 2 * span
        }
      }
      span *= 2
    }
  }

  /// Permutes both buffers into bit-reversed index order, the input order of the
  /// iterative butterflies.
  private static func reverseBitOrder(real: inout [Double], imaginary: inout [Double]) {
    let count = real.count
    var reversed = 0
    for index in 1..<count {
      var bit = count >> 1
      while reversed & bit != 0 {
        reversed ^= bit
        bit >>= 1
      }
      reversed |= bit
      if index < reversed {
        real.swapAt(index, reversed)
        imaginary.swapAt(index, reversed)
      }
    }
  }
}
