import Foundation
import XCTest

@testable import BayesMMM

final class PriorJSONTests: XCTestCase {
  private let file = "priors/default.json"

  private func message(
    _ json: JSONValue, keyPath: String = "x", file: String = "priors/default.json"
  ) -> String? {
    do {
      _ = try Prior(json: json, keyPath: keyPath, file: file)
      return nil
    } catch let error as PriorsError {
      return error.description
    } catch {
      return "unexpected error type: \(error)"
    }
  }

  func testEveryFamilyReadsFromItsDocumentedObject() throws {
    let expectations: [(JSONValue, PriorFamily)] = [
      (["family": "normal", "mean": 0, "sd": 1], .normal(mean: 0, sd: 1)),
      (["family": "half_normal", "sd": 2], .halfNormal(sd: 2)),
      (["family": "lognormal", "mu": -0.5, "sigma": 0.7], .logNormal(mu: -0.5, sigma: 0.7)),
      (["family": "gamma", "shape": 2, "rate": 1], .gamma(shape: 2, rate: 1)),
      (["family": "beta", "alpha": 2, "beta": 2], .beta(alpha: 2, beta: 2)),
      (["family": "exponential", "rate": 1], .exponential(rate: 1)),
      (
        ["family": "student_t", "nu": 3, "location": 0, "scale": 1],
        .studentT(nu: 3, location: 0, scale: 1)
      ),
      (["family": "half_student_t", "nu": 3, "scale": 1], .halfStudentT(nu: 3, scale: 1)),
      (
        ["family": "truncated_normal", "mean": 0, "sd": 1, "lower": 0, "upper": 1],
        .truncatedNormal(mean: 0, sd: 1, lower: 0, upper: 1)
      ),
      (
        ["family": "truncated_normal", "mean": 0, "sd": 1, "lower": 0],
        .truncatedNormal(mean: 0, sd: 1, lower: 0, upper: .infinity)
      ),
      (
        ["family": "truncated_normal", "mean": 0, "sd": 1, "upper": 1],
        .truncatedNormal(mean: 0, sd: 1, lower: -.infinity, upper: 1)
      ),
    ]
    for (json, family) in expectations {
      let prior = try Prior(json: json, keyPath: "x", file: file)
      XCTAssertEqual(prior.family, family)
      // Writing gives the documented object back, family first, parameters in order.
      XCTAssertEqual(prior.json, json)
      XCTAssertEqual(try Prior(json: prior.json, keyPath: "x"), prior)
    }
  }

  func testReadsFromParsedFileText() throws {
    let text = """
      {
        "hill_shape": {"default": {"family": "lognormal", "mu": 0.3, "sigma": 0.4}},
        "promo_lift": {"sd": 0.5, "family": "normal", "mean": 0}
      }
      """
    let document = try JSONValue(parsing: Data(text.utf8))
    let shape = try XCTUnwrap(document["hill_shape"]?["default"])
    XCTAssertEqual(
      try Prior(json: shape, keyPath: "hill_shape.default", file: file).family,
      .logNormal(mu: 0.3, sigma: 0.4))
    let lift = try XCTUnwrap(document["promo_lift"])
    XCTAssertEqual(
      try Prior(json: lift, keyPath: "promo_lift", file: file).family, .normal(mean: 0, sd: 0.5))
  }

  func testUnknownFamily() {
    XCTAssertEqual(
      message(["family": "betta", "alpha": 2, "beta": 2], keyPath: "hill_half_saturation"),
      #"priors/default.json: key "hill_half_saturation.family": unknown family "betta" "#
        + "(expected one of normal, half_normal, lognormal, gamma, beta, exponential, "
        + "student_t, half_student_t, truncated_normal)")
  }

