/// The No-U-Turn Sampler transition with multinomial sampling, as Stan's `base_nuts`
/// (Hoffman & Gelman 2014; Betancourt 2017, arXiv:1701.02434, appendix A): the pieces
/// (metric, leapfrog, trajectory builder, U-turn criterion, multinomial proposal) live in
/// their own files; this one wires them into one transition.
///
/// ```swift
/// let kernel = NUTSKernel(target: target, maxTreeDepth: 10, maxEnergyError: 1000, random: rng)
/// guard kernel.setPosition(initialPoint) else { ... }     // log p and gradient finite
/// let info = kernel.transition(stepSize: 0.3)              // kernel.state.position: new draw
/// ```
///
/// One transition: draw p ~ N(0, M); repeatedly double the trajectory in a random direction
/// (a new subtree as long as the whole trajectory so far) until a U-turn, a divergence or
/// `maxTreeDepth` doublings; the new state is chosen by biased progressive multinomial
/// sampling across subtrees. The chain's state (q, ∇log p, log p) is kept between transitions,
/// so a transition costs exactly `leapfrogSteps` gradient evaluations.
///
/// Invariant: every buffer is carved from one arena at construction; `transition` allocates
/// nothing. The kernel owns its `GSLRandom` use; it is confined to one thread.
final class NUTSKernel {
  let dimension: Int
  let maxTreeDepth: Int
  let metric: EuclideanMetric
  let hamiltonian: Hamiltonian
  let random: GSLRandom
  /// The chain's current state: after a transition, the selected draw (with its momentum).
  let state: PhasePoint
  /// A scratch state for one-step probes (the step-size heuristic).
  let probe: PhasePoint

  private let arena: VectorArena
  private let builder: TrajectoryBuilder
  private let forward, backward, propose: PhasePoint
  // Momentum and sharp momentum at the two ends of the forward and backward subtrees,
  // named as in Stan: pFwdBck is the backward end of the forward subtree.
  private let pFwdFwd, pSharpFwdFwd, pFwdBck, pSharpFwdBck: UnsafeMutablePointer<Double>
  private let pBckFwd, pSharpBckFwd, pBckBck, pSharpBckBck: UnsafeMutablePointer<Double>
  private let rho, rhoFwd, rhoBck, scratch: UnsafeMutablePointer<Double>

  /// - Parameters:
  ///   - maxTreeDepth: maximum number of doublings (>= 1); at most 2^maxTreeDepth - 1 steps.
  ///   - maxEnergyError: H - H0 above which a step is a divergence (Stan: 1000).
  init(target: any LogDensity, maxTreeDepth: Int, maxEnergyError: Double, random: GSLRandom) {
    precondition(maxTreeDepth >= 1, "maxTreeDepth must be at least 1")
    let d = target.dimension
    dimension = d
    self.maxTreeDepth = maxTreeDepth
    self.random = random
    metric = EuclideanMetric(dimension: d)
    hamiltonian = Hamiltonian(target: target, metric: metric)
    let pointCount = PhasePoint.storageCount(dimension: d)
    arena = VectorArena(
      capacity: 5 * pointCount + 12 * d
        + TrajectoryBuilder.storageCount(dimension: d, maxTreeDepth: maxTreeDepth))
    state = PhasePoint(arena: arena, dimension: d)
    probe = PhasePoint(arena: arena, dimension: d)
    forward = PhasePoint(arena: arena, dimension: d)
    backward = PhasePoint(arena: arena, dimension: d)
    propose = PhasePoint(arena: arena, dimension: d)
    pFwdFwd = arena.vector(d)
    pSharpFwdFwd = arena.vector(d)
    pFwdBck = arena.vector(d)
    pSharpFwdBck = arena.vector(d)
    pBckFwd = arena.vector(d)
    pSharpBckFwd = arena.vector(d)
    pBckBck = arena.vector(d)
    pSharpBckBck = arena.vector(d)
    rho = arena.vector(d)
    rhoFwd = arena.vector(d)
    rhoBck = arena.vector(d)
    scratch = arena.vector(d)
    builder = TrajectoryBuilder(
      hamiltonian: hamiltonian, maxTreeDepth: maxTreeDepth, maxEnergyError: maxEnergyError,
      random: random, arena: arena)
  }

  /// Moves the chain to `position` (length d) and evaluates log p and its gradient there.
  /// - Returns: whether log p and every gradient entry are finite (a usable initial point).
  func setPosition(_ position: [Double]) -> Bool {
    precondition(position.count == dimension, "position has the wrong length")
    for i in 0..<dimension { state.position[i] = position[i] }
    hamiltonian.evaluate(state)
    guard state.logDensity.isFinite else { return false }
    for i in 0..<dimension where !state.gradient[i].isFinite { return false }
    return true
  }

  /// The current position as an array (allocates: not for the hot path).
  var position: [Double] { Array(UnsafeBufferPointer(start: state.position, count: dimension)) }

