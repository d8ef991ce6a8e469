// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Strata",
    products: [
        .library(name: "Strata", targets: ["Strata"]),
        .executable(name: "strata", targets: ["strata"]),
    ],
    targets: [
        .target(name: "Strata", path: "Sources/Strata", linkerSettings: [.linkedLibrary("m")]),
        .executableTarget(name: "strata", dependencies: ["Strata"], path: "Sources/strata"),
        .testTarget(
            name: "StrataTests",
            dependencies: ["Strata"],
            path: "Tests/StrataTests",
            exclude: ["Golden"]
        ),
    ]
)
