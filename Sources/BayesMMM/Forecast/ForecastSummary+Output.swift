/// The forecast as text, CSV and JSON: what `bayes-mmm forecast` prints.
///
/// Every table has one row per plan week and a `total` row (sums over the plan, per sample);
/// revenue and Google spend are in the data's currency.
extension ForecastSummary {
  /// Where Google's figures come from: `given` (the plan's column) or `simulated` (the
  /// hurdle's paths, MODEL.md 3.2).
  public var googleSource: String { googleGiven ? "given" : "simulated" }

  /// An aligned table, revenue to 2 decimals with thousands separators.
  public var text: String {
    let header = [
      "week", "revenue_mean", "revenue_median", "revenue_q05", "revenue_q95", "google_mean",
      "google_median", "google_q05", "google_q95",
    ]
    func cells(_ label: String, _ revenue: Statistics, _ google: Statistics) -> [String] {
      [label]
        + [
          revenue.mean, revenue.median, revenue.q05, revenue.q95, google.mean, google.median,
          google.q05, google.q95,
        ].map { NumberText.grouped($0, decimals: 2) }
    }
    let rows =
      [header] + weeks.map { cells($0.date, $0.revenue, $0.googleSpend) }
      + [cells("total", totalRevenue, totalGoogleSpend)]
    let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
    var lines = [
      "Forecast: \(weeks.count) plan week\(weeks.count == 1 ? "" : "s"), \(sampleCount) "
        + "predictive samples per week; Google spend \(googleSource)"
        + (googleGiven ? " (the plan's)" : " (the search spend the plan brings about)"),
      "Revenue and Google spend in currency: mean, median and the central 90% interval "
        + "(q05, q95).",
      "",
    ]
    for row in rows {
      lines.append(
        row.indices.map { $0 == 0 ? pad(row[$0], widths[$0]) : leftPad(row[$0], widths[$0]) }
          .joined(separator: "  "))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Columns `week, revenue_mean, revenue_median, revenue_q05, revenue_q95, google_source,
  /// google_mean, google_median, google_q05, google_q95`; the last row's week is `total`.
  public var csv: String {
    func row(_ label: String, _ revenue: Statistics, _ google: Statistics) -> String {
      ([label] + numbers(revenue) + [googleSource] + numbers(google)).joined(separator: ",")
    }
    let header =
      "week,revenue_mean,revenue_median,revenue_q05,revenue_q95,google_source,google_mean,"
      + "google_median,google_q05,google_q95"
    let rows =
      [header] + weeks.map { row($0.date, $0.revenue, $0.googleSpend) }
      + [row("total", totalRevenue, totalGoogleSpend)]
    return rows.joined(separator: "\n") + "\n"
  }

  /// `{"google_source", "samples_per_week", "interval": 0.9, "weeks": [{"week", "revenue":
  /// {mean, median, q05, q95}, "google_spend": {...}}], "total": {"revenue", "google_spend"}}`.
  public var json: JSONValue {
    return .object([
      ("google_source", .string(googleSource)),
      ("samples_per_week", .number(Double(sampleCount))),
      ("interval", .number(0.9)),
      (
        "weeks",
        .array(
          weeks.map {
            .object([
              ("week", .string($0.date)), ("revenue", $0.revenue.json),
              ("google_spend", $0.googleSpend.json),
            ])
          })
      ),
      (
        "total",
        .object([
          ("revenue", totalRevenue.json), ("google_spend", totalGoogleSpend.json),
        ])
      ),
    ])
  }

  private func numbers(_ statistics: Statistics) -> [String] {
    [statistics.mean, statistics.median, statistics.q05, statistics.q95].map(NumberText.plain)
  }
}

extension ForecastSummary.Statistics {
  /// `{"mean", "median", "q05", "q95"}`: how the decision commands write a currency figure.
  public var json: JSONValue {
    .object([
      ("mean", .number(mean)), ("median", .number(median)), ("q05", .number(q05)),
      ("q95", .number(q95)),
    ])
  }
}