  /// H0 - H after one leapfrog step of size `stepSize` from the current position with a
  /// fresh momentum; the chain's state is untouched. NaN energies count as H = +inf.
  func energyDropOfOneStep(stepSize: Double) -> Double {
    probe.assign(from: state)
    metric.drawMomentum(into: probe.momentum, using: random)
    let initialEnergy = hamiltonian.energy(probe)
    LeapfrogIntegrator.step(probe, stepSize: stepSize, hamiltonian: hamiltonian)
    return initialEnergy - hamiltonian.energy(probe)
  }

  /// One NUTS transition from the current state with step size ε = `stepSize` > 0.
  func transition(stepSize: Double) -> TransitionInfo {
    let d = dimension
    metric.drawMomentum(into: state.momentum, using: random)
    let initialEnergy = hamiltonian.energy(state)
    forward.assign(from: state)
    backward.assign(from: state)

    let p0 = state.momentum
    metric.sharpMomentum(p0, into: pSharpFwdFwd)
    VectorMath.copy(p0, into: pFwdFwd, count: d)
    VectorMath.copy(p0, into: pFwdBck, count: d)
    VectorMath.copy(p0, into: pBckFwd, count: d)
    VectorMath.copy(p0, into: pBckBck, count: d)
    VectorMath.copy(p0, into: rho, count: d)
    VectorMath.copy(pSharpFwdFwd, into: pSharpFwdBck, count: d)
    VectorMath.copy(pSharpFwdFwd, into: pSharpBckFwd, count: d)
    VectorMath.copy(pSharpFwdFwd, into: pSharpBckBck, count: d)

    // The initial state has weight exp(H0 - H0) = 1; `state` doubles as the current sample.
    var logSumWeight = 0.0
    builder.beginTransition(initialEnergy: initialEnergy, stepSize: stepSize)
    var depth = 0
    while depth < maxTreeDepth {
      VectorMath.zero(rhoFwd, count: d)
      VectorMath.zero(rhoBck, count: d)
      var logWeightSubtree = -Double.infinity
      let result: TreeExtension
      if random.uniform() > 0.5 {
        // Extend forward: the trajectory so far becomes the backward subtree.
        VectorMath.copy(rho, into: rhoBck, count: d)
        VectorMath.copy(pFwdFwd, into: pBckFwd, count: d)
        VectorMath.copy(pSharpFwdFwd, into: pSharpBckFwd, count: d)
        result = builder.build(
          depth: depth, current: forward, direction: 1, propose: propose,
          ends: forwardSubtree, logSumWeight: &logWeightSubtree)
      } else {
        // Extend backward: the trajectory so far becomes the forward subtree.
        VectorMath.copy(rho, into: rhoFwd, count: d)
        VectorMath.copy(pBckBck, into: pFwdBck, count: d)
        VectorMath.copy(pSharpBckBck, into: pSharpFwdBck, count: d)
        result = builder.build(
          depth: depth, current: backward, direction: -1, propose: propose,
          ends: backwardSubtreeInBuildOrder, logSumWeight: &logWeightSubtree)
      }
      guard result.isValid else { break }
      depth += 1

      if MultinomialProposal.subtreeReplacesSample(
        logWeightSubtree: logWeightSubtree, logWeightTrajectory: logSumWeight, random: random)
      {
        state.assign(from: propose)
      }
      logSumWeight = MultinomialProposal.logSumExp(logSumWeight, logWeightSubtree)

      VectorMath.sum(rhoBck, rhoFwd, into: rho, count: d)
      let persists = NoUTurnCriterion.mergedContinues(
        first: backwardSubtreeInTimeOrder, second: forwardSubtree, mergedRho: rho,
        scratch: scratch, count: d)
      if !persists { break }
    }

    let steps = builder.leapfrogSteps
    return TransitionInfo(
      logDensity: state.logDensity,
      acceptStat: steps > 0 ? builder.sumAcceptProbability / Double(steps) : 0,
      stepSize: stepSize,
      treeDepth: depth,
      leapfrogSteps: steps,
      divergent: builder.divergent,
      energy: hamiltonian.energy(state))
  }

  /// The forward subtree, whose building order is the order of time.
  private var forwardSubtree: SubtreeEnds {
    SubtreeEnds(
      rho: rhoFwd, pStart: pFwdBck, pSharpStart: pSharpFwdBck, pEnd: pFwdFwd,
      pSharpEnd: pSharpFwdFwd)
  }

  /// The backward subtree as it is built (from the seam towards the past).
  private var backwardSubtreeInBuildOrder: SubtreeEnds {
    SubtreeEnds(
      rho: rhoBck, pStart: pBckFwd, pSharpStart: pSharpBckFwd, pEnd: pBckBck,
      pSharpEnd: pSharpBckBck)
  }

  /// The backward subtree in the order of time (from the past towards the seam).
  private var backwardSubtreeInTimeOrder: SubtreeEnds {
    SubtreeEnds(
      rho: rhoBck, pStart: pBckBck, pSharpStart: pSharpBckBck, pEnd: pBckFwd,
      pSharpEnd: pSharpBckFwd)
  }
}
