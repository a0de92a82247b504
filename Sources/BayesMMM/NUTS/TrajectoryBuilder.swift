import Foundation

/// Builds NUTS subtrees by recursive doubling, as Stan's `base_nuts::build_tree`: a subtree of
/// depth k is two subtrees of depth k - 1 built one after the other in the same direction of
/// time, merged by uniform progressive multinomial sampling and checked for U-turns (three
/// checks, see `NoUTurnCriterion.mergedContinues`).
///
/// ```swift
/// builder.beginTransition(initialEnergy: h0, stepSize: eps)
/// var logWeight = -Double.infinity
/// let result = builder.build(depth: 3, current: zForward, direction: 1, propose: zPropose,
///                            ends: ends, logSumWeight: &logWeight)
/// ```
///
/// Each leaf is one leapfrog step; its weight is exp(H0 - H), and it contributes
/// min(1, exp(H0 - H)) to the acceptance statistic even when its subtree is later rejected.
/// A leaf with H - H0 > `maxEnergyError` (NaN energies count as +inf) is a divergence.
///
/// Invariant: the scratch of level k is only touched by a call at depth k, and a call at
/// depth k only recurses into depth k - 1, so the per-level buffers are never aliased.
/// - Complexity: 2^depth leapfrog steps and O(2^depth d) arithmetic; no allocation.
final class TrajectoryBuilder {
  let hamiltonian: Hamiltonian
  let dimension: Int
  /// Largest depth `build` accepts (the transition's maximum tree depth minus one).
  let maxSubtreeDepth: Int
  /// Energy error H - H0 above which a leapfrog step is a divergence (Stan: 1000).
  let maxEnergyError: Double
  private let random: GSLRandom
  private let levels: [Level]

  /// The per-transition accumulators. They live in raw storage rather than in `var`
  /// properties because every class `var` write in the hot path pays for a dynamic
  /// exclusivity check (measured: ~9% of a 20-d transition).
  private struct Accumulators {
    var leapfrogSteps = 0
    var sumAcceptProbability = 0.0
    var divergent = false
    var initialEnergy = 0.0
    var stepSize = 0.0
  }
  private let accumulators: UnsafeMutablePointer<Accumulators>

  /// Leapfrog steps taken in the current transition.
  var leapfrogSteps: Int { accumulators.pointee.leapfrogSteps }
  /// Σ min(1, exp(H0 - H)) over those leapfrog steps.
  var sumAcceptProbability: Double { accumulators.pointee.sumAcceptProbability }
  /// Whether any leapfrog step of the current transition diverged.
  var divergent: Bool { accumulators.pointee.divergent }

  /// The buffers one recursion level needs, carved once from the workspace arena.
  private struct Level {
    let pInitEnd, pSharpInitEnd, rhoInit: UnsafeMutablePointer<Double>
    let pFinalStart, pSharpFinalStart, rhoFinal: UnsafeMutablePointer<Double>
    let rhoSubtree, scratch: UnsafeMutablePointer<Double>
    let proposeFinal: PhasePoint
  }

  /// `Double`s the builder takes from an arena for a given maximum tree depth.
  static func storageCount(dimension: Int, maxTreeDepth: Int) -> Int {
    max(maxTreeDepth - 1, 0) * (8 * dimension + PhasePoint.storageCount(dimension: dimension))
  }

  init(
    hamiltonian: Hamiltonian, maxTreeDepth: Int, maxEnergyError: Double,
    random: GSLRandom, arena: VectorArena
  ) {
    self.hamiltonian = hamiltonian
    dimension = hamiltonian.dimension
    maxSubtreeDepth = maxTreeDepth - 1
    self.maxEnergyError = maxEnergyError
    self.random = random
    accumulators = UnsafeMutablePointer<Accumulators>.allocate(capacity: 1)
    accumulators.initialize(to: Accumulators())
    let d = hamiltonian.dimension
    // A leaf (depth 0) needs no scratch: levels[k - 1] serves depth k = 1 ..< maxTreeDepth.
    levels = (1..<max(maxTreeDepth, 1)).map { _ in
      Level(
        pInitEnd: arena.vector(d), pSharpInitEnd: arena.vector(d), rhoInit: arena.vector(d),
        pFinalStart: arena.vector(d), pSharpFinalStart: arena.vector(d),
        rhoFinal: arena.vector(d), rhoSubtree: arena.vector(d), scratch: arena.vector(d),
        proposeFinal: PhasePoint(arena: arena, dimension: d))
    }
  }

  deinit { accumulators.deallocate() }

  /// Resets the per-transition counters; H0 is the energy of the transition's initial state.
  func beginTransition(initialEnergy: Double, stepSize: Double) {
    accumulators.pointee = Accumulators(initialEnergy: initialEnergy, stepSize: stepSize)
  }

