/// A report as a list of blocks, rendered to plain text or GitHub Markdown; the text and
/// Markdown summaries are the same document.
struct SummaryDocument {
  enum Block {
    /// Level 1 is the title, 2 a section, 3 a subsection.
    case heading(String, level: Int)
    /// Prose, wrapped at 100 columns in text.
    case paragraph(String)
    case table(SummaryTable)
    /// Label / value lines.
    case facts([(label: String, value: String)])
    /// Bulleted items.
    case list([String])
  }

  var blocks: [Block] = []

  mutating func append(_ block: Block) { blocks.append(block) }

  /// Plain text: sections in capitals, content indented by two spaces, one blank line
  /// between blocks.
  func text() -> String {
    blocks.map { block -> String in
      switch block {
      case .heading(let title, let level):
        switch level {
        case 1: return title + "\n"
        case 2: return title.uppercased() + "\n"
        default: return "  " + title + "\n"
        }
      case .paragraph(let text):
        return wrapped(text)
      case .table(let table):
        return table.text(indent: "  ")
      case .facts(let facts):
        let width = facts.map(\.label.count).max() ?? 0
        return facts.map { fact in
          "  " + fact.label + String(repeating: " ", count: width - fact.label.count) + "  "
            + fact.value + "\n"
        }.joined()
      case .list(let items):
        return items.map { item in
          let body = wrapped(item, indent: "    ")
          return "  - " + body.dropFirst(4)
        }.joined()
      }
    }.joined(separator: "\n")
  }

  /// GitHub-flavoured Markdown.
  func markdown() -> String {
    blocks.map { block -> String in
      switch block {
      case .heading(let title, let level):
        return String(repeating: "#", count: max(level, 1)) + " " + title + "\n"
      case .paragraph(let text):
        // A leading "* " (a footnote mark) would start a bullet list.
        return (text.hasPrefix("* ") ? "\\" : "") + text + "\n"
      case .table(let table):
        return table.markdown()
      case .facts(let facts):
        return facts.map { "- **\($0.label)**: \($0.value)\n" }.joined()
      case .list(let items):
        return items.map { "- \($0)\n" }.joined()
      }
    }.joined(separator: "\n")
  }
}
