/// Monte Carlo standard errors by non-overlapping batch means, pooled over chains — a simple,
/// honest estimator for tests while the diagnostics module is written elsewhere.
///
/// Each chain of n draws is cut into `batchesPerChain` batches of ⌊n / batchesPerChain⌋
/// consecutive draws (a remainder at the end is dropped). With K batch means m_k over all
/// chains, the estimate is their mean m̄ and MCSE = sd(m_k) / √K. The batch means are nearly
/// independent when a batch is much longer than the autocorrelation time, and chains that
/// disagree inflate sd(m_k), so the MCSE errs on the large side rather than the small one.
struct BatchMeansEstimate {
  /// The pooled estimate.
  var estimate: Double
  /// Its Monte Carlo standard error.
  var mcse: Double
  /// Number of batches K.
  var batches: Int

  /// |estimate - truth| / MCSE.
  func zScore(truth: Double) -> Double { abs(estimate - truth) / mcse }
}

enum BatchMeansMCSE {
  /// The mean of a quantity over `chains` (each a series of draws) and its MCSE.
  static func mean(_ chains: [[Double]], batchesPerChain: Int = 20) -> BatchMeansEstimate {
    var batchMeans: [Double] = []
    for chain in chains {
      let size = chain.count / batchesPerChain
      precondition(size >= 1, "chain too short for \(batchesPerChain) batches")
      for batch in 0..<batchesPerChain {
        let slice = chain[batch * size..<(batch + 1) * size]
        batchMeans.append(slice.reduce(0, +) / Double(size))
      }
    }
    let k = Double(batchMeans.count)
    let grand = batchMeans.reduce(0, +) / k
    let variance = batchMeans.reduce(0) { $0 + ($1 - grand) * ($1 - grand) } / (k - 1)
    return BatchMeansEstimate(
      estimate: grand, mcse: (variance / k).squareRoot(), batches: batchMeans.count)
  }

  /// The variance of a quantity over `chains` and its MCSE: batch means of the squared
  /// deviations from the pooled mean (the O(1/n) effect of estimating the mean is negligible
  /// against the MCSE at the chain lengths used in tests).
  static func variance(_ chains: [[Double]], batchesPerChain: Int = 20) -> BatchMeansEstimate {
    let total = chains.reduce(0) { $0 + $1.count }
    let pooledMean = chains.reduce(0) { $0 + $1.reduce(0, +) } / Double(total)
    let squaredDeviations = chains.map { chain in
      chain.map { ($0 - pooledMean) * ($0 - pooledMean) }
    }
    return mean(squaredDeviations, batchesPerChain: batchesPerChain)
  }
}
