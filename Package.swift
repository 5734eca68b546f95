// swift-tools-version:6.1
import PackageDescription

// Linux only: the output is swapped with renameat2(RENAME_EXCHANGE) and files are written with Glibc.
let package = Package(
    name: "phiencho",
    products: [
        .executable(name: "phiencho", targets: ["phiencho"]),
        .library(name: "PhienchoKit", targets: ["PhienchoKit"]),
    ],
    dependencies: [
        // The reference the template engine is checked against: pinned, so the reference cannot move.
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
        // Writes the report's .xlsx workbook (an OOXML package is a zip archive).
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .systemLibrary(
            name: "CQRencode",
            pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"])]
        ),
        .target(name: "CPlatform"),
        // The targets follow the data flow (docs/architecture.md). What rendering can name is what
        // its dependencies hold: the shared core and the public model, never content, seekers or
        // the leak audit (tests/acceptance/test_module_boundaries.py compiles a probe to show it).
        // Shared core: diagnostics, text, dates, escaping, output files.
        .target(name: "PhienchoCore", dependencies: ["CPlatform"]),
        // The public model: what pages may show, and the routes.
        .target(name: "PhienchoModel", dependencies: ["PhienchoCore"]),
        // Templates, pages, feeds, the search index, structured data: from the public model only.
        .target(name: "PhienchoRender", dependencies: ["PhienchoCore", "PhienchoModel", "CQRencode"]),
        // Content: files → front matter, YAML and Markdown → typed values and diagnostics, and
        // the plausibility of what they say.
        .target(name: "PhienchoContent", dependencies: ["PhienchoCore", "PhienchoModel", "CCmark", "CLibYAML"]),
        // What is published at `now`, and the public projection: the only target that names both
        // the domain values and the public ones. Also the figures the statistics page and the
        // report share.
        .target(name: "PhienchoPublication", dependencies: ["PhienchoCore", "PhienchoModel", "PhienchoContent"]),
        // Seeker files, the places they name, and the leak audit of the rendered output.
        .target(name: "PhienchoAudit", dependencies: ["PhienchoCore", "PhienchoContent", "CPlatform"]),
        // The output folder: the guard, the staging folder and the swap, and clean-up when interrupted.
        .target(name: "PhienchoOutput", dependencies: ["PhienchoCore", "CPlatform"]),
        // Reading .xlsx and .ods, writing .xlsx and .docx (ZIPFoundation for the packages).
        .target(
            name: "PhienchoSpreadsheets",
            dependencies: ["PhienchoCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // Staff tools that write content: spreadsheet import, new vacancy, templates.
        .target(
            name: "PhienchoImport",
            dependencies: ["PhienchoCore", "PhienchoModel", "PhienchoContent", "PhienchoAudit", "PhienchoSpreadsheets"]
        ),
        // The half-year and year report: workbook, document and page.
        .target(
            name: "PhienchoReport",
            dependencies: [
                "PhienchoCore", "PhienchoModel", "PhienchoContent", "PhienchoPublication", "PhienchoRender",
                "PhienchoOutput", "PhienchoSpreadsheets",
            ]
        ),
        // The build as a list of stages, and the preview server.
        .target(
            name: "PhienchoKit",
            dependencies: [
                "PhienchoCore",
                "PhienchoModel",
                "PhienchoContent",
                "PhienchoRender",
                "PhienchoPublication",
                "PhienchoAudit",
                "PhienchoOutput",
                "PhienchoImport",
                "PhienchoReport",
                "CPlatform",
                .product(name: "FlyingFox", package: "FlyingFox"),
            ]
        ),
        .executableTarget(
            name: "phiencho",
            dependencies: [
                "PhienchoKit",
                "PhienchoCore",
                "PhienchoContent",
                "PhienchoOutput",
                "PhienchoImport",
                "PhienchoReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "PhienchoKitTests",
            dependencies: [
                "PhienchoKit",
                "PhienchoCore",
                "PhienchoModel",
                "PhienchoContent",
                "PhienchoRender",
                "PhienchoPublication",
                "PhienchoAudit",
                "PhienchoOutput",
                "PhienchoSpreadsheets",
                "PhienchoImport",
                "PhienchoReport",
                .product(name: "PropertyBased", package: "swift-property-based"),
                // The reference the template engine is tested against (Tests/PhienchoKitTests/Templates).
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.copy("Fixtures")]
        ),
    ]
)
