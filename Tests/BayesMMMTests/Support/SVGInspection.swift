import Foundation
import XCTest

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// The elements of one rendered SVG chart, parsed as XML, for geometric assertions.
///
/// Text extents are estimated as the report lays text out: 0.55 em per character, 0.58 em
/// bold (`SVGText`), from the anchor (start, middle or end).
final class SVGInspection: NSObject, XMLParserDelegate {
  struct Element {
    let name: String
    let attributes: [String: String]
    var text = ""

    func number(_ key: String) -> Double? { attributes[key].flatMap(Double.init) }
  }

  private(set) var elements: [Element] = []
  private var openText: Int?
  private(set) var wellFormed = false

  init(_ svg: String) {
    let parser = XMLParser(data: Data(svg.utf8))
    super.init()
    parser.delegate = self
    wellFormed = parser.parse()
  }

  func parser(
    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
    qualifiedName: String?, attributes: [String: String] = [:]
  ) {
    elements.append(Element(name: name, attributes: attributes))
    if name == "text" { openText = elements.count - 1 }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    if let openText { elements[openText].text += string }
  }

  func parser(
    _ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?
  ) {
    if name == "text" { openText = nil }
  }

  /// The root's view box (width, height).
  var viewBox: (width: Double, height: Double) {
    let values = (elements.first { $0.name == "svg" }?.attributes["viewBox"] ?? "")
      .split(separator: " ").compactMap { Double($0) }
    return values.count == 4 ? (values[2], values[3]) : (0, 0)
  }

  func all(_ name: String) -> [Element] { elements.filter { $0.name == name } }

  /// Horizontal extent of an unrotated text element.
  static func horizontalExtent(_ text: Element) -> (Double, Double)? {
    guard let x = text.number("x") else { return nil }
    let size = text.number("font-size") ?? 12
    let bold = text.attributes["font-weight"] == "bold"
    let width = Double(text.text.count) * size * (bold ? 0.58 : 0.55)
    switch text.attributes["text-anchor"] ?? "start" {
    case "middle": return (x - width / 2, x + width / 2)
    case "end": return (x - width, x)
    default: return (x, x + width)
    }
  }

  /// Texts whose estimated extent leaves the view box (rotated labels: their vertical span).
  func textsOutsideViewBox() -> [String] {
    let box = viewBox
    var outside: [String] = []
    for text in all("text") {
      if let transform = text.attributes["transform"] {
        // "translate(x y) rotate(-90)": the text runs vertically, centred on y.
        let numbers = transform.split(whereSeparator: { "() ".contains($0) })
          .compactMap { Double($0) }
        guard numbers.count >= 2 else { continue }
        let size = text.number("font-size") ?? 12
        let half = Double(text.text.count) * size * 0.55 / 2
        if numbers[1] - half < 0 || numbers[1] + half > box.height { outside.append(text.text) }
        continue
      }
      guard let (left, right) = Self.horizontalExtent(text) else { continue }
      if left < 0 || right > box.width { outside.append(text.text) }
    }
    return outside
  }
}
