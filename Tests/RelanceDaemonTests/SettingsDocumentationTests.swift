import Foundation
import Testing
import RelanceTesting

/// Every setting a configuration reader knows (the key lists it checks files against) is
/// documented in examples/relance.toml, and the top-level ones in the README: a setting nobody
/// can find is a setting nobody uses, or one used wrong.
@Suite struct SettingsDocumentationTests {
    /// The quoted names in the readers' `refuseUnknownKeys([...])` lists and `keys` sets.
    static func knownSettings() throws -> Set<String> {
        let folder = RepositoryPaths.root.appendingPathComponent("Sources/RelanceDaemon/Configuration")
        var names: Set<String> = []
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".swift") {
            let source = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for marker in ["refuseUnknownKeys([", "refuseUnknownKeys(Set([", "static let keys", "static let sendingKeys", "static let settingKeys"] {
                var rest = source[...]
                while let start = rest.range(of: marker) {
                    let list = rest[start.upperBound...].prefix { $0 != "]" }
                    for part in list.split(separator: "\"", omittingEmptySubsequences: false).enumerated() where part.offset % 2 == 1 {
                        names.insert(String(part.element))
                    }
                    rest = rest[start.upperBound...]
                }
            }
        }
        return names
    }

    @Test func everySettingIsInTheExampleConfiguration() throws {
        let example = try String(contentsOf: RepositoryPaths.examples.appendingPathComponent("relance.toml"), encoding: .utf8)
        let settings = try Self.knownSettings()
        #expect(settings.count > 60, "the readers' key lists were not found: \(settings.sorted())")
        let missing = settings.filter { name in
            !example.contains("\(name) =") && !example.contains("[\(name)]") && !example.contains(".\(name)]")
                && !example.contains("\(name).") && !example.contains(", \(name)") && !example.contains(" \(name),")
        }
        #expect(missing.isEmpty, "not documented in examples/relance.toml: \(missing.sorted())")
    }

    @Test func theTopLevelSettingsAreInTheReadme() throws {
        let readme = try String(contentsOf: RepositoryPaths.root.appendingPathComponent("README.md"), encoding: .utf8)
        for name in ["drop_folder", "state_folder", "store_file", "outbox_folder", "review_folder", "templates_folder",
                     "reports_folder", "stable_after_seconds", "maximum_file_megabytes", "columns", "share_capital", "legal_form"] {
            #expect(readme.contains("`\(name)`") || readme.contains(".\(name)]"), "README.md does not mention \(name)")
        }
    }
}
