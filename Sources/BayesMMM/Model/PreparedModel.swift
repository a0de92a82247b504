/// A dataset, its audit and the joint model built on it: what every fitting command starts
/// from.
///
/// ```swift
/// let prepared = try PreparedModel(dataset: data, configuration: priors)
/// prepared.findings      // audit warnings, recorded with the run
/// prepared.model         // the LogDensityFactory the sampler runs on
/// ```
///
/// The audit runs before the model is built, with the model's parameter count, so data
/// that cannot support a fit (fewer weeks than parameters, constant regressors, ...) is
/// refused with the audit's error before anything is written.
public struct PreparedModel: Sendable {
  public let dataset: WeeklyDataset
  public let configuration: PriorsConfiguration
  public let findings: [AuditFinding]
  public internal(set) var model: JointModel
  /// The lift-test file whose tests the model holds (`addingLiftTests`), nil without one.
  public internal(set) var liftTestFile: LiftTestFile? = nil

  public init(dataset: WeeklyDataset, configuration: PriorsConfiguration) throws {
    let inputs = ModelInputs(dataset: dataset, settings: configuration.settings)
    let layout = ParameterLayout(inputs: inputs)
    var audit = DataAudit(parameterCount: layout.count)
    audit.seasonOrder = configuration.settings.seasonalityOrder
    findings = try audit.findings(for: dataset)
    self.dataset = dataset
    self.configuration = configuration
    model = try JointModel(inputs: inputs, configuration: configuration)
  }
}
