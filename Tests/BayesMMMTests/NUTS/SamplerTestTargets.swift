import Foundation

@testable import BayesMMM

/// Independent Gaussian N(means_i, scales_i²) on R^d.
final class IndependentGaussianTarget: LogDensity {
  let scales: [Double]
  let means: [Double]
  var dimension: Int { scales.count }

  init(scales: [Double], means: [Double]? = nil) {
    self.scales = scales
    self.means = means ?? [Double](repeating: 0, count: scales.count)
  }

  func logDensity(
    at position: UnsafeBufferPointer<Double>, gradient: UnsafeMutableBufferPointer<Double>
  ) -> Double {
    var lp = 0.0
    for i in 0..<scales.count {
      let z = (position[i] - means[i]) / scales[i]
      lp -= 0.5 * z * z
      gradient[i] = -z / scales[i]
    }
    return lp
  }
}

/// Bivariate standard Gaussian with correlation `rho`.
final class CorrelatedGaussianTarget: LogDensity {
  let rho: Double
  let dimension = 2
  init(rho: Double) { self.rho = rho }

  func logDensity(
    at position: UnsafeBufferPointer<Double>, gradient: UnsafeMutableBufferPointer<Double>
  ) -> Double {
    let x = position[0]
    let y = position[1]
    let scale = 1 / (1 - rho * rho)
    gradient[0] = -scale * (x - rho * y)
    gradient[1] = -scale * (y - rho * x)
    return -0.5 * scale * (x * x - 2 * rho * x * y + y * y)
  }
}

/// A standard Gaussian on R^d that is NaN wherever x_0 > `boundary` (a broken region).
final class NaNRegionTarget: LogDensity {
  let dimension: Int
  let boundary: Double
  init(dimension: Int, boundary: Double) {
    self.dimension = dimension
    self.boundary = boundary
  }

  func logDensity(
    at position: UnsafeBufferPointer<Double>, gradient: UnsafeMutableBufferPointer<Double>
  ) -> Double {
    if position[0] > boundary {
      for i in 0..<dimension { gradient[i] = .nan }
      return .nan
    }
    var lp = 0.0
    for i in 0..<dimension {
      lp -= 0.5 * position[i] * position[i]
      gradient[i] = -position[i]
    }
    return lp
  }
}

/// Eight schools (Rubin 1981), non-centred: coordinates (mu, log tau, theta_tilde[8]) with
/// mu ~ N(0, 5), tau ~ half-Cauchy(0, 5), theta_tilde_j ~ N(0, 1),
/// theta_j = mu + tau theta_tilde_j, y_j ~ N(theta_j, sigma_j); the log-Jacobian log tau of
/// tau = exp(u) is included.
final class EightSchoolsNonCentredTarget: LogDensity {
  static let effects: [Double] = [28, 8, -3, 7, -1, 1, 18, 12]
  static let standardErrors: [Double] = [15, 10, 16, 11, 9, 11, 10, 18]
  let dimension = 10

  func logDensity(
    at position: UnsafeBufferPointer<Double>, gradient: UnsafeMutableBufferPointer<Double>
  ) -> Double {
    let mu = position[0]
    let logTau = position[1]
    let tau = exp(logTau)
    let tauOverScale = tau / 5
    var lp = -mu * mu / 50 + logTau - log1p(tauOverScale * tauOverScale)
    var dMu = -mu / 25
    var dLogTau = 1 - 2 * tauOverScale * tauOverScale / (1 + tauOverScale * tauOverScale)
    for j in 0..<8 {
      let standardized = position[2 + j]
      let sigma = Self.standardErrors[j]
      let residual = Self.effects[j] - mu - tau * standardized
      lp += -0.5 * standardized * standardized - 0.5 * residual * residual / (sigma * sigma)
      let weighted = residual / (sigma * sigma)
      dMu += weighted
      dLogTau += weighted * tau * standardized
      gradient[2 + j] = -standardized + weighted * tau
    }
    gradient[0] = dMu
    gradient[1] = dLogTau
    return lp
  }
}

/// Posterior moments of eight schools by quadrature on the marginal p(mu, log tau | y), where
/// theta is integrated out analytically: y_j | mu, tau ~ N(mu, sigma_j² + tau²), and
/// theta_j | mu, tau, y is normal with precision 1/sigma_j² + 1/tau². An independent reference
/// for the sampler (no MCMC involved); midpoint rule on mu in [-30, 40] x log tau in [-14, 7].
struct EightSchoolsReference {
  var meanMu = 0.0, varianceMu = 0.0
  var meanLogTau = 0.0, varianceLogTau = 0.0
  var meanTau = 0.0, varianceTau = 0.0
  var meanTheta = [Double](repeating: 0, count: 8)
  var varianceTheta = [Double](repeating: 0, count: 8)

