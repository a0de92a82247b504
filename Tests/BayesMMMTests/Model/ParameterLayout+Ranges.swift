@testable import BayesMMM

/// The layout's indices as the contiguous per-kind ranges the reference implementations in
/// the tests (`NaiveJointModel`, `BruteForceEffects`) are written against. They read the
/// channel blocks, so a test that uses them checks the blocks too.
extension ParameterLayout {
  private func range(_ indices: [Int?]) -> Range<Int> {
    let values = indices.compactMap { $0 }
    guard let first = values.first else { return 0..<0 }
    precondition(values == Array(first..<first + values.count), "a contiguous block")
    return first..<first + values.count
  }
  private func scalar(_ index: Int?) -> Int {
    guard let index else { preconditionFailure("the mediator has this parameter") }
    return index
  }

  var socialDecay: Range<Int> { range(social.map { $0.index(of: .decay) }) }
  var socialHalfSaturation: Range<Int> { range(social.map { $0.index(of: .halfSaturation) }) }
  var socialShape: Range<Int> { range(social.map { $0.index(of: .shape) }) }
  var googleDecay: Int { scalar(mediator.index(of: .decay)) }
  var googleHalfSaturation: Int { scalar(mediator.index(of: .halfSaturation)) }
  var googleShape: Int { scalar(mediator.index(of: .shape)) }
  var ownedDecay: Range<Int> { range(owned.map { $0.index(of: .decay) }) }
  var ownedHalfSaturation: Range<Int> { range(owned.map { $0.index(of: .halfSaturation) }) }
  var ownedShape: Range<Int> { range(owned.map { $0.index(of: .shape) }) }
  var onoffSocial: Range<Int> { range(social.map(\.onOffCoefficient)) }
  var amountSocial: Range<Int> { range(social.map(\.amountCoefficient)) }
  var socialEffect: Range<Int> { range(social.map(\.revenueCoefficient)) }
  var ownedEffect: Range<Int> { range(owned.map(\.revenueCoefficient)) }
}