  func testNonPositiveScale() {
    XCTAssertEqual(
      message(["family": "normal", "mean": 0, "sd": -1], keyPath: "price_elasticity"),
      #"priors/default.json: key "price_elasticity.sd": must be > 0, got -1"#)
    XCTAssertEqual(
      message(["family": "gamma", "shape": 0, "rate": 1]),
      #"priors/default.json: key "x.shape": must be > 0, got 0"#)
    XCTAssertEqual(
      message(["family": "half_student_t", "nu": 3, "scale": -0.25]),
      #"priors/default.json: key "x.scale": must be > 0, got -0.25"#)
  }

  func testMissingParameter() {
    XCTAssertEqual(
      message(["family": "normal", "mean": 0], keyPath: "promo_lift"),
      #"priors/default.json: key "promo_lift": missing parameter "sd" for family normal"#)
    XCTAssertEqual(
      message(["family": "student_t", "nu": 3, "scale": 1]),
      #"priors/default.json: key "x": missing parameter "location" for family student_t"#)
  }

  func testParameterOfTheWrongType() {
    XCTAssertEqual(
      message(["family": "normal", "mean": "0", "sd": 1]),
      #"priors/default.json: key "x.mean": expected a number, got a string"#)
    XCTAssertEqual(
      message(["family": "beta", "alpha": true, "beta": 2]),
      #"priors/default.json: key "x.alpha": expected a number, got a boolean"#)
    XCTAssertEqual(
      message(["family": "exponential", "rate": nil]),
      #"priors/default.json: key "x.rate": expected a number, got null"#)
  }

  func testUnknownParameter() {
    XCTAssertEqual(
      message(["family": "normal", "mean": 0, "sd": 1, "scale": 2]),
      #"priors/default.json: key "x.scale": unknown parameter for family normal "#
        + "(expected mean, sd)")
    XCTAssertEqual(
      message(["family": "truncated_normal", "mean": 0, "sd": 1, "lower": 0, "uper": 1]),
      #"priors/default.json: key "x.uper": unknown parameter for family truncated_normal "#
        + "(expected mean, sd, lower, upper)")
  }

  func testShapeOfThePriorObject() {
    XCTAssertEqual(
      message(3),
      #"priors/default.json: key "x": expected an object with a "family", got a number"#)
    XCTAssertEqual(
      message(["mean": 0, "sd": 1]),
      #"priors/default.json: key "x": missing "family" (expected one of normal, "#
        + "half_normal, lognormal, gamma, beta, exponential, student_t, half_student_t, "
        + "truncated_normal)")
    XCTAssertEqual(
      message(["family": ["normal"], "mean": 0, "sd": 1]),
      #"priors/default.json: key "x.family": expected a string, got an array"#)
  }

  func testTruncationBounds() {
    XCTAssertEqual(
      message(["family": "truncated_normal", "mean": 0, "sd": 1]),
      #"priors/default.json: key "x": family truncated_normal needs at least one of "#
        + #""lower", "upper""#)
    XCTAssertEqual(
      message(["family": "truncated_normal", "mean": 0, "sd": 1, "lower": 1, "upper": 0]),
      #"priors/default.json: key "x.upper": must be > lower (1), got 0"#)
    XCTAssertEqual(
      message(["family": "truncated_normal", "mean": 0, "sd": 1, "lower": 40]),
      #"priors/default.json: key "x": truncation interval (40, inf) has probability 0 "#
        + "under a normal with mean 0 and sd 1")
  }

  func testFileAndKeyPathAreLeftOutWhenEmpty() {
    XCTAssertEqual(
      message(["family": "half_normal", "sd": 0], keyPath: "", file: ""),
      "key \"sd\": must be > 0, got 0")
    XCTAssertEqual(
      message(["sd": 1], keyPath: "", file: "p.json")?.hasPrefix("p.json: missing"), true)
  }

  func testPriorsBuiltInCodeAreValidatedToo() {
    func message(_ family: PriorFamily) -> String? {
      do {
        _ = try Prior(family)
        return nil
      } catch {
        return "\(error)"
      }
    }
    XCTAssertEqual(message(.normal(mean: .nan, sd: 1)), #"key "mean": must be finite, got nan"#)
    XCTAssertEqual(message(.halfNormal(sd: .infinity)), #"key "sd": must be finite, got inf"#)
    XCTAssertEqual(message(.logNormal(mu: 0, sigma: -0.0)), #"key "sigma": must be > 0, got -0"#)
    XCTAssertEqual(
      message(.truncatedNormal(mean: 0, sd: 1, lower: -.infinity, upper: .infinity)),
      #"family truncated_normal needs at least one of "lower", "upper""#)
    XCTAssertEqual(
      message(.truncatedNormal(mean: 0, sd: 1, lower: .infinity, upper: .infinity)),
      #"key "lower": must be a finite number or absent, got inf"#)
    XCTAssertNil(message(.studentT(nu: 0.5, location: -3, scale: 2)))
  }
}
