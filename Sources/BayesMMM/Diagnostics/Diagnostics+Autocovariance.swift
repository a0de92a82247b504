extension Diagnostics {
  /// The autocovariance of one chain at every lag t = 0..<N:
  /// γ(t) = (1/N) Σ_{j=0}^{N−1−t} (x_j − x̄)(x_{j+t} − x̄).
  ///
  /// The biased 1/N normalisation is the one Geyer's (1992) initial-sequence estimators
  /// and ArviZ's `autocov` use; it keeps the estimated autocovariance sequence positive
  /// semi-definite. The sums are computed as a circular correlation through an FFT of the
  /// centred chain zero-padded to a power of two of at least 2N, which makes the circular
  /// correlation equal the linear one (Vehtari et al. 2021, section 3.2).
  ///
  /// Returns an empty array for an empty chain and NaN values when any draw is not finite.
  ///
  /// - Complexity: O(N log N).
  public static func autocovariance(_ chain: [Double]) -> [Double] {
    let drawCount = chain.count
    guard drawCount > 0 else { return [] }
    guard chain.allSatisfy(\.isFinite) else { return [Double](repeating: .nan, count: drawCount) }
    let chainMean = mean(chain)
    let paddedCount = RadixTwoFFT.paddedLength(atLeast: 2 * drawCount)
    var real = [Double](repeating: 0, count: paddedCount)
    var imaginary = [Double](repeating: 0, count: paddedCount)
    for index in 0..<drawCount { real[index] = chain[index] - chainMean }
    RadixTwoFFT.transform(real: &real, imaginary: &imaginary, inverse: false)
    for index in 0..<paddedCount {
      real[index] = real[index] * real[index] + imaginary[index] * imaginary[index]
      imaginary[index] = 0
    }
    RadixTwoFFT.transform(real: &real, imaginary: &imaginary, inverse: true)
    // The inverse transform is unscaled: divide by the padded length, then by N.
    let scale = 1 / (Double(paddedCount) * Double(drawCount))
    return (0..<drawCount).map { real[$0] * scale }
  }
}
