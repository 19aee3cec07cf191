import Foundation
import RelanceCore
import RelanceMail
import Testing

/// Issue #11, "The creditor's identity" on paper: legal form, share capital and RCS on one line
/// of the letterhead, postal addresses as La Poste lays them out (NF Z10-011), the legal name
/// signed once when there is no signature, and French elision in the call script.
@Suite("Letters: the creditor's identity and addresses")
struct LetterIdentityTests {
    static let imprimerie = CreditorProfile(
        legalName: "Imprimerie Lefèvre", addressLines: ["3 rue Kervégan", "44000", "Nantes"], siren: "123 456 782",
        vatNumber: "FR11123456782", iban: "FR7630006000011234567890189", bic: "AGRIFRPPXXX", phone: "+33 2 40 00 00 00",
        email: EmailAddress("compta@imprimerie-lefevre.example"), signature: "", rcs: "RCS Nantes 123 456 782",
        legalForm: "SAS", shareCapital: Money(minorUnits: 1_000_000, currency: .euro))

    static func letter(_ creditor: CreditorProfile, language: Language = .french) throws -> (html: String, text: String) {
        var task = try LetterDocumentTests.plannedTask()
        task.postalAddress = ["Brasserie du Port", "4 quai de la Fosse, 44000 Nantes"]
        let composer = DocumentComposer(renderer: try TemplateRenderer(files: try OutboundSupport.shippedTemplates()),
                                        creditor: creditor, language: language)
        guard case .letter(let letter) = try #require(try composer.compose(task, today: LetterDocumentTests.today)) else {
            Issue.record("a formal notice is a letter")
            return ("", "")
        }
        return (letter.html, letter.text)
    }

    @Test("a French letter prints \"SAS au capital de 10 000 € — RCS Nantes 123 456 782\"")
    func legalMentionFrench() throws {
        let (html, text) = try Self.letter(Self.imprimerie)
        #expect(html.contains("SAS au capital de 10\u{202F}000\u{00A0}€ — RCS Nantes 123 456 782"))
        #expect(text.contains("SAS au capital de 10\u{202F}000\u{00A0}€ — RCS Nantes 123 456 782"))
    }

    @Test("in English, and without cents only when the capital is round")
    func legalMentionEnglish() throws {
        let capital = Money(minorUnits: 1_000_000, currency: .euro)
        #expect(LegalMention.line(form: "SAS", capital: capital, rcs: "RCS Nantes 123 456 782", language: .english)
                == "SAS with a share capital of €10,000 — RCS Nantes 123 456 782")
        #expect(LegalMention.line(form: "SARL", capital: Money(minorUnits: 750_050, currency: .euro), rcs: nil, language: .french)
                == "SARL au capital de 7\u{202F}500,50\u{00A0}€")
        #expect(LegalMention.line(form: nil, capital: nil, rcs: "RCS Lyon 812 345 676", language: .french) == "RCS Lyon 812 345 676")
        #expect(LegalMention.line(form: nil, capital: nil, rcs: nil, language: .french) == nil)
    }

    @Test("postcode and town on one line in capitals, for the creditor and the recipient (NF Z10-011)")
    func postalLines() throws {
        let (html, text) = try Self.letter(Self.imprimerie)
        #expect(html.contains("3 rue Kervégan<br>44000 NANTES<br>"))
        #expect(html.contains("4 quai de la Fosse<br>"))
        #expect(html.contains("44000 NANTES<br>\n</section>") || html.contains("  44000 NANTES<br>"))
        #expect(!html.contains("44000<br>"))
        #expect(text.contains("44000 NANTES"))
        // The letter is still dated from the town as people write it.
        #expect(html.contains("Nantes, le 21\u{00A0}juillet\u{00A0}2026"))
    }

    @Test("with no signature, the legal name signs once")
    func legalNameOnce() throws {
        let (html, text) = try Self.letter(Self.imprimerie)
        #expect(html.contains("<p class=\"signature\">Imprimerie Lefèvre</p>"))
        #expect(!text.contains("Imprimerie Lefèvre\nImprimerie Lefèvre"))
        var signed = Self.imprimerie
        signed.signature = "Claire Martin, comptabilité"
        let (withSignature, _) = try Self.letter(signed)
        #expect(withSignature.contains("<p class=\"signature\">Claire Martin, comptabilité\nImprimerie Lefèvre</p>"))
    }

    @Test("La Poste's layout of address lines", arguments: [
        (["12 rue de la Paix", "75002", "Paris"], ["12 rue de la Paix", "75002 PARIS"]),
        (["Zone industrielle", "44800 Saint-Herblain"], ["Zone industrielle", "44800 SAINT HERBLAIN"]),
        (["1 place Royale, 44000 Nantes"], ["1 place Royale", "44000 NANTES"]),
        (["8 rue de l'Étoile", "75008 Paris Cedex 08"], ["8 rue de l'Étoile", "75008 PARIS CEDEX 08"]),
        (["221B Baker Street", "London NW1 6XE", "United Kingdom"], ["221B Baker Street", "London NW1 6XE", "United Kingdom"]),
    ])
    func addressLayout(lines: [String], expected: [String]) {
        #expect(PostalAddress.letterLines(lines) == expected)
    }

    @Test("\"de la part de\" elides before a vowel or a mute h, and contracts with le and les", arguments: [
        ("Imprimerie Lefèvre", "d'Imprimerie Lefèvre"), ("Éditions du Port", "d'Éditions du Port"), ("Hôtel de la Gare", "d'Hôtel de la Gare"),
        ("Hachette SA", "de Hachette SA"), ("Dupont SAS", "de Dupont SAS"), ("Le Bon Coin", "du Bon Coin"), ("Les Jardins", "des Jardins"),
        ("La Poste", "de La Poste"),
    ])
    func elision(name: String, expected: String) {
        #expect(FrenchPreposition.de(name) == expected)
    }

    @Test("the call script says \"de la part d'Imprimerie\" and gives the postal address in La Poste's layout")
    func callScript() throws {
        let task = try LetterDocumentTests.plannedTask()
        let french = CallScript.lines(for: task, creditorName: "Imprimerie Lefèvre", language: .french)
        #expect(french.contains { $0.contains("de la part d'Imprimerie Lefèvre,") })
        #expect(!french.contains { $0.contains("de la part de Imprimerie") })
        #expect(french.contains { $0 == "Vérifier l'adresse postale au dossier : 4 place des Terreaux, 69001 LYON." })
    }
}
