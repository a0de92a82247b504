import CGSL
import XCTest

@testable import BayesMMM

/// Priors exercised by the tests, with reference densities and CDFs built from GSL's own
/// functions (or closed forms on top of them), and a few interior points of each support.
enum PriorTestCases {
  struct Case {
    let prior: Prior
    /// Reference density p(x) from GSL or a closed form.
    let referenceDensity: (Double) -> Double
    /// Reference CDF P(X ≤ x).
    let referenceCDF: (Double) -> Double
    /// Interior points of the support where the derivative is not near 0.
    let points: [Double]
    /// Whether mean and sd are finite with a finite fourth moment (moment tests apply).
    let hasFourMoments: Bool
  }

  static func make(_ family: PriorFamily) -> Prior {
    do {
      return try Prior(family)
    } catch {
      XCTFail("valid prior rejected: \(error)")
      return try! Prior(.normal(mean: 0, sd: 1))
    }
  }

  /// (Φ(x) − Φ(a)) / (Φ(b) − Φ(a)), from upper tails when a ≥ mean to avoid cancellation.
  static func truncatedNormalCDF(mean: Double, sd: Double, lower: Double, upper: Double)
    -> (Double) -> Double
  {
    if lower >= mean {
      let above = gsl_cdf_gaussian_Q(lower - mean, sd)
      let mass = above - gsl_cdf_gaussian_Q(upper - mean, sd)
      return { x in (above - gsl_cdf_gaussian_Q(x - mean, sd)) / mass }
    }
    let below = gsl_cdf_gaussian_P(lower - mean, sd)
    let mass = gsl_cdf_gaussian_P(upper - mean, sd) - below
    return { x in (gsl_cdf_gaussian_P(x - mean, sd) - below) / mass }
  }

  static func truncatedNormalDensity(mean: Double, sd: Double, lower: Double, upper: Double)
    -> (Double) -> Double
  {
    let mass = gsl_cdf_gaussian_P(upper - mean, sd) - gsl_cdf_gaussian_P(lower - mean, sd)
    return { x in gsl_ran_gaussian_pdf(x - mean, sd) / mass }
  }

