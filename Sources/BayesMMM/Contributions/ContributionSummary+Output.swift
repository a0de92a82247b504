/// The contributions as CSV and JSON: what `bayes-mmm contributions` prints. Figures are
/// revenue in the data's currency.
extension ContributionSummary {
  /// Every series in output order: the parts, then baseline and interaction.
  public var allSeries: [Series] { parts + [baseline, interaction] }

  /// Columns `date, part, mean, median, q05, q95`: one row per week and series (parts, then
  /// `baseline` and `interaction`), then one row per series whose date is `total` (the
  /// window total).
  public var csv: String {
    func row(_ date: String, _ name: String, _ statistics: PosteriorStatistics) -> String {
      ([date, csvField(name)] + numbers(statistics)).joined(separator: ",")
    }
    var rows = ["date,part,mean,median,q05,q95"]
    for (t, date) in dates.enumerated() {
      for series in allSeries { rows.append(row(date, series.name, series.weekly[t])) }
    }
    for series in allSeries { rows.append(row("total", series.name, series.total)) }
    return rows.joined(separator: "\n") + "\n"
  }

  /// `{"convention", "interval": 0.9, "draws", "paths", "weeks": [date], "floor_weeks":
  /// [date], "parts": [{"name", "kind", "weekly": [{mean, median, q05, q95}], "total":
  /// {...}}], "baseline": {"weekly", "total"}, "interaction": {"weekly", "total"}}`.
  public var json: JSONValue {
    func object(_ statistics: PosteriorStatistics) -> JSONValue {
      .object([
        ("mean", .number(statistics.mean)), ("median", .number(statistics.median)),
        ("q05", .number(statistics.lower90)), ("q95", .number(statistics.upper90)),
      ])
    }
    func series(_ series: Series, named: Bool) -> JSONValue {
      let head: [(key: String, value: JSONValue)] =
        named ? [("name", .string(series.name)), ("kind", .string(series.kind))] : []
      return .object(
        head + [
          ("weekly", .array(series.weekly.map(object))), ("total", object(series.total)),
        ])
    }
    return .object([
      ("convention", .string(Self.convention)), ("interval", .number(0.9)),
      ("draws", .number(Double(drawCount))), ("paths", .number(Double(paths))),
      ("weeks", .array(dates.map { .string($0) })),
      ("floor_weeks", .array(floorWeeks.map { .string($0) })),
      ("parts", .array(parts.map { series($0, named: true) })),
      ("baseline", series(baseline, named: false)),
      ("interaction", series(interaction, named: false)),
    ])
  }

  private func numbers(_ statistics: PosteriorStatistics) -> [String] {
    [statistics.mean, statistics.median, statistics.lower90, statistics.upper90].map(
      NumberText.plain)
  }

  /// A CSV field, quoted when it holds a comma or a quote.
  private func csvField(_ text: String) -> String {
    guard text.contains(",") || text.contains("\"") else { return text }
    return "\""
      + text.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"")
      + "\""
  }
}
