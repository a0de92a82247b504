extension DataAuditReport {
  /// The readable report: summary, columns and roles, scales, then each finding with its
  /// column, rows and action. Lines are wrapped at `width` columns.
  public func text(width: Int = 100) -> String {
    var lines = summaryLines() + [""] + roleLines() + [""] + scaleLines() + [""]
    let warnings = findings.filter { $0.severity == .warning }.count
    lines.append("Findings: \(warnings) warning\(warnings == 1 ? "" : "s"), "
      + "\(findings.count - warnings) info")
    for finding in findings {
      lines.append("")
      lines += findingLines(finding, width: width)
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private func summaryLines() -> [String] {
    var weeksLine = "\(weeks), \(firstWeek) to \(lastWeek)"
    if let data {
      let missing = (data.weekIndex.last ?? 0) + 1 - weeks
      weeksLine += missing == 0 ? ", no gaps" : ", \(missing) missing"
    }
    return ["Data: \(file)", "  sha256  \(sha256)", "  weeks   \(weeksLine)"]
  }

  private func roleLines() -> [String] {
    var rows = roles.assignments.map { [$0.column, $0.role.rawValue] }
    if let data {
      let downstream = Set(roles.downstreamOfSocial)
      for column in data.unusedColumns.map(\.name) + data.ignoredColumns {
        rows.append([column, downstream.contains(column)
          ? "not used (downstream of social spend)" : "not used"])
      }
    }
    return ["Columns and roles"] + table(rows)
  }

  private func scaleLines() -> [String] {
    var rows = [[roles.outcome, AuditText.money(scales.outcomeMean),
                 "mean over all \(weeks) weeks (scale_y)"]]
    for channel in scales.spend {
      let values = data?.spendChannels.first { $0.name == channel.column }?.values ?? []
      let count = values.filter { $0 != 0 }.count
      rows.append([channel.column, AuditText.money(channel.nonZeroMean),
                   data == nil ? "mean over non-zero weeks" : "mean over \(count) non-zero weeks"])
    }
    if let price = roles.price, let median = scales.medianPrice {
      rows.append([price, AuditText.money(median), "median"])
    }
    return ["Scales"] + table(rows, rightAligned: [1])
  }

  /// Columns padded to their widest cell, two spaces apart, indented by two.
  private func table(_ rows: [[String]], rightAligned: Set<Int> = []) -> [String] {
    let columnCount = rows.map(\.count).max() ?? 0
    let widths = (0..<columnCount).map { column in
      rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0
    }
    return rows.map { cells in
      let padded = cells.enumerated().map { column, cell in
        let padding = String(repeating: " ", count: widths[column] - cell.count)
        if rightAligned.contains(column) { return padding + cell }
        return column == cells.count - 1 ? cell : cell + padding
      }
      return "  " + padded.joined(separator: "  ")
    }
  }

  private func findingLines(_ finding: AuditFinding, width: Int) -> [String] {
    var lines = ["\(finding.severity.rawValue) \(finding.code.rawValue)"]
    if let column = finding.column {
      lines += TextWrap.hanging("  column  ", column, width: width)
    }
    if !finding.rows.isEmpty {
      lines += TextWrap.hanging("  rows    ", RowList.text(finding.rows), width: width)
    }
    lines += TextWrap.hanging("  found   ", finding.message, width: width)
    lines += TextWrap.hanging("  action  ", finding.action, width: width)
    return lines
  }
}

/// Row numbers with runs of three or more collapsed: `[1, 2, 3, 5, 6]` -> "1-3, 5, 6".
enum RowList {
  static func text(_ rows: [Int]) -> String {
    var parts: [String] = []
    var start = 0
    while start < rows.count {
      var end = start
      while end + 1 < rows.count, rows[end + 1] == rows[end] + 1 { end += 1 }
      if end - start >= 2 {
        parts.append("\(rows[start])-\(rows[end])")
      } else {
        parts += rows[start...end].map(String.init)
      }
      start = end + 1
    }
    return parts.joined(separator: ", ")
  }
}

/// Greedy word wrapping with a hanging indent.
enum TextWrap {
  /// `prefix` on the first line, spaces of the same width on the others.
  static func hanging(_ prefix: String, _ text: String, width: Int) -> [String] {
    let indent = String(repeating: " ", count: prefix.count)
    var lines: [String] = []
    var current = prefix
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
      let startsLine = current == prefix || current == indent
      if !startsLine, current.count + 1 + word.count > width {
        lines.append(current)
        current = indent
      }
      current += (current == prefix || current == indent ? "" : " ") + word
    }
    lines.append(current)
    return lines
  }
}
