import Foundation

/// The summary as one long CSV table, one value per line:
///
/// ```
/// section,name,channel,effect,contrast,statistic,value
/// parameters,beta_google,,,,mean,0.4123
/// effects,,facebook_spend,total,zero,median,125000.5
/// fit,bayesian_r2,,,,median,0.87
/// fit,floor_week_predictions.1,,,,date,2023-11-05
/// diagnostics,warning.1,,,,text,"R-hat above 1.01 for ..."
/// ```
///
/// Sections and statistics carry the names and keys of the JSON output (docs/summary-json.md),
/// so `section` + `name` (or `channel`, `effect`, `contrast` for effects) + `statistic`
/// identifies a value in both. Numbers are written in shortest round-trip form, `nan` for
/// undefined ones; unknown values are empty. Fields with a comma, quote or line break are
/// quoted (RFC 4180).
extension RunSummary {
  public func csv() -> String {
    var lines = ["section,name,channel,effect,contrast,statistic,value"]
    func add(
      _ section: String, _ name: String, _ statistics: JSONValue, skipping: Set<String> = [],
      channel: String = "", effect: String = "", contrast: String = ""
    ) {
      for member in statistics.objectMembers ?? [] where !skipping.contains(member.key) {
        lines.append(
          [section, name, channel, effect, contrast, member.key, Self.csvValue(member.value)]
            .map(Self.csvField).joined(separator: ","))
      }
    }
    for row in parameters { add("parameters", row.name, row.json, skipping: ["name"]) }
    for row in effects {
      add(
        "effects", "", row.json, skipping: ["channel", "effect", "contrast"],
        channel: row.channel, effect: row.effect.rawValue, contrast: row.contrast.rawValue)
    }
    let levers: [(String, JSONValue?)] = [
      ("price", price?.json), ("promotion", promotion?.json), ("google", google.json),
    ]
    for case (let section, let object?) in levers {
      for member in object.objectMembers ?? [] {
        if case .number = member.value {
          add(section, member.key, ["value": member.value])
        } else {
          add(section, member.key, member.value)
        }
      }
    }
    if let fit {
      for member in fit.json.objectMembers ?? [] {
        switch member.value {
        case .object:
          add("fit", member.key, member.value)
        case .array(let items):
          for (index, item) in items.enumerated() { add("fit", "\(member.key).\(index + 1)", item) }
        default:
          add("fit", member.key, ["value": member.value])
        }
      }
    }
    for member in diagnostics.json.objectMembers ?? [] {
      switch member.value {
      case .array(let items):
        for (index, item) in items.enumerated() {
          let statistic: JSONValue = item.stringValue == nil ? ["value": item] : ["text": item]
          add(
            "diagnostics", "\(member.key == "warnings" ? "warning" : member.key).\(index + 1)",
            statistic)
        }
      default:
        add("diagnostics", member.key, ["value": member.value])
      }
    }
    add("assumption", "", ["text": .string(assumption)])
    return lines.joined(separator: "\n") + "\n"
  }

  private static func csvValue(_ value: JSONValue) -> String {
    switch value {
    case .null: return ""
    case .bool(let flag): return flag ? "true" : "false"
    case .number(let number): return JSONValue.readableNumber(number)
    case .string(let text): return text
    case .array, .object: return value.serialized(pretty: false)
    }
  }

  private static func csvField(_ field: String) -> String {
    guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
      return field
    }
    return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
