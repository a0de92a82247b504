import Foundation

@testable import BayesMMM

/// A direct reference of the hurdle simulation, written from MODEL.md 2 without the
/// library's factoring (`MediatorPathPass`): week t is on when u_t < logistic(eta_t), and
/// then spends exp(mu_t + sigma_m z_t), in scaled units.
enum ReferenceHurdle {
  static func path(
    state: ForwardModel.State, socialSignals: [[Double]], uniforms: [Double], normals: [Double]
  ) -> [Double] {
    let eta = state.onOffPredictor(socialSignals: socialSignals)
    let mu = state.amountPredictor(socialSignals: socialSignals)
    return eta.indices.map { t in
      uniforms[t] < 1 / (1 + exp(-eta[t])) ? exp(mu[t] + state.amountSigma * normals[t]) : 0
    }
  }
}
