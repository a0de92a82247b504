import Foundation

/// The effect columns of whole chains (`EffectColumns` order), one row per kept draw.
///
/// ```swift
/// let effects = ChainEffects.tables(
///   model: model, constrainedDraws: perChainDraws, settings: EffectSettings(),
///   runSeed: settings.seed, threads: 2)              // [chain][draw x column]
/// ```
///
/// Chain c draws its mediator random numbers from `EffectSettings.random(runSeed:chain:)`,
/// R paths per draw in draw order, so the values depend on the seed and the chain only, never
/// on the number of threads.
public enum ChainEffects {
  /// Effects of every draw of one chain: `drawCount x EffectColumns.count(socialCount:)`
  /// values, row-major.
  /// - Parameters:
  ///   - constrainedDraws: `drawCount x parameterCount` constrained values, row-major (the
  ///     chain's parameter table).
  ///   - random: the chain's effect generator; R x 2T numbers are taken per draw.
  ///   - cancel: checked before every draw; once set, the remaining rows are NaN (the run
  ///     is cancelled and never written).
  public static func table(
    calculator: EffectCalculator, constrainedDraws: [Double], parameterCount: Int,
    paths: Int, random: GSLRandom, cancel: CancellationFlag? = nil
  ) -> [Double] {
    let workspace = EffectWorkspace(paths: paths, weeks: calculator.weeks)
    var numbers = MediatorRandomNumbers(paths: paths, weeks: calculator.weeks)
    return GeneratedQuantityRows.table(
      constrainedDraws: constrainedDraws, dimension: parameterCount,
      width: EffectColumns.count(socialCount: calculator.socialCount, terms: calculator.terms),
      cancel: cancel
    ) { parameters, rows in
      numbers.draw(from: random)
      calculator.effects(parameters: parameters, randomNumbers: numbers, workspace: workspace)
        .append(to: &rows)
    }
  }

  /// Effects of every chain, computed in parallel on `threads` threads.
  /// - Parameter constrainedDraws: per chain (index = chain), `drawCount x d` values.
  public static func tables(
    model: JointModel, constrainedDraws: [[Double]], settings: EffectSettings, runSeed: UInt64,
    threads: Int, cancel: CancellationFlag? = nil
  ) -> [[Double]] {
    let calculator = EffectCalculator(model: model)
    return ParallelWork.map(count: constrainedDraws.count, threads: threads) { chain in
      table(
        calculator: calculator, constrainedDraws: constrainedDraws[chain],
        parameterCount: model.dimension, paths: settings.mediatorPaths,
        random: EffectSettings.random(runSeed: runSeed, chain: chain), cancel: cancel)
    }
  }
}
