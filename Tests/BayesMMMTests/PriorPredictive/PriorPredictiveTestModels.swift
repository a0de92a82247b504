import XCTest

@testable import BayesMMM

/// Models with hand-picked priors for the prior-predictive and prior-only tests.
enum PriorPredictiveTestModels {
  /// Small flighted inputs without a floor (so no simulated week is censored).
  static func inputsWithoutFloor(weeks: Int = 40, seed: UInt64 = 3) -> ModelInputs {
    let rng = GSLRandom(runSeed: seed)
    func flighted(_ level: Double, on probability: Double) -> [Double] {
      var values = (0..<weeks).map { _ in
        rng.bernoulli(probability) ? level * rng.uniform(0.5, 1.5) : 0
      }
      if values.allSatisfy({ $0 == 0 }) { values[0] = level }
      return values
    }
    let social = (1...2).map {
      ModelInputs.Channel(name: "social_\($0)", values: flighted(1000, on: 0.6))
    }
    return ModelInputs(
      revenue: (0..<weeks).map { _ in exp(rng.normal(mean: 9, sd: 1)) }, floor: nil,
      mediator: ModelInputs.Channel(name: "google", values: flighted(3000, on: 0.5)),
      social: social,
      owned: [ModelInputs.Channel(name: "email", values: flighted(50_000, on: 1))],
      price: (0..<weeks).map { _ in rng.uniform(90, 110) },
      promotion: (0..<weeks).map { _ in rng.bernoulli(0.3) ? 1 : 0 },
      weekOfYear: (0..<weeks).map { $0 % 52 + 1 })
  }

  /// One prior per parameter of `layout`: `chosen` for the families it names, a normal with
  /// sd 1e-12 around 0 (a coefficient fixed at 0 for every practical purpose) for every
  /// other coefficient and intercept, and the default file's priors for adstock and Hill
  /// parameters and noise scales.
  static func priors(
    for layout: ParameterLayout, chosen: [ParameterGroup: Prior]
  ) throws -> [Prior] {
    let defaults = try TestModels.defaultPriors()
    let zero = try Prior(.normal(mean: 0, sd: 1e-12))
    return try layout.groups.map { key in
      if let prior = chosen[key.group] { return prior }
      switch key.group {
      case .adstockDecay, .hillHalfSaturation, .hillShape, .searchAmountSigma, .revenueSigma:
        return try XCTUnwrap(defaults.groupPriors[key.group])
      default:
        return zero
      }
    }
  }

  /// Priors of every family, cycled over the parameters whose support allows them, so that
  /// a model built on them exercises every constraining transform and its log-Jacobian.
  static func everyFamilyPriors(for layout: ParameterLayout) throws -> [Prior] {
    let unitInterval = try [
      Prior(.beta(alpha: 2, beta: 3)),
      Prior(.truncatedNormal(mean: 0.5, sd: 0.3, lower: 0, upper: 1)),
    ]
    let positive = try [
      Prior(.halfNormal(sd: 1)), Prior(.logNormal(mu: -0.5, sigma: 0.7)),
      Prior(.gamma(shape: 3, rate: 2)), Prior(.exponential(rate: 1.5)),
      Prior(.halfStudentT(nu: 4, scale: 1)),
      Prior(.truncatedNormal(mean: 1, sd: 1, lower: 0, upper: .infinity)),
    ]
    let real = try [
      Prior(.normal(mean: 0.5, sd: 1.5)), Prior(.studentT(nu: 5, location: -1, scale: 0.8)),
      Prior(.truncatedNormal(mean: 0, sd: 2, lower: -1, upper: 3)),
      Prior(.truncatedNormal(mean: -0.3, sd: 1, lower: -.infinity, upper: 0.5)),
      Prior(.truncatedNormal(mean: 0.2, sd: 1, lower: -0.5, upper: .infinity)),
    ]
    var counters = [0, 0, 0]
    func next(_ list: [Prior], _ slot: Int) -> Prior {
      defer { counters[slot] += 1 }
      return list[counters[slot] % list.count]
    }
    return layout.groups.map { key in
      switch key.group.supportRequirement {
      case .unitInterval: return next(unitInterval, 0)
      case .positive: return next(positive, 1)
      case .any: return next(real, 2)
      case .delayWindow: return try! Prior(.truncatedNormal(mean: 1, sd: 2, lower: 0, upper: 7))
      }
    }
  }
}
