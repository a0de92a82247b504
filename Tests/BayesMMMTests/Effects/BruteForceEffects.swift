import Foundation

@testable import BayesMMM

/// A deliberately naive second implementation of MODEL.md 6, for comparison with
/// `EffectCalculator`: explicit adstock convolution, Hill as a ratio of powers, every linear
/// predictor rebuilt from the parameters and the centred designs for each arm, its own
/// mediator simulation from given uniforms and normals, and revenue as
/// sum_t y_obs,t exp(mu_y,t(x, M) - mu_y,t(observed)). Slow on purpose.
enum BruteForceEffects {
  /// Hill(Adstock(spend)) by convolution: a_t = sum_{k <= t} (1 - lambda) lambda^k x_{t-k}.
  static func signal(_ spend: [Double], decay: Double, k: Double, n: Double) -> [Double] {
    spend.indices.map { t in
      var a = 0.0
      for lag in 0...t { a += (1 - decay) * pow(decay, Double(lag)) * spend[t - lag] }
      return a == 0 ? 0 : pow(a, n) / (pow(a, n) + pow(k, n))
    }
  }

  /// The effect columns at constrained `x`, keyed by column name.
  static func effects(
    model: JointModel, parameters x: [Double], uniforms: [[Double]], normals: [[Double]]
  ) -> [String: Double] {
    let inputs = model.inputs
    let layout = model.layout
    let weeks = inputs.weeks
    let socialCount = inputs.socialNames.count
    func mean(_ v: [Double], _ rows: [Int]) -> Double {
      rows.isEmpty ? 0 : rows.map { v[$0] }.reduce(0, +) / Double(rows.count)
    }
    let all = Array(0..<inputs.centringWeeks)
    let on = inputs.mediatorOnWeeks.filter { $0 < inputs.centringWeeks }
    func socialSignal(_ s: Int, _ spend: [Double]) -> [Double] {
      signal(
        spend, decay: x[layout.socialDecay.lowerBound + s],
        k: x[layout.socialHalfSaturation.lowerBound + s], n: x[layout.socialShape.lowerBound + s])
    }
    func googleSignal(_ spend: [Double]) -> [Double] {
      signal(
        spend, decay: x[layout.googleDecay], k: x[layout.googleHalfSaturation],
        n: x[layout.googleShape])
    }
    let observedSocial = (0..<socialCount).map { socialSignal($0, inputs.socialSpend[$0]) }
    let observedGoogle = googleSignal(inputs.mediatorSpend)
    let owned = inputs.ownedNames.indices.map { o in
      signal(
        inputs.ownedSpend[o], decay: x[layout.ownedDecay.lowerBound + o],
        k: x[layout.ownedHalfSaturation.lowerBound + o], n: x[layout.ownedShape.lowerBound + o])
    }
    let mediatorColumns = [inputs.trend] + inputs.season + [inputs.promotion].compactMap { $0 }
    let revenueColumns =
      [inputs.trend] + inputs.season + [inputs.logPrice, inputs.promotion].compactMap { $0 }
      + inputs.controls

    // Linear predictors for any social signals (centring constants of the observed data).
    func onOff(_ social: [[Double]], _ t: Int) -> Double {
      var eta = x[layout.onoffIntercept]
      for s in 0..<socialCount {
        eta += x[layout.onoffSocial.lowerBound + s] * (social[s][t] - mean(observedSocial[s], all))
      }
      for (j, column) in mediatorColumns.enumerated() {
        eta += x[layout.onoffDesign.lowerBound + j] * (column[t] - mean(column, all))
      }
      return eta
    }
    func amount(_ social: [[Double]], _ t: Int) -> Double {
      var mu = x[layout.amountIntercept]
      for s in 0..<socialCount {
        mu += x[layout.amountSocial.lowerBound + s] * (social[s][t] - mean(observedSocial[s], on))
      }
      for (j, column) in mediatorColumns.enumerated() {
        mu += x[layout.amountDesign.lowerBound + j] * (column[t] - mean(column, on))
      }
      return mu
    }
    func revenueMean(_ social: [[Double]], _ google: [Double], _ t: Int) -> Double {
      var mu = x[layout.revenueIntercept]
      mu += x[layout.googleEffect] * (google[t] - mean(observedGoogle, all))
      for s in 0..<socialCount {
        mu += x[layout.socialEffect.lowerBound + s] * (social[s][t] - mean(observedSocial[s], all))
      }
      for o in owned.indices {
        mu += x[layout.ownedEffect.lowerBound + o] * (owned[o][t] - mean(owned[o], all))
      }
      for (j, column) in revenueColumns.enumerated() {
        mu += x[layout.revenueDesign.lowerBound + j] * (column[t] - mean(column, all))
      }
      return mu
    }
    let observedMean = (0..<weeks).map { revenueMean(observedSocial, observedGoogle, $0) }
    // Each week's revenue keeps its residual; a censored week starts from the model's median
    // where that lies below the floor (MODEL.md 6).
    let y = (0..<weeks).map { t in
      let observed = inputs.revenueScale * exp(inputs.logRevenue[t])
      return inputs.censored[t]
        ? min(observed, inputs.revenueScale * exp(observedMean[t])) : observed
    }
    func revenue(_ social: [[Double]], _ mediatorPath: [Double]) -> Double {
      let google = googleSignal(mediatorPath)
      var total = 0.0
      for t in 0..<weeks { total += y[t] * exp(revenueMean(social, google, t) - observedMean[t]) }
      return total
    }
    func simulate(_ social: [[Double]], _ r: Int) -> [Double] {
      (0..<weeks).map { t in
        let p = 1 / (1 + exp(-onOff(social, t)))
        return uniforms[r][t] < p
          ? exp(amount(social, t) + x[layout.amountSigma] * normals[r][t]) : 0
      }
    }

    var result: [String: Double] = [:]
    let paths = Double(uniforms.count)
    for contrast in ["zero", "plus10"] {
      for s in 0..<socialCount {
        let spend = inputs.socialSpend[s]
        let (high, low) =
          contrast == "zero"
          ? (spend, spend.map { _ in 0.0 }) : (spend.map { 1.1 * $0 }, spend)
        var highSocial = observedSocial
        var lowSocial = observedSocial
        highSocial[s] = socialSignal(s, high)
        lowSocial[s] = socialSignal(s, low)
        var (highHigh, highLow, lowLow, mediatorHigh, mediatorLow) = (0.0, 0.0, 0.0, 0.0, 0.0)
        for r in uniforms.indices {
          let pathHigh = simulate(highSocial, r)
          let pathLow = simulate(lowSocial, r)
          highHigh += revenue(highSocial, pathHigh)
          highLow += revenue(highSocial, pathLow)
          lowLow += revenue(lowSocial, pathLow)
          mediatorHigh += pathHigh.reduce(0, +)
          mediatorLow += pathLow.reduce(0, +)
        }
        let nie = (highHigh - highLow) / paths
        let nde = (highLow - lowLow) / paths
        let te = nie + nde
        let currency = inputs.socialSpendCurrency[s].reduce(0, +)
        let spendChange = contrast == "zero" ? currency : 0.1 * currency
        let induced = (mediatorHigh - mediatorLow) / paths * inputs.mediatorScale
        let k = s + 1
        result["nde_\(contrast).\(k)"] = nde
        result["nie_\(contrast).\(k)"] = nie
        result["te_\(contrast).\(k)"] = te
        result["share_mediated_\(contrast).\(k)"] = nie / te
        result["roi_\(contrast).\(k)"] = te / spendChange
        result["induced_google_\(contrast).\(k)"] = induced
        result["net_roi_\(contrast).\(k)"] = (te - induced) / spendChange
      }
    }
    let totalRevenue = y.reduce(0, +)
    let withoutGoogle = revenue(observedSocial, inputs.mediatorSpend.map { _ in 0 })
    let googleSpend = inputs.mediatorSpend.map { $0 * inputs.mediatorScale }.reduce(0, +)
    let elasticity = x[layout.priceElasticity!]
    let lift = x[layout.promoLift!]
    result["google_effect"] = totalRevenue - withoutGoogle
    result["google_roi"] = (totalRevenue - withoutGoogle) / googleSpend
    result["revenue_change_price_minus10"] = totalRevenue * (pow(0.9, elasticity) - 1)
    result["revenue_change_price_plus10"] = totalRevenue * (pow(1.1, elasticity) - 1)
    result["promo_lift_pct"] = exp(lift) - 1
    result["promo_revenue"] = (0..<weeks).map { y[$0] * (1 - exp(-lift * inputs.promotion![$0])) }
      .reduce(0, +)
    return result
  }
}
