/// The uniforms and standard normals behind the simulated mediator paths of one draw.
///
/// Path r (0 ..< paths) uses `uniform(r, t)` for week t's on/off decision and `normal(r, t)`
/// for its amount, in every arm of every channel and contrast: common random numbers, so an
/// arm difference reflects the spend change and not simulation noise.
///
/// Drawing order from a `GSLRandom` (part of the reproducibility contract): for r = 0 ..<
/// paths, first the T uniforms of path r (weeks 0 ..< T), then its T normals.
///
/// Storage: path-major, `paths x weeks`.
public struct MediatorRandomNumbers: Sendable, Equatable {
  public let paths: Int
  public let weeks: Int
  /// Uniforms on (0, 1), `paths x weeks`.
  public private(set) var uniforms: [Double]
  /// Standard normals, `paths x weeks`.
  public private(set) var normals: [Double]

  /// Zeros, to be filled by `draw(from:)`.
  public init(paths: Int, weeks: Int) {
    precondition(paths >= 1 && weeks >= 0, "at least one path")
    self.paths = paths
    self.weeks = weeks
    uniforms = [Double](repeating: 0, count: paths * weeks)
    normals = [Double](repeating: 0, count: paths * weeks)
  }

  /// Given values, `[paths][weeks]` each (e.g. from a test's own generator).
  public init(uniforms: [[Double]], normals: [[Double]]) {
    precondition(uniforms.count == normals.count, "as many normal as uniform paths")
    self.init(paths: uniforms.count, weeks: uniforms.first?.count ?? 0)
    self.uniforms = uniforms.flatMap { $0 }
    self.normals = normals.flatMap { $0 }
    precondition(self.uniforms.count == paths * weeks && self.normals.count == paths * weeks)
  }

  /// Refills every path from `random`, in the documented order; allocates nothing.
  public mutating func draw(from random: GSLRandom) {
    let weeks = self.weeks
    uniforms.withUnsafeMutableBufferPointer { u in
      normals.withUnsafeMutableBufferPointer { z in
        for r in 0..<paths {
          for t in 0..<weeks { u[r * weeks + t] = random.uniform() }
          for t in 0..<weeks { z[r * weeks + t] = random.standardNormal() }
        }
      }
    }
  }

  /// The uniforms of path r as an array (allocates; for tests and the reference simulator).
  public func uniforms(path r: Int) -> [Double] { Array(uniforms[r * weeks..<(r + 1) * weeks]) }

  /// The normals of path r as an array.
  public func normals(path r: Int) -> [Double] { Array(normals[r * weeks..<(r + 1) * weeks]) }
}
