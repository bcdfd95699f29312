// swift-tools-version:6.1
// The fuzzing harness: a separate package so the project's own build never needs
// -sanitize=fuzzer. Build and run it with Fuzz/run.sh.
import PackageDescription

let package = Package(
  name: "RetroFuzz",
  dependencies: [.package(name: "retro", path: "..")],
  targets: [
    .executableTarget(
      name: "RetroFuzz",
      dependencies: [
        .product(name: "RetroCore", package: "retro"),
        .product(name: "RetroLint", package: "retro"),
        .product(name: "RetroPublish", package: "retro"),
      ],
      swiftSettings: [.unsafeFlags(["-parse-as-library"])]
    )
  ]
)
