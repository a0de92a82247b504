/// Lift tests measured on simulated data exactly as the model states them, for
/// simulation-based calibration with tests (`SimulationBasedCalibration.simulate`).
///
/// For a truth theta and data simulated at it, test i reports
///
///     se_i   = seShare x sum_{t in W_i} y_t         (observed revenue of its weeks)
///     lift_i = V_i(theta; data) + se_i z_i,  z_i ~ Normal(0, 1)
///
/// with V_i the density's mean-path effect (`LiftTestTerm`), so the tests follow the very
/// likelihood the fit uses and SBC ranks stay uniform. se depends on the data only (not on
/// theta), which keeps Normal(lift | V, se) the correct conditional likelihood.
public enum LiftTestSimulation {
  public static let defaultSEShare = 0.1

  /// `tests` (windows and spend changes of `model`'s data) with simulated measurements; the
  /// normals come from `random`, one per test in order.
  public static func measurements(
    model: JointModel, tests: [LiftTest], truth: [Double], seShare: Double = defaultSEShare,
    random: GSLRandom
  ) -> [LiftTest] {
    var withTests = model
    withTests.liftTests = tests
    let state = ForwardModel(model: withTests).state(parameters: truth)
    let effects = LiftTestEstimates.approximateEffects(
      model: withTests, state: state, parameters: truth)
    let revenue = model.inputs.revenueCurrency
    return zip(tests, effects).map { test, effect in
      let se = seShare * test.weeks.reduce(0.0) { $0 + revenue[$1] }
      return test.measured(lift: effect + se * random.standardNormal(), se: se)
    }
  }
}
