import Foundation
import RelanceCore

/// Reads a file from `Tests/RelanceImportTests/Fixtures` (copied as a resource folder).
enum Fixture {
    static func url(_ path: String) throws -> URL {
        guard let base = Bundle.module.resourceURL?.appendingPathComponent("Fixtures") else {
            throw FixtureMissing(path: path)
        }
        let url = base.appendingPathComponent(path)
        guard FileManager.default.fileExists(atPath: url.path) else { throw FixtureMissing(path: path) }
        return url
    }

    static func bytes(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: url(path)))
    }

    static func names(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url(folder).path).sorted()
    }

    struct FixtureMissing: Error, CustomStringConvertible {
        var path: String
        var description: String { "fixture not found: \(path)" }
    }
}

func date(_ iso: String) -> CivilDate { CivilDate(iso8601: iso)! }
func eur(_ decimal: String) -> Money { Money(decimal: decimal, currency: .euro)! }
func money(_ decimal: String, _ code: String) -> Money { Money(decimal: decimal, currency: Currency(code: code)!)! }
