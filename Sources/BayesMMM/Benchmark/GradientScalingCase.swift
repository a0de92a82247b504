/// One row of the gradient benchmark: a model size and its measured throughput.
public struct GradientScalingCase: Sendable {
  public let label: String
  public let weeks: Int
  public let socialChannels: Int
  /// Media channels with adstock + Hill: social + mediator + owned.
  public let mediaChannels: Int
  public let parameters: Int
  public let measurement: GradientBenchmark

  /// Nanoseconds per (week x media channel): flat across rows when cost is linear in
  /// weeks x channels.
  public var nanosecondsPerWeekChannel: Double {
    1e3 * measurement.microsecondsPerEvaluation / Double(weeks * mediaChannels)
  }

  public init(label: String, model: JointModel, minimumSeconds: Double) {
    self.label = label
    weeks = model.inputs.weeks
    socialChannels = model.inputs.socialNames.count
    mediaChannels = socialChannels + 1 + model.inputs.ownedNames.count
    parameters = model.dimension
    measurement = GradientBenchmark(
      density: model.makeLogDensity(), minimumSeconds: minimumSeconds)
  }

  /// The standard scaling rows on synthetic flighted inputs: 104, 520 and 5,200 weeks with
  /// 4 social channels, and 104 weeks with 12 social channels (2 owned channels each).
  public static func syntheticRows(
    configuration: PriorsConfiguration, minimumSeconds: Double
  ) throws -> [GradientScalingCase] {
    let shapes = [(104, 4), (520, 4), (5200, 4), (104, 12)]
    return try shapes.map { weeks, social in
      let inputs = SyntheticInputs.flighted(
        weeks: weeks, socialCount: social, ownedCount: 2, seed: 7)
      let model = try JointModel(inputs: inputs, configuration: configuration)
      return GradientScalingCase(
        label: "synthetic \(weeks) weeks, \(social) social", model: model,
        minimumSeconds: minimumSeconds)
    }
  }
}
