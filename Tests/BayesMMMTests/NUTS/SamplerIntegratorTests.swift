import Foundation
import XCTest

@testable import BayesMMM

/// The leapfrog integrator and the Hamiltonian, on a harmonic oscillator:
/// log p(q) = -q²/2 with M = 1, so H = q²/2 + p²/2 and the exact flow is a rotation.
final class SamplerIntegratorTests: XCTestCase {
  /// The largest |H - H0| along `steps` leapfrog steps of size `stepSize` from (q, p) = (1, 0).
  func maxEnergyError(stepSize: Double, steps: Int) -> Double {
    let target = IndependentGaussianTarget(scales: [1])
    let metric = EuclideanMetric(dimension: 1)
    let hamiltonian = Hamiltonian(target: target, metric: metric)
    let arena = VectorArena(capacity: PhasePoint.storageCount(dimension: 1))
    let point = PhasePoint(arena: arena, dimension: 1)
    point.position[0] = 1
    point.momentum[0] = 0
    hamiltonian.evaluate(point)
    let initialEnergy = hamiltonian.energy(point)
    var worst = 0.0
    for _ in 0..<steps {
      LeapfrogIntegrator.step(point, stepSize: stepSize, hamiltonian: hamiltonian)
      worst = max(worst, abs(hamiltonian.energy(point) - initialEnergy))
    }
    XCTAssertEqual(hamiltonian.gradientEvaluations, steps + 1)
    return worst
  }

  func testLeapfrogEnergyErrorIsSecondOrderInStepSize() {
    // Integrate to the same time T = 10 with two step sizes.
    let coarse = maxEnergyError(stepSize: 0.1, steps: 100)
    let fine = maxEnergyError(stepSize: 0.05, steps: 200)
    // For this oscillator the energy error oscillates with amplitude ≈ ε²/8 (from the
    // shadow Hamiltonian H̃ = p²/2 + (1 - ε²/4) q²/2): bounded, not growing with time.
    XCTAssertEqual(coarse / (0.1 * 0.1), 0.125, accuracy: 0.01)
    XCTAssertEqual(fine / (0.05 * 0.05), 0.125, accuracy: 0.01)
    XCTAssertEqual(coarse / fine, 4, accuracy: 0.1, "halving ε should quarter the error")
  }

  func testLeapfrogIsTimeReversible() {
    let target = CorrelatedGaussianTarget(rho: 0.9)
    let metric = EuclideanMetric(dimension: 2)
    metric.setInverseMass([0.5, 2])
    let hamiltonian = Hamiltonian(target: target, metric: metric)
    let arena = VectorArena(capacity: PhasePoint.storageCount(dimension: 2))
    let point = PhasePoint(arena: arena, dimension: 2)
    point.position[0] = 0.3
    point.position[1] = -1.2
    point.momentum[0] = 0.7
    point.momentum[1] = 0.1
    hamiltonian.evaluate(point)
    for _ in 0..<25 { LeapfrogIntegrator.step(point, stepSize: 0.1, hamiltonian: hamiltonian) }
    for _ in 0..<25 { LeapfrogIntegrator.step(point, stepSize: -0.1, hamiltonian: hamiltonian) }
    XCTAssertEqual(point.position[0], 0.3, accuracy: 1e-12)
    XCTAssertEqual(point.position[1], -1.2, accuracy: 1e-12)
    XCTAssertEqual(point.momentum[0], 0.7, accuracy: 1e-12)
    XCTAssertEqual(point.momentum[1], 0.1, accuracy: 1e-12)
  }

  func testNonFiniteLogDensityHasInfiniteEnergy() {
    let target = NaNRegionTarget(dimension: 1, boundary: 1)
    let metric = EuclideanMetric(dimension: 1)
    let hamiltonian = Hamiltonian(target: target, metric: metric)
    let arena = VectorArena(capacity: PhasePoint.storageCount(dimension: 1))
    let point = PhasePoint(arena: arena, dimension: 1)
    point.position[0] = 2
    point.momentum[0] = 1
    hamiltonian.evaluate(point)
    XCTAssertTrue(point.logDensity.isNaN)
    XCTAssertEqual(hamiltonian.energy(point), .infinity)
  }

  func testMomentumDrawHasTheMetricsCovariance() {
    let metric = EuclideanMetric(dimension: 2)
    metric.setInverseMass([4, 0.25])  // M = diag(0.25, 4): sd of p is (0.5, 2)
    let random = GSLRandom(runSeed: 5)
    let arena = VectorArena(capacity: 2)
    let momentum = arena.vector(2)
    let n = 100_000
    var sumSquares = [0.0, 0.0]
    var kinetic = 0.0
    for _ in 0..<n {
      metric.drawMomentum(into: momentum, using: random)
      sumSquares[0] += momentum[0] * momentum[0]
      sumSquares[1] += momentum[1] * momentum[1]
      kinetic += metric.kineticEnergy(momentum)
    }
    // var(p_i²) = 2 m_i², so the MCSE of the mean of p_i² is m_i sqrt(2 / n).
    XCTAssertLessThan(
      abs(sumSquares[0] / Double(n) - 0.25) / (0.25 * (2 / Double(n)).squareRoot()), 4)
    XCTAssertLessThan(abs(sumSquares[1] / Double(n) - 4) / (4 * (2 / Double(n)).squareRoot()), 4)
    // T = ½ Σ χ²_1 terms: mean d/2 = 1, sd of the mean sqrt(d/2 / n).
    XCTAssertLessThan(abs(kinetic / Double(n) - 1) / (1 / Double(n)).squareRoot(), 4)
  }
}
