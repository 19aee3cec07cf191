import Foundation
import RelanceCore
import RelanceTesting
import Testing

/// What a contacts file does to customers is journaled in the creditor's language, with the
/// fields named as a person calls them and the values as a person reads them (not the store's
/// column names, JSON or 0/1), and an address not kept says why — in French for a French creditor.
@Suite struct ContactsJournalLanguageTests {
    typealias F = StoreFixtures
    typealias R = LanguageLeaks

    /// A customer created, an address refused, then changed by a second file; `street` and
    /// `notAnAddress` in the creditor's language (the test looks for words of the other one).
    static func lines(_ language: Language, street: String, notAnAddress: String, on book: any BookUnderTest) async throws -> [String] {
        try await book.register(language: language)
        let store = book.profiles
        let first = ImportedFile(creditor: F.creditor, fileName: "contacts.csv", sha256: String(repeating: "a", count: 64), byteCount: 10,
                                 kind: "contacts")
        _ = try await store.importContacts(first, [CustomerProfile(externalID: "C001", name: "Dupont SARL", postalAddress: ["1 \(street)", "75002 Paris"],
                                                                   emailsTo: ["compta@dupont.example", notAnAddress],
                                                                   phones: ["+33 1 23 45 67 89"])], at: F.time)
        let second = ImportedFile(creditor: F.creditor, fileName: "contacts-2.csv", sha256: String(repeating: "b", count: 64), byteCount: 10,
                                  kind: "contacts")
        _ = try await store.importContacts(second, [CustomerProfile(externalID: "C001", name: "Dupont SA", postalAddress: ["2 \(street)", "75002 Paris"],
                                                                    emailsTo: ["compta@dupont.example"],
                                                                    phones: ["+33 1 23 45 67 89", "+33 6 00 00 00 00"], doNotRemind: true)],
                                           at: F.time.addingTimeInterval(60))
        let kinds: Set<String> = ["customer.created", "customer.updated", "customer.email-invalid"]
        return try await book.journal.events(of: F.creditor, kinds: kinds, since: .distantPast).map(\.event.summary)
    }

    @Test(arguments: StoreBackend.all) func aFrenchCreditorReadsWhatAContactsFileDidInFrench(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let lines = try await Self.lines(.french, street: "rue de la Paix", notAnAddress: "pas une adresse", on: book)
            #expect(lines.count == 3, "\(lines)")
            for line in lines { #expect(R.englishIn(line).isEmpty, "\(line) — \(R.englishIn(line))") }
            #expect(lines.contains("Client C001 (Dupont SARL) créé depuis contacts.csv."))
            #expect(lines.contains("""
                L'adresse «\u{00A0}pas une adresse\u{00A0}» du client C001 n'a pas été gardée : l'adresse n'a pas un seul @ entre un nom et un domaine.
                """))
            #expect(lines.contains("""
                Client C001 mis à jour depuis contacts-2.csv : nom «\u{00A0}Dupont SARL\u{00A0}» → «\u{00A0}Dupont SA\u{00A0}» ; \
                adresse postale «\u{00A0}1 rue de la Paix, 75002 Paris\u{00A0}» → «\u{00A0}2 rue de la Paix, 75002 Paris\u{00A0}» ; \
                téléphones «\u{00A0}+33 1 23 45 67 89\u{00A0}» → «\u{00A0}+33 1 23 45 67 89, +33 6 00 00 00 00\u{00A0}» ; ne pas relancer non → oui.
                """), "\(lines)")
        }
    }

    @Test(arguments: StoreBackend.all) func anEnglishCreditorReadsItInEnglish(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let lines = try await Self.lines(.english, street: "Peace Street", notAnAddress: "not an address", on: book)
            for line in lines { #expect(R.frenchIn(line).isEmpty, "\(line) — \(R.frenchIn(line))") }
            #expect(lines.contains("""
                Customer C001 updated from contacts-2.csv: name "Dupont SARL" → "Dupont SA"; \
                postal address "1 Peace Street, 75002 Paris" → "2 Peace Street, 75002 Paris"; \
                phones "+33 1 23 45 67 89" → "+33 1 23 45 67 89, +33 6 00 00 00 00"; do not remind no → yes.
                """), "\(lines)")
            #expect(lines.contains { $0.hasPrefix("Address \"not an address\" of customer C001 was not kept: the address has no single @") })
        }
    }
}
