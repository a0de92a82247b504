import XCTest

@testable import BayesMMM

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The lane forms of the mediator paths (`MediatorPathPass`, `MediaTransform.Prepared`'s
/// lane signal, the lane logistic, `PathSums`) against scalar references written with libm,
/// on random spend with zero weeks and series lengths that leave a partial last lane group.
final class MediatorPathPassLanesTests: XCTestCase {
  /// Lengths with 0, 1 and 2+ full lane groups and tails of 0, 1, 5 and 7 weeks.
  private static let lengths = [1, 7, 8, 21, 29, 104]

  private static let transforms: [MediaTransform.Prepared] = [
    MediaTransform.geometric.prepared([0.6, 0.8, 1.5]),
    MediaTransform.geometric.prepared([0.05, 0.3, 0.4]),
    MediaTransform.geometric.prepared([0.95, 2.0, 3.5]),
    MediaTransform(adstock: .delayed, window: 8).prepared([0.6, 2.0, 0.8, 1.5]),
    MediaTransform(adstock: .delayed, window: 3).prepared([0.3, 0.5, 0.1, 6.0]),
  ]

  /// Log-uniform spend over 1e-4 ... 1e2 with about a third of the weeks at 0, the first
  /// two always (so the adstock starts at exactly 0).
  private static func spend(_ weeks: Int, _ random: GSLRandom) -> [Double] {
    (0..<weeks).map { t in
      t < 2 || random.uniform() < 0.35 ? 0 : pow(10, random.uniform(-4, 2))
    }
  }

  private static func ulps(_ fast: Double, _ slow: Double) -> Double {
    fast == slow ? 0 : abs(fast - slow) / (slow.ulp == 0 ? .leastNonzeroMagnitude : slow.ulp)
  }

  func testLaneSignalIsWithinAFewUlpOfTheScalarSignal() {
    let random = GSLRandom(runSeed: 11)
    for transform in Self.transforms {
      for weeks in Self.lengths {
        let spend = Self.spend(weeks, random)
        let scalar = transform.signal(spend)
        var adstock = [Double](repeating: 0, count: weeks)
        var lanes = adstock
        spend.withUnsafeBufferPointer { x in
          adstock.withUnsafeMutableBufferPointer { transform.adstock(spend: x, into: $0) }
          lanes.withUnsafeMutableBufferPointer { transform.laneSignal(spend: x, into: $0) }
        }
        for t in 0..<weeks {
          if adstock[t] == 0 {
            XCTAssertEqual(lanes[t], 0, "a zero adstock gives a zero signal")
            continue
          }
          // e^-|u| carries the rounding of u = n (log a - log K) |u|-fold.
          let u = transform.shape * (log(adstock[t]) - transform.logHalfSaturation)
          XCTAssertLessThanOrEqual(
            Self.ulps(lanes[t], scalar[t]), 4 * (2 + abs(u)),
            "week \(t) of \(weeks), a \(adstock[t])")
        }
      }
    }
  }

  func testLaneHillIsZeroBelowTheNormalRangeAndOneAtInfinity() {
    let a = LaneMath.Lanes(0, -0.0, -1, 1e-310, .nan, .infinity, 0.5, 3)
    let h = HillSaturation.values(a, logHalfSaturation: log(0.5), shape: 1.5)
    for lane in 0..<5 { XCTAssertEqual(h[lane], 0, "a \(a[lane])") }
    XCTAssertEqual(h[5], 1)
    XCTAssertEqual(h[6], 0.5)
    XCTAssertLessThanOrEqual(
      Self.ulps(h[7], HillSaturation.value(3, halfSaturation: 0.5, shape: 1.5)), 8)
  }

  func testManyPathAdstockIsEachPathsOwnAdstock() {
    let random = GSLRandom(runSeed: 12)
    for transform in Self.transforms {
      for weeks in Self.lengths {
        let paths = 3
        let spend = (0..<paths).flatMap { _ in Self.spend(weeks, random) }
        var together = [Double](repeating: -1, count: paths * weeks)
        spend.withUnsafeBufferPointer { x in
          together.withUnsafeMutableBufferPointer {
            transform.adstock(paths: paths, spend: x, into: $0)
          }
        }
        for r in 0..<paths {
          var alone = [Double](repeating: -1, count: weeks)
          Array(spend[r * weeks..<(r + 1) * weeks]).withUnsafeBufferPointer { x in
            alone.withUnsafeMutableBufferPointer { transform.adstock(spend: x, into: $0) }
          }
          XCTAssertEqual(Array(together[r * weeks..<(r + 1) * weeks]), alone, "bit for bit")
        }
      }
    }
  }

  func testLaneLogisticIsWithinAFewUlpOfTheScalarLogistic() {
    let random = GSLRandom(runSeed: 13)
    let points = (0..<2_000).map { _ in random.uniform(-40, 40) } + [0, -0.0, 1e-300, -745, 750]
    for start in stride(from: 0, to: points.count, by: LaneMath.Lanes.scalarCount) {
      var u = LaneMath.Lanes(repeating: 0)
      for lane in 0..<LaneMath.Lanes.scalarCount {
        u[lane] = points[min(start + lane, points.count - 1)]
      }
      let lanes = HillSaturation.logistic(u)
      for lane in 0..<LaneMath.Lanes.scalarCount {
        XCTAssertLessThanOrEqual(
          Self.ulps(lanes[lane], HillSaturation.logistic(u[lane])), 4 * (2 + abs(u[lane])),
          "u \(u[lane])")
      }
    }
    let edges = HillSaturation.logistic(LaneMath.Lanes(.infinity, -.infinity, .nan, 0, 0, 0, 0, 0))
    XCTAssertEqual(edges[0], 1)
    XCTAssertEqual(edges[1], 0)
    XCTAssertTrue(edges[2].isNaN)
    XCTAssertEqual(edges[3], 0.5)
  }

  func testPathSumsAreThePathByPathSequentialSums() {
    let random = GSLRandom(runSeed: 14)
    for weeks in Self.lengths {
      let paths = 5
      let grid = (0..<paths * weeks).map { _ in exp(random.uniform(-20, 20)) }
      let factor = (0..<weeks).map { _ in random.uniform(-1, 1) }
      var sum = 0.0
      var weightedSum = 0.0
      for r in 0..<paths {
        var pathSum = 0.0
        var pathWeightedSum = 0.0
        for t in 0..<weeks {
          pathSum += grid[r * weeks + t]
          pathWeightedSum += grid[r * weeks + t] * factor[t]
        }
        sum += pathSum
        weightedSum += pathWeightedSum
      }
      grid.withUnsafeBufferPointer { grid in
        factor.withUnsafeBufferPointer { factor in
          let both = PathSums(paths: paths, grid: grid, factor: factor)
          XCTAssertEqual(both.sum, sum, "bit for bit")
          XCTAssertEqual(both.weightedSum, weightedSum, "bit for bit")
          XCTAssertEqual(PathSums(paths: paths, grid: grid).sum, sum, "bit for bit")
        }
      }
    }
  }

  /// The scalar pass, path by path with libm (the form the lane pass replaced).
  private struct ScalarPass {
    var path: [Double]
    var terms: [Double]
    var mediator = 0.0
    var revenue = 0.0
    var revenueWithFactor = 0.0

    init(
      paths: Int, uniforms: [Double], onProbability: [Double], baseAmount: [Double],
      amountFactor: [Double], revenueWeight: [Double], revenueFactor: [Double],
      transform: MediaTransform.Prepared, beta: Double
    ) {
      let weeks = onProbability.count
      path = [Double](repeating: 0, count: paths * weeks)
      terms = path
      for r in 0..<paths {
        let spend = (0..<weeks).map { t in
          uniforms[r * weeks + t] < onProbability[t]
            ? baseAmount[r * weeks + t] * amountFactor[t] : 0
        }
        let signal = transform.signal(spend)
        var pathTotals = (mediator: 0.0, revenue: 0.0, revenueWithFactor: 0.0)
        for t in 0..<weeks {
          path[r * weeks + t] = spend[t]
          pathTotals.mediator += spend[t]
          let term = revenueWeight[t] * exp(beta * signal[t])
          terms[r * weeks + t] = term
          pathTotals.revenue += term
          pathTotals.revenueWithFactor += term * revenueFactor[t]
        }
        mediator += pathTotals.mediator
        revenue += pathTotals.revenue
        revenueWithFactor += pathTotals.revenueWithFactor
      }
    }
  }

  func testPathPassAgreesWithTheScalarPass() {
    let random = GSLRandom(runSeed: 15)
    for transform in Self.transforms {
      for weeks in Self.lengths {
        let paths = 4
        let uniforms = (0..<paths * weeks).map { _ in random.uniform() }
        // Some weeks always off, some always on, the rest in between.
        let onProbability = (0..<weeks).map { t in
          t % 5 == 0 ? 0 : t % 7 == 0 ? 1 : random.uniform()
        }
        let baseAmount = (0..<paths * weeks).map { _ in exp(random.uniform(-3, 3)) }
        let amountFactor = (0..<weeks).map { _ in exp(random.uniform(-0.5, 0.5)) }
        let revenueWeight = (0..<weeks).map { _ in random.uniform(50, 150) }
        let revenueFactor = (0..<weeks).map { _ in exp(random.uniform(-0.2, 0.2)) }
        let beta = random.uniform(-2, 2)
        let reference = ScalarPass(
          paths: paths, uniforms: uniforms, onProbability: onProbability, baseAmount: baseAmount,
          amountFactor: amountFactor, revenueWeight: revenueWeight, revenueFactor: revenueFactor,
          transform: transform, beta: beta)
        var owned: [UnsafeMutableBufferPointer<Double>] = []
        func buffer(_ values: [Double]) -> UnsafeBufferPointer<Double> {
          let pointer = UnsafeMutableBufferPointer<Double>.allocate(capacity: values.count)
          _ = pointer.initialize(from: values)
          owned.append(pointer)
          return UnsafeBufferPointer(pointer)
        }
        let out = (0..<2).map { _ in
          UnsafeMutableBufferPointer<Double>.allocate(capacity: paths * weeks)
        }
        defer { (owned + out).forEach { $0.deallocate() } }
        let totals = MediatorPathPass.run(
          paths: paths, uniforms: buffer(uniforms), onProbability: buffer(onProbability),
          baseAmount: buffer(baseAmount), amountFactor: buffer(amountFactor),
          revenueWeight: buffer(revenueWeight), revenueFactor: buffer(revenueFactor),
          response: MediatorResponse(transform: transform, revenueCoefficient: beta),
          path: out[0], revenueTerms: out[1])
        let path = Array(out[0])
        let terms = Array(out[1])
        let context = "T \(weeks), beta \(beta)"
        XCTAssertEqual(path, reference.path, "the hurdle is the scalar formula, \(context)")
        // Hill's u stays within |u| < 60 here: a few ulp per term, 1e-13 with room; the sums
        // are taken in the scalar order, so they carry no more than the terms' error.
        for i in 0..<paths * weeks {
          XCTAssertEqual(
            terms[i], reference.terms[i], accuracy: 1e-13 * reference.terms[i], context)
        }
        XCTAssertEqual(totals.mediator, reference.mediator, "the scalar sum, bit for bit")
        XCTAssertEqual(totals.revenue, reference.revenue, accuracy: 1e-13 * reference.revenue)
        XCTAssertEqual(
          totals.revenueWithFactor, reference.revenueWithFactor,
          accuracy: 1e-13 * reference.revenueWithFactor)
      }
    }
  }
}