  /// Builds a subtree of 2^depth leapfrog steps starting from `current` (advanced in place).
  ///
  /// - Parameters:
  ///   - current: the integrator state; on return the last state of the subtree.
  ///   - direction: +1 forward in time, -1 backward.
  ///   - propose: receives the subtree's multinomial proposal.
  ///   - ends: receives p, p♯ at the subtree's first and last states (in building order)
  ///     and adds the subtree's summed momentum to `ends.rho`.
  ///   - logSumWeight: log Σ exp(H0 - H) over the subtree is log-sum-exp'ed into it.
  func build(
    depth: Int, current: PhasePoint, direction: Double, propose: PhasePoint,
    ends: SubtreeEnds, logSumWeight: inout Double
  ) -> TreeExtension {
    if depth == 0 {
      return buildLeaf(
        current: current, direction: direction, propose: propose, ends: ends,
        logSumWeight: &logSumWeight)
    }
    let level = levels[depth - 1]
    let d = dimension

    // The initial half shares this call's start ends and proposal slot.
    var logWeightInit = -Double.infinity
    VectorMath.zero(level.rhoInit, count: d)
    let initEnds = SubtreeEnds(
      rho: level.rhoInit, pStart: ends.pStart, pSharpStart: ends.pSharpStart,
      pEnd: level.pInitEnd, pSharpEnd: level.pSharpInitEnd)
    let initResult = build(
      depth: depth - 1, current: current, direction: direction, propose: propose,
      ends: initEnds, logSumWeight: &logWeightInit)
    guard initResult.isValid else { return initResult }

    // The final half shares this call's end ends and has its own proposal slot.
    var logWeightFinal = -Double.infinity
    VectorMath.zero(level.rhoFinal, count: d)
    let finalEnds = SubtreeEnds(
      rho: level.rhoFinal, pStart: level.pFinalStart, pSharpStart: level.pSharpFinalStart,
      pEnd: ends.pEnd, pSharpEnd: ends.pSharpEnd)
    let finalResult = build(
      depth: depth - 1, current: current, direction: direction, propose: level.proposeFinal,
      ends: finalEnds, logSumWeight: &logWeightFinal)
    guard finalResult.isValid else { return finalResult }

    // Uniform progressive multinomial sampling between the two halves.
    let logWeightSubtree = MultinomialProposal.logSumExp(logWeightInit, logWeightFinal)
    logSumWeight = MultinomialProposal.logSumExp(logSumWeight, logWeightSubtree)
    if MultinomialProposal.newHalfWins(
      logWeightNew: logWeightFinal, logWeightMerged: logWeightSubtree, random: random)
    {
      propose.assign(from: level.proposeFinal)
    }

    VectorMath.sum(level.rhoInit, level.rhoFinal, into: level.rhoSubtree, count: d)
    VectorMath.add(level.rhoSubtree, into: ends.rho, count: d)

    let persists = NoUTurnCriterion.mergedContinues(
      first: initEnds, second: finalEnds, mergedRho: level.rhoSubtree,
      scratch: level.scratch, count: d)
    return persists ? .extended : .turning
  }

  /// One leapfrog step: weight, acceptance contribution, divergence check, ends and ρ.
  @inline(__always)
  private func buildLeaf(
    current: PhasePoint, direction: Double, propose: PhasePoint, ends: SubtreeEnds,
    logSumWeight: inout Double
  ) -> TreeExtension {
    let totals = accumulators
    let initialEnergy = totals.pointee.initialEnergy
    LeapfrogIntegrator.step(
      current, stepSize: direction * totals.pointee.stepSize, hamiltonian: hamiltonian)
    totals.pointee.leapfrogSteps += 1

    let energy = hamiltonian.energy(current)  // NaN already mapped to +inf
    let energyDrop = initialEnergy - energy
    if energy - initialEnergy > maxEnergyError { totals.pointee.divergent = true }

    logSumWeight = MultinomialProposal.logSumExp(logSumWeight, energyDrop)
    totals.pointee.sumAcceptProbability += energyDrop > 0 ? 1 : exp(energyDrop)

    propose.assign(from: current)
    let d = dimension
    hamiltonian.metric.sharpMomentum(current.momentum, into: ends.pSharpStart)
    VectorMath.copy(ends.pSharpStart, into: ends.pSharpEnd, count: d)
    VectorMath.add(current.momentum, into: ends.rho, count: d)
    VectorMath.copy(current.momentum, into: ends.pStart, count: d)
    VectorMath.copy(current.momentum, into: ends.pEnd, count: d)
    return totals.pointee.divergent ? .diverging : .extended
  }
}
