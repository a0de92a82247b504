/// The joint mediator/outcome model of MODEL.md 3: data, parameter layout and priors.
///
/// ```swift
/// let model = try JointModel(inputs: inputs, priors: resolvedPriors, studentTDegrees: 5)
/// let density = model.makeLogDensity()     // one per chain
/// ```
///
/// The sampler sees the log posterior density on the unconstrained space: the log
/// likelihood of both equations, plus the log prior of every parameter, plus the
/// log-Jacobian of each constraining map (log for positive, logit for (0, 1), shifted log
/// for bounds). Each parameter's support is its prior's support.
public struct JointModel: LogDensityFactory {
  public let inputs: ModelInputs
  public let layout: ParameterLayout
  /// One prior per parameter, index-aligned with `layout.names`.
  public let priors: [Prior]
  /// Degrees of freedom nu of the Student-t outcome noise (fixed).
  public let studentTDegrees: Double
  /// Lift tests whose `LiftTestTerm` joins the likelihood (none by default); their weeks
  /// must be fitted weeks (`ModelInputs.fitWeeks`).
  public var liftTests: [LiftTest] = []

  public init(inputs: ModelInputs, priors: [Prior], studentTDegrees: Double = 5) {
    self.inputs = inputs
    self.layout = ParameterLayout(inputs: inputs)
    precondition(priors.count == layout.count, "one prior per parameter")
    self.priors = priors
    self.studentTDegrees = studentTDegrees
  }

  /// Number of unconstrained coordinates.
  public var dimension: Int { layout.count }

  public func makeLogDensity() -> any LogDensity { JointModelDensity(model: self) }

  /// Constrained parameter values for an unconstrained point.
  public func constrain(_ unconstrained: [Double]) -> [Double] {
    zip(priors, unconstrained).map { $0.support.constrain($1) }
  }

  /// Unconstrained point for constrained parameter values.
  public func unconstrain(_ constrained: [Double]) -> [Double] {
    zip(priors, constrained).map { $0.support.unconstrain($1) }
  }
}

extension JointModel {
  /// The model for `inputs` under a priors file (its overrides resolved, its nu used, its
  /// price form: inputs built for another form get that form's price term, so a model
  /// never fits a price form its priors file did not choose).
  public init(inputs: ModelInputs, configuration: PriorsConfiguration) throws {
    let settings = configuration.settings
    let inputs = inputs.withPriceForm(settings.priceResponse, knots: settings.priceKnots)
    let layout = ParameterLayout(inputs: inputs)
    self.init(
      inputs: inputs, priors: try configuration.resolve(for: layout),
      studentTDegrees: settings.studentTDegrees)
  }
}

extension JointModel {
  /// The same priors and settings on other inputs with the same layout (e.g. simulated
  /// outcomes, or a training prefix).
  public func replacingInputs(_ inputs: ModelInputs) -> JointModel {
    JointModel(inputs: inputs, priors: priors, studentTDegrees: studentTDegrees)
  }
}
