import Foundation
import GRDB
import RelanceCore
@testable import RelanceStore
import Testing

/// A large first load folds the customers' codes and names for the search index in Swift
/// (`SearchIndexFolding`); the triggers fold them with `SearchFolding.sql`'s `replace` chains.
/// Both must write the same text, byte for byte, or a customer loaded in bulk would be found
/// differently from one added later.
@Suite("Search index folding")
struct SearchIndexFoldingTests {
    static let samples = [
        "", "C000123", "Client 42", "Société Générale", "ÉCOLE DES ÉLÈVES", "Œuvre & Fils", "Cæsar Ægir", "Straße",
        "L’Atelier d'Été", "Cafe\u{0301} de\u{0300} la Gare\u{0327}", "Ñandú Ÿvelines ÿ", "Müller–Lüdenscheid ÄÖÜ", "Ørsted Å",
        "漢字 テスト", "emoji 🧾 € £", "tab\there", "ïîíìÏÎÍÌ òóôõöøÒÓÔÕÖØ ùúûüÙÚÛÜ ýÝ çÇ ñÑ",
        // GRDB reads a text argument up to its first NUL: the SQL fallback folds these.
        "a\u{0000}b", "Soci\u{0000}été",
    ]

    @Test(arguments: samples)
    func foldsAsTheTriggersDo(_ text: String) throws {
        let queue = try DatabaseQueue()
        // Compared as hex: GRDB would read a fetched text up to a NUL too.
        let (triggers, load) = try queue.read { db in
            db.add(function: SearchIndexFolding.function)
            return (try String.fetchOne(db, sql: "SELECT hex(\(SearchFolding.sql("?1")))", arguments: [text]),
                    try String.fetchOne(db, sql: "SELECT hex(\(SearchIndexFolding.sql("?1")))", arguments: [text]))
        }
        #expect(load == triggers, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        if !text.utf8.contains(0) {
            #expect(SearchIndexFolding.fold(text).utf8.map { String(format: "%02X", $0) }.joined() == triggers)
        }
    }

    @Test func nullStaysNull() throws {
        let queue = try DatabaseQueue()
        let value = try queue.read { db in
            db.add(function: SearchIndexFolding.function)
            return try DatabaseValue.fetchOne(db, sql: "SELECT \(SearchIndexFolding.sql("NULL"))")
        }
        #expect(value == .null)
    }
}
