/// Chain files in CmdStan's CSV layout, readable by `arviz.from_cmdstan` and cmdstanpy.
///
/// Layout (Stan's "Stan CSV File Format"): `#` comment lines with the run configuration in
/// CmdStan's indented `key = value` form; the header row `lp__, accept_stat__, stepsize__,
/// treedepth__, n_leapfrog__, divergent__, energy__` followed by the model's columns (names
/// with `.k` indices); the adaptation block (`# Adaptation terminated`, the step size and
/// the diagonal of the inverse metric); one row per kept draw. Timings are left out (they are
/// in `run.json`) so that the same seed, data and priors give byte-identical chain files.
///
/// Numbers are written in Swift's shortest round-trip form, so a value read back is the
/// value sampled.
public enum CmdStanCSV {
  /// The sampler-statistic columns, in CmdStan's order.
  public static let statisticColumns = [
    "lp__", "accept_stat__", "stepsize__", "treedepth__", "n_leapfrog__", "divergent__",
    "energy__",
  ]

  /// What the comment header records about the run.
  public struct Header: Sendable {
    public var settings: SamplerSettings
    public var seed: UInt64
    public var chain: Int
    public var dataFile: String
    public var outputFile: String
    public var modelName = "bayes_mmm_joint"

    public init(
      settings: SamplerSettings, seed: UInt64, chain: Int, dataFile: String, outputFile: String
    ) {
      self.settings = settings
      self.seed = seed
      self.chain = chain
      self.dataFile = dataFile
      self.outputFile = outputFile
    }
  }

  /// The whole text of one chain file.
  /// - Parameters:
  ///   - columns: the model's column names (parameters, then generated quantities).
  ///   - draws: `result.drawCount x columns.count` values, row-major.
  public static func chainFile(
    header: Header, columns: [String], draws: [Double], result: ChainResult
  ) -> String {
    String(
      decoding: chainFileBytes(header: header, columns: columns, draws: draws, result: result),
      as: UTF8.self)
  }

  /// The UTF-8 bytes of `chainFile(header:columns:draws:result:)`, the form that is hashed
  /// and written.
  /// - Complexity: O(drawCount x columns.count); the rows are formatted straight into one
  ///   buffer sized for ~24 bytes a number, without a `String` per number or per row.
  public static func chainFileBytes(
    header: Header, columns: [String], draws: [Double], result: ChainResult
  ) -> [UInt8] {
    let width = columns.count
    var text = ASCIIBuffer(
      capacity: 8192 + result.drawCount * (width + statisticColumns.count) * 24)
    text.append(configurationComment(header))
    text.append((statisticColumns + columns).joined(separator: ",") + "\n")
    text.append("# Adaptation terminated\n")
    text.append("# Step size = \(number(result.stepSize))\n")
    text.append("# Diagonal elements of inverse mass matrix:\n")
    text.append("# " + result.inverseMetric.map(number).joined(separator: ", ") + "\n")
    let statistics = result.statistics
    let comma = UInt8(ascii: ",")
    draws.withUnsafeBufferPointer { draws in
      for k in 0..<result.drawCount {
        text.append(statistics.logDensity[k])
        text.append(byte: comma)
        text.append(statistics.acceptStat[k])
        text.append(byte: comma)
        text.append(statistics.stepSize[k])
        text.append(byte: comma)
        text.append(statistics.treeDepth[k])
        text.append(byte: comma)
        text.append(statistics.leapfrogSteps[k])
        text.append(statistics.divergent[k] ? ",1," : ",0,")
        text.append(statistics.energy[k])
        for value in draws[(k * width)..<((k + 1) * width)] {
          text.append(byte: comma)
          text.append(value)
        }
        text.append(byte: UInt8(ascii: "\n"))
      }
    }
    // CmdStan closes with a timing block, which cmdstanpy needs to find the end of the
    // draws; the figures themselves live in run.json.
    text.append(
      "# \n#  Elapsed Time: see run.json (kept out of chain files so they are byte-identical)\n# \n"
    )
    return text.bytes
  }

  /// A number as CmdStan writes it: decimal, with `nan`, `inf`, `-inf` for non-finite values.
  /// The same text `ASCIIBuffer.append(_:)` writes for a draw.
  static func number(_ value: Double) -> String {
    if value.isNaN { return "nan" }
    if value.isInfinite { return value > 0 ? "inf" : "-inf" }
    return "\(value)"
  }

  private static func configurationComment(_ header: Header) -> String {
    let s = header.settings
    let w = s.windows
    let lines = [
      "stan_version_major = 2",
      "stan_version_minor = 36",
      "stan_version_patch = 0",
      "model = \(header.modelName)",
      "start_datetime = (not recorded: output is byte-identical for a given seed)",
      "method = sample (Default)",
      "  sample",
      "    num_samples = \(s.draws)",
      "    num_warmup = \(s.warmup)",
      "    save_warmup = false",
      "    thin = 1 (Default)",
      "    adapt",
      "      engaged = true (Default)",
      "      gamma = \(number(s.dualAveragingGamma))",
      "      delta = \(number(s.targetAccept))",
      "      kappa = \(number(s.dualAveragingKappa))",
      "      t0 = \(number(s.dualAveragingT0))",
      "      init_buffer = \(w.initBuffer)",
      "      term_buffer = \(w.termBuffer)",
      "      window = \(w.baseWindow)",
      "      save_metric = false (Default)",
      "    algorithm = hmc (Default)",
      "      hmc",
      "        engine = nuts (Default)",
      "          nuts",
      "            max_depth = \(s.maxDepth)",
      "        metric = diag_e (Default)",
      "        metric_file =  (Default)",
      "        stepsize = \(number(s.initialStepSize))",
      "        stepsize_jitter = 0 (Default)",
      "    num_chains = 1 (Default)",
      "id = \(header.chain + 1)",
      "data",
      "  file = \(header.dataFile)",
      "init = \(number(s.initRadius))",
      "random",
      "  seed = \(header.seed)",
      "output",
      "  file = \(header.outputFile)",
      "  diagnostic_file =  (Default)",
      "  refresh = 100 (Default)",
      "  sig_figs = -1 (Default)",
      "  profile_file = profile.csv (Default)",
      "  save_cmdstan_config = false (Default)",
      "num_threads = 1 (Default)",
      "bayes_mmm_metric_adaptation = \(s.metricAdaptation.rawValue)",
    ]
    return lines.map { "# " + $0 + "\n" }.joined()
  }
}
