extension Diagnostics {
  /// Energy Bayesian fraction of missing information of each chain:
  ///
  ///     E-BFMI = Σₙ (Eₙ − Eₙ₋₁)² / Σₙ (Eₙ − Ē)²,
  ///
  /// computed as ArviZ's `bfmi` does, the mean of the N − 1 squared energy differences
  /// over the sample variance (N − 1 denominator) of the N energies, which is the same
  /// ratio. Betancourt (2016), "Diagnosing suboptimal cotangent disintegrations in
  /// Hamiltonian Monte Carlo", arXiv:1604.00695. Values below 0.3 indicate that momentum
  /// resampling explores the energy distribution poorly.
  ///
  /// - Parameter energy: the Hamiltonian energy at each draw, one array per chain; the
  ///   chains may differ in length.
  /// - Returns: one value per chain, NaN for a chain with fewer than two draws, a
  ///   non-finite energy, or constant energy.
  public static func eBFMI(energy: [[Double]]) -> [Double] {
    energy.map(chainEBFMI)
  }

  private static func chainEBFMI(_ energy: [Double]) -> Double {
    guard energy.count >= 2, energy.allSatisfy(\.isFinite) else { return .nan }
    var sumOfSquaredSteps = 0.0
    for index in 1..<energy.count {
      let step = energy[index] - energy[index - 1]
      sumOfSquaredSteps += step * step
    }
    let meanSquaredStep = sumOfSquaredSteps / Double(energy.count - 1)
    let energyVariance = variance(energy)
    guard energyVariance > 0 else { return .nan }
    return meanSquaredStep / energyVariance
  }
}
