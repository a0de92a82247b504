import CGSL
import Foundation

@testable import BayesMMM

/// A deliberately naive second implementation of the joint model's log posterior, written
/// straight from MODEL.md 3 for comparison: explicit adstock convolution, Hill as a ratio
/// of powers, means recomputed where used, GSL's densities for the likelihood, and the
/// Jacobians written out per support. Slow, allocation-happy, and independent of the
/// production code paths except for the prior densities (tested against GSL separately).
enum NaiveJointModel {
  static func logPosterior(model: JointModel, unconstrained u: [Double]) -> Double {
    let layout = model.layout
    let inputs = model.inputs
    let weeks = inputs.weeks
    var x = [Double](repeating: 0, count: u.count)
    var total = 0.0
    for i in u.indices {
      let (value, logJacobian) = constrain(u[i], model.priors[i].support)
      x[i] = value
      total += model.priors[i].logDensity(at: value) + logJacobian
    }

    func signal(_ spend: [Double], decay: Double, k: Double, n: Double) -> [Double] {
      (0..<weeks).map { t in
        var a = 0.0
        for lag in 0...t { a += (1 - decay) * pow(decay, Double(lag)) * spend[t - lag] }
        return a == 0 ? 0 : pow(a, n) / (pow(a, n) + pow(k, n))
      }
    }
    func mean(_ v: [Double], _ rows: [Int]) -> Double {
      rows.isEmpty ? 0 : rows.map { v[$0] }.reduce(0, +) / Double(rows.count)
    }
    let fitted = inputs.fitWeeks
    let all = Array(0..<fitted)
    let on = (0..<fitted).filter { inputs.mediatorOn[$0] }
    let social = (0..<inputs.socialNames.count).map { s in
      signal(
        inputs.socialSpend[s], decay: x[layout.socialDecay.lowerBound + s],
        k: x[layout.socialHalfSaturation.lowerBound + s], n: x[layout.socialShape.lowerBound + s])
    }
    let google = signal(
      inputs.mediatorSpend, decay: x[layout.googleDecay], k: x[layout.googleHalfSaturation],
      n: x[layout.googleShape])
    let owned = (0..<inputs.ownedNames.count).map { o in
      signal(
        inputs.ownedSpend[o], decay: x[layout.ownedDecay.lowerBound + o],
        k: x[layout.ownedHalfSaturation.lowerBound + o], n: x[layout.ownedShape.lowerBound + o])
    }
    let mediatorColumns = [inputs.trend] + inputs.season + [inputs.promotion].compactMap { $0 }
    let form = layout.priceResponse?.form
    let priceColumn = form == .constantElasticity ? inputs.logPrice : nil
    let revenueColumns =
      [inputs.trend] + inputs.season + [priceColumn, inputs.promotion].compactMap { $0 }
      + inputs.controls
    // The other price forms, written out from MODEL.md 3.3b (log of a softplus without the
    // production code's guards: fine for the moderate prices tested here).
    let price: [Double] = (inputs.logPrice ?? []).map { logPrice in
      let theta = layout.priceParameters.map { x[$0] }
      switch form {
      case .linearDemand:
        let z = 1 - (exp(logPrice) - 1) / theta[0]
        return logPrice + log(log(1 + exp(50 * z)) / 50)
      case .monotoneSpline:
        var g = (1 - theta[0]) * logPrice
        for (k, knot) in (layout.priceResponse?.knots ?? []).enumerated() {
          g -= theta[k + 1] * 0.01 * log(1 + exp((logPrice - knot) / 0.01))
        }
        return g
      default:
        return 0
      }
    }

    for t in 0..<fitted {
      // On/off part of the hurdle.
      var eta = x[layout.onoffIntercept]
      for s in social.indices {
        eta += x[layout.onoffSocial.lowerBound + s] * (social[s][t] - mean(social[s], all))
      }
      for (j, column) in mediatorColumns.enumerated() {
        eta += x[layout.onoffDesign.lowerBound + j] * (column[t] - mean(column, all))
      }
      let p = 1 / (1 + exp(-eta))
      total += inputs.mediatorOn[t] ? log(p) : log(1 - p)

      // Amount part, on weeks only.
      if inputs.mediatorOn[t] {
        var mu = x[layout.amountIntercept]
        for s in social.indices {
          mu += x[layout.amountSocial.lowerBound + s] * (social[s][t] - mean(social[s], on))
        }
        for (j, column) in mediatorColumns.enumerated() {
          mu += x[layout.amountDesign.lowerBound + j] * (column[t] - mean(column, on))
        }
        let sigma = x[layout.amountSigma]
        total += log(gsl_ran_gaussian_pdf(inputs.logMediatorAmount[t] - mu, sigma))
      }

      // Revenue.
      var mu = x[layout.revenueIntercept] + x[layout.googleEffect] * (google[t] - mean(google, all))
      for s in social.indices {
        mu += x[layout.socialEffect.lowerBound + s] * (social[s][t] - mean(social[s], all))
      }
      for o in owned.indices {
        mu += x[layout.ownedEffect.lowerBound + o] * (owned[o][t] - mean(owned[o], all))
      }
      for (j, column) in revenueColumns.enumerated() {
        mu += x[layout.revenueDesign.lowerBound + j] * (column[t] - mean(column, all))
      }
      if !price.isEmpty { mu += price[t] - mean(price, all) }
      let sigma = x[layout.revenueSigma]
      let z = (inputs.logRevenue[t] - mu) / sigma
      if inputs.censored[t] {
        total += log(gsl_cdf_tdist_P(z, model.studentTDegrees))
      } else {
        total += log(gsl_ran_tdist_pdf(z, model.studentTDegrees) / sigma)
      }
    }
    return total
  }

  /// Constrained value and log |dx/du|, written out per support.
  static func constrain(_ u: Double, _ support: ParameterSupport) -> (Double, Double) {
    switch support {
    case .real:
      return (u, 0)
    case .positive:
      return (exp(u), u)
    case .unitInterval:
      let value = 1 / (1 + exp(-u))
      return (value, log(value * (1 - value)))
    case .lowerBounded(let lower):
      return (lower + exp(u), u)
    case .upperBounded(let upper):
      return (upper - exp(u), u)
    case .interval(let lower, let upper):
      let p = 1 / (1 + exp(-u))
      return (lower + (upper - lower) * p, log((upper - lower) * p * (1 - p)))
    }
  }
}
