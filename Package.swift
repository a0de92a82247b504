// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "bayes-mmm",
  platforms: [.macOS(.v13)],
  products: [
    .library(name: "BayesMMM", targets: ["BayesMMM"]),
    .executable(name: "bayes-mmm", targets: ["bayes-mmm"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
  ],
  targets: [
    .systemLibrary(
      name: "CGSL",
      pkgConfig: "gsl",
      providers: [.apt(["libgsl-dev"]), .brew(["gsl"])]
    ),
    .target(
      name: "BayesMMM",
      dependencies: ["CGSL"]
    ),
    .executableTarget(
      name: "bayes-mmm",
      dependencies: [
        "BayesMMM",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(
      name: "BayesMMMTests",
      dependencies: ["BayesMMM", "CGSL"]
    ),
    .testTarget(
      name: "BayesMMMCLITests",
      dependencies: ["BayesMMM"]
    ),
  ]
)
