// swift-tools-version:6.1
import PackageDescription

let package = Package(
  name: "retro",
  platforms: [.macOS(.v13)],
  products: [
    .library(name: "RetroCore", targets: ["RetroCore"]),
    .library(name: "RetroLint", targets: ["RetroLint"]),
    .library(name: "RetroIndex", targets: ["RetroIndex"]),
    .library(name: "RetroPublish", targets: ["RetroPublish"]),
    .library(name: "RetroLanguageServer", targets: ["RetroLanguageServer"]),
    .executable(name: "retro", targets: ["retro"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
  ],
  targets: [
    .systemLibrary(
      name: "CCmark",
      pkgConfig: "libcmark",
      providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
    ),
    .target(
      name: "RetroCore",
      dependencies: ["CCmark", .product(name: "Yams", package: "Yams")]
    ),
    .target(
      name: "RetroLint",
      dependencies: ["RetroCore"]
    ),
    .target(
      name: "RetroIndex",
      dependencies: [
        "RetroCore", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
      ]
    ),
    .target(
      name: "RetroPublish",
      dependencies: ["RetroCore", "RetroIndex", .product(name: "Mustache", package: "swift-mustache")]
    ),
    .target(
      name: "RetroLanguageServer",
      dependencies: ["RetroCore", "RetroLint", "RetroIndex"]
    ),
    .executableTarget(
      name: "retro",
      dependencies: [
        "RetroCore",
        "RetroLint",
        "RetroIndex",
        "RetroPublish",
        "RetroLanguageServer",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(
      name: "RetroCoreTests",
      dependencies: ["RetroCore"],
      exclude: ["Fixtures"]
    ),
    .testTarget(
      name: "RetroLintTests",
      dependencies: ["RetroLint", "RetroCore"],
      exclude: ["Fixtures"]
    ),
    .testTarget(
      name: "RetroIndexTests",
      dependencies: ["RetroIndex", "RetroCore"]
    ),
    .testTarget(
      name: "RetroPublishTests",
      dependencies: ["RetroPublish", "RetroCore", "RetroIndex"],
      exclude: ["Fixtures"]
    ),
    .testTarget(
      name: "RetroLanguageServerTests",
      dependencies: ["RetroLanguageServer", "RetroLint", "RetroCore"]
    ),
    .testTarget(
      name: "RetroCLITests",
      dependencies: ["RetroCore", "retro"],
      exclude: ["Fixtures"]
    ),
  ]
)
