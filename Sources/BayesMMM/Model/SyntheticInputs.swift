#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Repeatable synthetic model inputs of any size, for tests and the scaling benchmark.
///
/// Revenue here is noise around a constant level, not simulated from the model: these
/// inputs exercise shapes and edge cases (long zero runs, floor weeks, missing controls),
/// not effect recovery.
public enum SyntheticInputs {
  /// Weekly inputs where every spend channel is flighted with long zero runs (blocks of
  /// 6-12 weeks off), the mediator is off in about half the weeks, every 17th revenue week
  /// (from week 6) sits at a floor of 1.0, and controls miss their first 10 weeks. A term
  /// left out of `terms` is still drawn (the other series stay the same) but not passed on.
  public static func flighted(
    weeks: Int = 80, socialCount: Int = 3, ownedCount: Int = 2, seed: UInt64 = 1,
    controls: Int = 0, fitWeeks: Int? = nil, terms: OptionalTerms = .all
  ) -> ModelInputs {
    let rng = GSLRandom(runSeed: seed)
    func flightedSeries(level: Double) -> [Double] {
      var values: [Double] = []
      var on = rng.bernoulli(0.5)
      while values.count < weeks {
        let run = 6 + rng.integer(below: 7)
        for _ in 0..<run where values.count < weeks {
          values.append(on ? level * rng.uniform(0.5, 1.5) : 0)
        }
        on.toggle()
      }
      if values.allSatisfy({ $0 == 0 }) { values[0] = level }
      return values
    }
    let social = (0..<socialCount).map {
      ModelInputs.Channel(name: "social_\($0 + 1)", values: flightedSeries(level: 1000))
    }
    let owned = (0..<ownedCount).map {
      ModelInputs.Channel(name: "owned_\($0 + 1)", values: flightedSeries(level: 50_000))
    }
    let mediator = ModelInputs.Channel(name: "google", values: flightedSeries(level: 3000))
    var revenue = (0..<weeks).map { _ in exp(rng.normal(mean: 9, sd: 1.5)) }
    for t in stride(from: 5, to: weeks, by: 17) { revenue[t] = 1.0 }
    let price = (0..<weeks).map { _ in rng.uniform(90, 110) }
    let promotion = (0..<weeks).map { _ in rng.bernoulli(0.3) ? 1.0 : 0.0 }
    let weekOfYear = (0..<weeks).map { ($0 % 52) + 1 }
    let controlChannels = (0..<controls).map { c in
      (
        channel: ModelInputs.Channel(
          name: "control_\(c + 1)", values: (0..<weeks).map { _ in rng.normal(mean: 10, sd: 2) }),
        missing: (0..<weeks).map { $0 < 10 }
      )
    }
    return ModelInputs(
      revenue: revenue, floor: 1.0, mediator: mediator, social: social, owned: owned,
      price: terms.price ? price : nil, promotion: terms.promotion ? promotion : nil,
      weekOfYear: weekOfYear, controls: controlChannels,
      fitWeeks: fitWeeks)
  }
}