  static var all: [Case] {
    [
      Case(
        prior: make(.normal(mean: 1.5, sd: 2)),
        referenceDensity: { gsl_ran_gaussian_pdf($0 - 1.5, 2) },
        referenceCDF: { gsl_cdf_gaussian_P($0 - 1.5, 2) },
        points: [-6, -1, 0.3, 2.7, 9], hasFourMoments: true),
      Case(
        prior: make(.normal(mean: -0.2, sd: 0.05)),
        referenceDensity: { gsl_ran_gaussian_pdf($0 + 0.2, 0.05) },
        referenceCDF: { gsl_cdf_gaussian_P($0 + 0.2, 0.05) },
        points: [-0.33, -0.25, -0.1], hasFourMoments: true),
      Case(
        prior: make(.halfNormal(sd: 1.5)),
        referenceDensity: { x in 2 / (1.5 * (2 * Double.pi).squareRoot()) * exp(-x * x / 4.5) },
        referenceCDF: { gsl_cdf_gaussian_P($0, 1.5) - gsl_cdf_gaussian_Q($0, 1.5) },
        points: [0.01, 0.4, 1.5, 4], hasFourMoments: true),
      Case(
        prior: make(.logNormal(mu: -0.5, sigma: 0.7)),
        referenceDensity: { gsl_ran_lognormal_pdf($0, -0.5, 0.7) },
        referenceCDF: { gsl_cdf_lognormal_P($0, -0.5, 0.7) },
        points: [0.05, 0.3, 1.2, 6], hasFourMoments: true),
      Case(
        prior: make(.logNormal(mu: 0.3, sigma: 0.4)),
        referenceDensity: { gsl_ran_lognormal_pdf($0, 0.3, 0.4) },
        referenceCDF: { gsl_cdf_lognormal_P($0, 0.3, 0.4) },
        points: [0.5, 1, 2.5], hasFourMoments: true),
      Case(
        prior: make(.gamma(shape: 2, rate: 1)),
        referenceDensity: { gsl_ran_gamma_pdf($0, 2, 1) },
        referenceCDF: { gsl_cdf_gamma_P($0, 2, 1) },
        points: [0.1, 0.5, 3, 12], hasFourMoments: true),
      Case(
        prior: make(.gamma(shape: 0.6, rate: 3.5)),
        referenceDensity: { gsl_ran_gamma_pdf($0, 0.6, 1 / 3.5) },
        referenceCDF: { gsl_cdf_gamma_P($0, 0.6, 1 / 3.5) },
        points: [0.001, 0.2, 1.1], hasFourMoments: true),
      Case(
        prior: make(.beta(alpha: 2, beta: 5)),
        referenceDensity: { gsl_ran_beta_pdf($0, 2, 5) },
        referenceCDF: { gsl_cdf_beta_P($0, 2, 5) },
        points: [0.02, 0.1, 0.45, 0.9], hasFourMoments: true),
      Case(
        prior: make(.beta(alpha: 0.7, beta: 1.3)),
        referenceDensity: { gsl_ran_beta_pdf($0, 0.7, 1.3) },
        referenceCDF: { gsl_cdf_beta_P($0, 0.7, 1.3) },
        points: [0.001, 0.3, 0.99], hasFourMoments: true),
      Case(
        prior: make(.exponential(rate: 2)),
        referenceDensity: { gsl_ran_exponential_pdf($0, 0.5) },
        referenceCDF: { gsl_cdf_exponential_P($0, 0.5) },
        points: [0.001, 0.7, 5], hasFourMoments: true),
      Case(
        prior: make(.studentT(nu: 10, location: 1, scale: 2)),
        referenceDensity: { gsl_ran_tdist_pdf(($0 - 1) / 2, 10) / 2 },
        referenceCDF: { gsl_cdf_tdist_P(($0 - 1) / 2, 10) },
        points: [-20, -3, 0.2, 1.8, 7], hasFourMoments: true),
      Case(
        prior: make(.studentT(nu: 3, location: 0, scale: 1)),
        referenceDensity: { gsl_ran_tdist_pdf($0, 3) },
        referenceCDF: { gsl_cdf_tdist_P($0, 3) },
        points: [-50, -1, 0.5, 4], hasFourMoments: false),
      Case(
        prior: make(.halfStudentT(nu: 10, scale: 1)),
        referenceDensity: { 2 * gsl_ran_tdist_pdf($0, 10) },
        referenceCDF: { gsl_cdf_tdist_P($0, 10) - gsl_cdf_tdist_Q($0, 10) },
        points: [0.05, 0.8, 3, 15], hasFourMoments: true),
      Case(
        prior: make(.halfStudentT(nu: 3, scale: 2.5)),
        referenceDensity: { 2 * gsl_ran_tdist_pdf($0 / 2.5, 3) / 2.5 },
        referenceCDF: { gsl_cdf_tdist_P($0 / 2.5, 3) - gsl_cdf_tdist_Q($0 / 2.5, 3) },
        points: [0.1, 2, 30], hasFourMoments: false),
      Case(
        prior: make(.truncatedNormal(mean: 0, sd: 1, lower: 0, upper: 1)),
        referenceDensity: truncatedNormalDensity(mean: 0, sd: 1, lower: 0, upper: 1),
        referenceCDF: truncatedNormalCDF(mean: 0, sd: 1, lower: 0, upper: 1),
        points: [0.01, 0.5, 0.99], hasFourMoments: true),
      Case(
        prior: make(.truncatedNormal(mean: 1, sd: 2, lower: -1, upper: .infinity)),
        referenceDensity: truncatedNormalDensity(mean: 1, sd: 2, lower: -1, upper: .infinity),
        referenceCDF: truncatedNormalCDF(mean: 1, sd: 2, lower: -1, upper: .infinity),
        points: [-0.9, 0, 3, 8], hasFourMoments: true),
      Case(
        prior: make(.truncatedNormal(mean: -0.5, sd: 0.3, lower: -.infinity, upper: -1)),
        referenceDensity: truncatedNormalDensity(
          mean: -0.5, sd: 0.3, lower: -.infinity, upper: -1),
        referenceCDF: truncatedNormalCDF(mean: -0.5, sd: 0.3, lower: -.infinity, upper: -1),
        points: [-2, -1.3, -1.01], hasFourMoments: true),
      Case(
        prior: make(.truncatedNormal(mean: 0, sd: 1, lower: 3, upper: 4)),
        referenceDensity: truncatedNormalDensity(mean: 0, sd: 1, lower: 3, upper: 4),
        referenceCDF: truncatedNormalCDF(mean: 0, sd: 1, lower: 3, upper: 4),
        points: [3.01, 3.4, 3.9], hasFourMoments: true),
    ]
  }

  /// Central finite difference (f(x + h) − f(x − h)) / 2h.
  static func centralDifference(
    _ function: (Double) -> Double, at x: Double, step: Double
  ) -> Double {
    (function(x + step) - function(x - step)) / (2 * step)
  }
}
