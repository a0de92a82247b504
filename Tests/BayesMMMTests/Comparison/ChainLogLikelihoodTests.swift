import XCTest

@testable import BayesMMM

/// The log-likelihood columns hold the density's own terms per week, and their sums.
final class ChainLogLikelihoodTests: XCTestCase {
  func testColumnNamesAreCmdStanVectorsInContractOrder() {
    XCTAssertEqual(
      LogLikelihoodColumns.names(weeks: 2),
      [
        "log_lik.1", "log_lik.2", "log_lik_revenue.1", "log_lik_revenue.2", "log_lik_search.1",
        "log_lik_search.2", "log_lik_search_onoff.1", "log_lik_search_onoff.2",
        "log_lik_search_amount.1", "log_lik_search_amount.2",
      ])
    XCTAssertEqual(LogLikelihoodColumns.count(weeks: 104), 520)
    XCTAssertEqual(LogLikelihoodColumns.index(.search, week: 3, weeks: 104), 2 * 104 + 3)
    for name in ["log_lik.1", "log_lik_revenue.104", "log_lik_search_amount.12"] {
      XCTAssertTrue(LogLikelihoodColumns.contains(name), name)
    }
    for name in [
      "log_lik", "log_lik.0", "log_lik.", "log_lik.x", "log_lik.+1", "loglik.1",
      "log_lik_other.1", "nde_zero.1", "beta_social.1", "lp__",
    ] {
      XCTAssertFalse(LogLikelihoodColumns.contains(name), name)
    }
  }

  /// Per draw: each vector equals the density's term at the draw's unconstrained point, the
  /// sums hold exactly, the amount is 0 off weeks, and the joint's sum over weeks is the
  /// log density less the priors and log-Jacobians.
  func testEachRowIsTheDensitysTermsAndSumsToTheLikelihood() throws {
    for model in [
      try TestModels.realDataModel(), try TestModels.flightedModel(seed: 5, controls: 1),
    ] {
      let rng = GSLRandom(runSeed: 83)
      let points = (0..<4).map { _ in (0..<model.dimension).map { _ in rng.uniform(-1.5, 1.5) } }
      let constrained = points.map { model.constrain($0) }
      let rows = ChainLogLikelihood.table(
        model: model, constrainedDraws: constrained.flatMap { $0 })
      let weeks = model.inputs.fitWeeks
      let width = LogLikelihoodColumns.count(weeks: weeks)
      XCTAssertEqual(rows.count, points.count * width)
      let density = JointModelDensity(model: model)
      for (s, draw) in constrained.enumerated() {
        let row = Array(rows[s * width..<(s + 1) * width])
        func value(_ vector: LogLikelihoodColumns.Vector, _ t: Int) -> Double {
          row[LogLikelihoodColumns.index(vector, week: t, weeks: weeks)]
        }
        let terms = density.pointwiseLogLikelihood(at: model.unconstrain(draw))
        for t in 0..<weeks {
          XCTAssertEqual(value(.revenue, t), terms.revenue[t])
          XCTAssertEqual(value(.searchOnOff, t), terms.onOff[t])
          XCTAssertEqual(value(.searchAmount, t), terms.amount[t])
          XCTAssertEqual(value(.search, t), value(.searchOnOff, t) + value(.searchAmount, t))
          XCTAssertEqual(value(.joint, t), value(.search, t) + value(.revenue, t))
          if !model.inputs.mediatorOn[t] { XCTAssertEqual(value(.searchAmount, t), 0) }
        }
        let u = model.unconstrain(draw)
        let (total, _) = FiniteDifferences.evaluate(model.makeLogDensity(), at: u)
        var priors = 0.0
        for (i, prior) in model.priors.enumerated() {
          let map = prior.support.constrainWithJacobian(u[i])
          priors += prior.logDensityWithDerivative(at: map.value).logDensity + map.logJacobian
        }
        let likelihood = (0..<weeks).reduce(0) { $0 + value(.joint, $1) }
        XCTAssertEqual(priors + likelihood, total, accuracy: 1e-9 * abs(total))
      }
    }
  }

  func testTablesDoNotDependOnThreadsAndRecomputeToTheSameBits() throws {
    let model = try TestModels.flightedModel(seed: 2)
    let rng = GSLRandom(runSeed: 19)
    let drawsPerChain = 5
    let chains = (0..<3).map { _ in
      (0..<drawsPerChain).map { _ in
        model.constrain((0..<model.dimension).map { _ in rng.standardNormal() })
      }
    }
    let one = ChainLogLikelihood.tables(
      model: model, constrainedDraws: chains.map { $0.flatMap { $0 } }, threads: 1)
    let two = ChainLogLikelihood.tables(
      model: model, constrainedDraws: chains.map { $0.flatMap { $0 } }, threads: 2)
    XCTAssertEqual(one, two)
    // Recomputing from the parameters, draws pooled chain by chain, gives the same bits.
    let recomputed = PointwiseLogLikelihood(model: model, constrainedDraws: chains.flatMap { $0 })
    let weeks = model.inputs.fitWeeks
    let width = LogLikelihoodColumns.count(weeks: weeks)
    let vectors: [(LogLikelihoodColumns.Vector, [[Double]])] = [
      (.joint, recomputed.joint), (.revenue, recomputed.revenue), (.search, recomputed.search),
      (.searchOnOff, recomputed.onOff), (.searchAmount, recomputed.amount),
    ]
    for chain in chains.indices {
      for draw in 0..<drawsPerChain {
        let s = chain * drawsPerChain + draw
        for (vector, values) in vectors {
          for t in 0..<weeks {
            let column = LogLikelihoodColumns.index(vector, week: t, weeks: weeks)
            XCTAssertEqual(values[t][s], one[chain][draw * width + column])
          }
        }
      }
    }
  }
}
