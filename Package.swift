// swift-tools-version:6.1
import PackageDescription

// Dependency direction, top to bottom (see docs/ARCHITECTURE.md):
//   relance (CLI) → RelanceDaemon → RelanceStore, CurlMail, RelanceMail, RelanceImport → RelanceCore
// RelanceCore, RelanceImport and RelanceMail are pure: no file system, network, clock or database.
let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Relance",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "relance", targets: ["relance"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // The web console: HTTP server and bcrypt. No configuration-package trait: the console
        // reads its settings from relance.toml like everything else.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        // The PostgreSQL store, for several daemons sharing one book (issue 16; not complete yet).
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // libcurl, with typed shims around its variadic setters.
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        // SMTP and IMAP over libcurl: knows mail protocols, not invoices.
        .target(name: "CurlMail", dependencies: ["CCurl"], swiftSettings: strict),
        // libqrencode (Debian: libqrencode-dev), for the EPC payment QR code on letters.
        .systemLibrary(
            name: "CQREncode",
            pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"])]
        ),
        // A QR code as an SVG, drawn by libqrencode: pure (text in, picture out).
        .target(name: "QREncoding", dependencies: ["CQREncode"], swiftSettings: strict),

        // Pure domain: money, dates, invoices, aged balance, planning.
        .target(name: "RelanceCore", swiftSettings: strict),
        // Pure parsers for every accepted export, with precise errors.
        .target(name: "RelanceImport", dependencies: ["RelanceCore"], swiftSettings: strict),
        // Pure mail: compose outgoing MIME, parse and classify incoming mail, reference tokens.
        .target(
            name: "RelanceMail",
            dependencies: [
                "RelanceCore", "QREncoding",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: strict
        ),
        // The SQLite store (GRDB) behind intention-named operations.
        .target(
            name: "RelanceStore",
            dependencies: [
                "RelanceCore", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Crypto", package: "swift-crypto"),
                // SQLite's C interface, for the WAL hook GRDB does not wrap (`WALCheckpointer`) and the
                // import's values bound straight to its statements (`StatementValues`).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: strict
        ),
        // The PostgreSQL store (PostgresNIO): connection settings, migrator, and the ports the
        // sending path needs (outbox claims, journal, leases with fencing tokens). Not complete yet.
        .target(
            name: "RelancePostgres",
            dependencies: [
                "RelanceCore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        // Configuration, services, and the adapters that bind ports to real I/O.
        .target(
            name: "RelanceDaemon",
            dependencies: [
                "RelanceCore", "RelanceImport", "RelanceMail", "RelanceStore", "RelancePostgres", "CurlMail",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        // The web console for the people who do the work: pages and forms over the store's
        // operations and the daemon's outcome code (no SQL here), one more service of `run`.
        .target(
            name: "RelanceConsole",
            dependencies: [
                "RelanceCore", "RelanceDaemon", "RelanceStore", "RelanceMail",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "relance",
            dependencies: [
                "RelanceDaemon", "RelanceStore", "RelancePostgres", "RelanceConsole", "CurlMail",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        // The soak benchmark: months of simulated days through the whole pipeline (benchmarks/soak.sh).
        .executableTarget(
            name: "relance-soak",
            dependencies: [
                "RelanceDaemon", "RelanceStore", "RelanceTesting",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        // In-memory fakes of the ports and fixture helpers, for tests only.
        .target(name: "RelanceTesting", dependencies: ["RelanceCore"], swiftSettings: strict),
        // The PostgreSQL test cluster of scripts/postgres.sh and a fresh database per test, for
        // the store's tests and the integration tests (tests only).
        .target(
            name: "RelancePostgresTesting",
            dependencies: ["RelancePostgres", "RelanceCore", .product(name: "PostgresNIO", package: "postgres-nio")],
            swiftSettings: strict
        ),

        .testTarget(name: "RelanceCoreTests", dependencies: ["RelanceCore", "RelanceTesting"], swiftSettings: strict),
        .testTarget(
            name: "RelanceImportTests",
            dependencies: ["RelanceImport", "RelanceTesting"],
            resources: [.copy("Fixtures")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "RelanceMailTests",
            // swift-mustache: the reference the outbound renderer is compared with, byte for byte;
            // swift-crypto: the HMAC the reference tokens' own HMAC-SHA256 is compared with.
            dependencies: ["RelanceMail", "QREncoding", "RelanceTesting", .product(name: "Mustache", package: "swift-mustache"),
                           .product(name: "Crypto", package: "swift-crypto")],
            resources: [.copy("Fixtures")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "RelanceStoreTests",
            // RelanceImport: the bank statements of RelanceImportTests' fixtures, read as the daemon reads them.
            dependencies: ["RelanceStore", "RelancePostgres", "RelancePostgresTesting", "RelanceTesting", "RelanceImport",
                           .product(name: "PostgresNIO", package: "postgres-nio")],
            // Frozen migration texts, read by the tests from their source folder (#filePath).
            exclude: ["Frozen"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "RelanceDaemonTests",
            dependencies: ["CurlMail", "RelanceDaemon", "RelancePostgres", "RelanceStore", "RelanceTesting", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "RelanceConsoleTests",
            dependencies: [
                "RelanceConsole", "RelanceDaemon", "RelanceStore", "RelanceTesting",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            ],
            swiftSettings: strict
        ),
        .testTarget(name: "CurlMailTests", dependencies: ["CurlMail", "RelanceTesting"], swiftSettings: strict),
        // Talks to the real Postfix and Dovecot that scripts/mailstack.sh starts on loopback.
        .testTarget(
            name: "IntegrationTests",
            dependencies: ["CurlMail", "RelanceDaemon", "RelanceMail", "RelancePostgres", "RelancePostgresTesting", "RelanceTesting",
                           .product(name: "PostgresNIO", package: "postgres-nio")],
            swiftSettings: strict
        ),
    ],
    swiftLanguageModes: [.v6]
)