  static func compute(muSteps: Int = 1400, logTauSteps: Int = 1400) -> EightSchoolsReference {
    let y = EightSchoolsNonCentredTarget.effects
    let sigma = EightSchoolsNonCentredTarget.standardErrors
    let (muLow, muHigh, uLow, uHigh) = (-30.0, 40.0, -14.0, 7.0)
    let dMu = (muHigh - muLow) / Double(muSteps)
    let dU = (uHigh - uLow) / Double(logTauSteps)
    // First pass: the log of the unnormalised density on the grid, and its maximum.
    var logWeights = [Double](repeating: 0, count: muSteps * logTauSteps)
    var maxLog = -Double.infinity
    for a in 0..<muSteps {
      let mu = muLow + (Double(a) + 0.5) * dMu
      for b in 0..<logTauSteps {
        let u = uLow + (Double(b) + 0.5) * dU
        let tau = exp(u)
        var lw = -mu * mu / 50 + u - log1p(tau * tau / 25)
        for j in 0..<8 {
          let v = sigma[j] * sigma[j] + tau * tau
          lw += -0.5 * log(v) - 0.5 * (y[j] - mu) * (y[j] - mu) / v
        }
        logWeights[a * logTauSteps + b] = lw
        maxLog = max(maxLog, lw)
      }
    }
    var total = 0.0
    var sums = [Double](repeating: 0, count: 6 + 16)
    for a in 0..<muSteps {
      let mu = muLow + (Double(a) + 0.5) * dMu
      for b in 0..<logTauSteps {
        let u = uLow + (Double(b) + 0.5) * dU
        let tau = exp(u)
        let w = exp(logWeights[a * logTauSteps + b] - maxLog)
        total += w
        sums[0] += w * mu
        sums[1] += w * mu * mu
        sums[2] += w * u
        sums[3] += w * u * u
        sums[4] += w * tau
        sums[5] += w * tau * tau
        for j in 0..<8 {
          let precision = 1 / (sigma[j] * sigma[j]) + 1 / (tau * tau)
          let conditionalMean = (y[j] / (sigma[j] * sigma[j]) + mu / (tau * tau)) / precision
          sums[6 + j] += w * conditionalMean
          sums[14 + j] += w * (1 / precision + conditionalMean * conditionalMean)
        }
      }
    }
    let m = sums.map { $0 / total }
    var reference = EightSchoolsReference()
    reference.meanMu = m[0]
    reference.varianceMu = m[1] - m[0] * m[0]
    reference.meanLogTau = m[2]
    reference.varianceLogTau = m[3] - m[2] * m[2]
    reference.meanTau = m[4]
    reference.varianceTau = m[5] - m[4] * m[4]
    for j in 0..<8 {
      reference.meanTheta[j] = m[6 + j]
      reference.varianceTheta[j] = m[14 + j] - m[6 + j] * m[6 + j]
    }
    return reference
  }
}

/// Runs `chains` chains on one target type and returns them (threads: 2).
func sampleChains(
  settings: SamplerSettings, seed: UInt64 = 1234,
  make: @escaping @Sendable () -> any LogDensity
) throws -> [ChainResult] {
  try runChains(
    factory: ClosureLogDensityFactory(make), settings: settings, seed: seed,
    threads: min(2, settings.chains))
}

/// Coordinate `index` of every chain's kept draws, one series per chain.
func coordinateSeries(_ chains: [ChainResult], _ index: Int) -> [[Double]] {
  chains.map { chain in
    (0..<chain.drawCount).map { chain.positions[$0 * chain.dimension + index] }
  }
}

/// Whether the slow checks are switched on (`BAYES_MMM_SLOW=1`).
var slowTestsEnabled: Bool { ProcessInfo.processInfo.environment["BAYES_MMM_SLOW"] == "1" }

/// Worker threads of the slow suites: `BAYES_MMM_THREADS`, default 1 (the machine is shared).
var slowTestThreads: Int {
  Int(ProcessInfo.processInfo.environment["BAYES_MMM_THREADS"] ?? "") ?? 1
}
