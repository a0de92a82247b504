/// MCMC convergence diagnostics: split chains, rank normalisation, R-hat, effective sample
/// size, Monte Carlo standard error and E-BFMI.
///
/// Every diagnostic takes the draws of one scalar quantity as `[[Double]]`, chains × draws,
/// with all chains of equal length:
///
/// ```swift
/// let draws: [[Double]] = [chain1, chain2, chain3, chain4]
/// let rHat = Diagnostics.rHat(draws)        // rank-normalised split R-hat
/// let bulk = Diagnostics.essBulk(draws)     // bulk effective sample size
/// let tail = Diagnostics.essTail(draws)     // tail effective sample size
/// ```
///
/// The definitions are those of Vehtari, Gelman, Simpson, Carpenter and Bürkner (2021),
/// "Rank-normalization, folding, and localization: an improved R-hat for assessing
/// convergence of MCMC", Bayesian Analysis 16(2), 667–718, as implemented by ArviZ 0.23.4
/// (`arviz.rhat`, `arviz.ess`, `arviz.mcse`, `arviz.bfmi`); the test suite pins the results
/// to ArviZ's to 1e-6 relative on checked-in draws.
///
/// Following Stan's convention, a diagnostic returns NaN instead of trapping when its input
/// is ragged, too short, constant or contains a non-finite value. All functions are pure
/// and therefore safe to call from any number of threads at once.
public enum Diagnostics {}

extension Diagnostics {
  /// The fewest draws per chain for which ArviZ computes a diagnostic.
  static let minimumDrawsPerChain = 4

  /// True if a diagnostic may run on `draws`: at least `minimumChains` chains, all of one
  /// length of at least ``minimumDrawsPerChain``, every value finite, and not all values
  /// equal. When false the diagnostic returns NaN.
  static func isDiagnosable(_ draws: [[Double]], minimumChains: Int = 1) -> Bool {
    guard draws.count >= minimumChains, let first = draws.first else { return false }
    let drawCount = first.count
    guard drawCount >= minimumDrawsPerChain else { return false }
    guard draws.allSatisfy({ $0.count == drawCount }) else { return false }
    let reference = first[0]
    var varies = false
    for chain in draws {
      for value in chain {
        guard value.isFinite else { return false }
        if value != reference { varies = true }
      }
    }
    return varies
  }

  /// True when every chain has the same number of draws.
  static func isRectangular(_ draws: [[Double]]) -> Bool {
    guard let drawCount = draws.first?.count else { return true }
    return draws.allSatisfy { $0.count == drawCount }
  }
}
