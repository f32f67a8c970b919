// swift-tools-version: 6.0
import PackageDescription

// The layers of Together, from the bottom up. Each module is one layer:
//   CNcursesw            the only C of our own: wide-character ncurses and signal handling
//   CXlsxwriter          libxlsxwriter, the system's C library for Excel workbooks
//   TogetherContent      content packs (frameworks as data) loaded from assets/
//   TogetherPublishing   the document model (headings, lists, tables, bar charts) and its Markdown and HTML;
//                        plain text with no control characters
//   TogetherCore         pure: session model, stages, state, actions, reduce, keymap, render to a grid
//   TogetherPersistence  session files: codec with schema checks, atomic writer, the sessions folder
//   TogetherTerminal     the Terminal protocol, ncurses and in-memory test terminals
//   TogetherAggregate    reading many sessions and tallying them
//   TogetherWorkbook     the tally's workbook plan written as .xlsx through libxlsxwriter
//   TogetherApp          the main loop that joins the layers (no argument parsing)
//   together             the executable: arguments only
let package = Package(
    name: "Together",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "together", targets: ["together"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
    ],
    targets: [
        .target(
            name: "CNcursesw",
            cSettings: [.define("_DEFAULT_SOURCE")],
            linkerSettings: [.linkedLibrary("ncursesw")]
        ),
        .systemLibrary(name: "CXlsxwriter", path: "Sources/CXlsxwriter"),
        .target(name: "TogetherContent"),
        .target(name: "TogetherPublishing"),
        .target(name: "TogetherCore", dependencies: ["TogetherContent", "TogetherPublishing"]),
        .target(name: "TogetherPersistence", dependencies: ["TogetherCore", "TogetherPublishing"]),
        .target(name: "TogetherTerminal", dependencies: ["TogetherCore", "CNcursesw"]),
        .target(name: "TogetherAggregate", dependencies: [
            "TogetherCore", "TogetherPersistence", "TogetherContent", "TogetherPublishing",
        ]),
        .target(name: "TogetherWorkbook", dependencies: ["TogetherAggregate", "CXlsxwriter"]),
        .target(name: "TogetherApp", dependencies: [
            "TogetherCore", "TogetherContent", "TogetherPersistence", "TogetherTerminal", "TogetherPublishing",
        ]),
        .executableTarget(name: "together", dependencies: [
            "TogetherApp", "TogetherAggregate", "TogetherWorkbook", "TogetherContent", "TogetherPersistence", "TogetherCore",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "TogetherTests", dependencies: [
            "TogetherCore", "TogetherContent", "TogetherPersistence", "TogetherTerminal",
            "TogetherAggregate", "TogetherWorkbook", "TogetherApp", "TogetherPublishing", "together",
        ], exclude: ["__Snapshots__", "Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
