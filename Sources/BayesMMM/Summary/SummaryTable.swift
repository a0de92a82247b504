import Foundation

/// A table of text cells rendered as aligned plain text or as a GitHub Markdown table.
///
/// ```swift
/// var table = SummaryTable(headers: ["name", "mean"], alignments: [.left, .right])
/// table.rows.append(["beta_google", "0.412"])
/// table.text(indent: "  ")     // columns padded to their widest cell, two spaces apart
/// table.markdown()             // | name | mean |, |---|---:|, ...
/// ```
struct SummaryTable {
  enum Alignment { case left, right }

  var headers: [String]
  var alignments: [Alignment]
  var rows: [[String]] = []

  init(headers: [String], alignments: [Alignment]) {
    self.headers = headers
    self.alignments = alignments
  }

  /// Aligned columns separated by two spaces, each line prefixed by `indent`; no trailing
  /// spaces.
  func text(indent: String = "  ") -> String {
    let widths = headers.indices.map { column in
      ([headers] + rows).map { $0[column].count }.max() ?? 0
    }
    func line(_ cells: [String]) -> String {
      let padded = cells.enumerated().map { column, cell in
        let padding = String(repeating: " ", count: widths[column] - cell.count)
        return alignments[column] == .left ? cell + padding : padding + cell
      }
      var text = indent + padded.joined(separator: "  ")
      while text.hasSuffix(" ") { text.removeLast() }
      return text
    }
    return ([line(headers)] + rows.map(line)).joined(separator: "\n") + "\n"
  }

  /// A GitHub-flavoured Markdown table; `|` inside cells is escaped.
  func markdown() -> String {
    func line(_ cells: [String]) -> String {
      "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ")
        + " |"
    }
    let rule = "|" + alignments.map { $0 == .left ? " --- |" : " ---: |" }.joined()
    return ([line(headers), rule] + rows.map(line)).joined(separator: "\n") + "\n"
  }
}

/// `text` broken into lines of at most `width` characters (words are never split), each
/// prefixed by `indent`.
func wrapped(_ text: String, width: Int = 100, indent: String = "  ") -> String {
  var lines: [String] = []
  var current = indent
  for word in text.split(separator: " ") {
    if current.count > indent.count, current.count + 1 + word.count > width {
      lines.append(current)
      current = indent
    }
    current += (current.count > indent.count ? " " : "") + word
  }
  if current.count > indent.count { lines.append(current) }
  return lines.joined(separator: "\n") + "\n"
}
