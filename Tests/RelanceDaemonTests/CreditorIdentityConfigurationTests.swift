import Foundation
import Testing
import RelanceCore
import RelanceDaemon
import RelanceImport

/// Issue #11: the creditor's identifiers are checked when the configuration loads (a wrong IBAN
/// would be printed on every email and letter), and `[creditors.ID.columns]` is read and checked.
@Suite struct CreditorIdentityConfigurationTests {
    static func load(_ settings: String, defaults: String = "") throws(ConfigurationError) -> CreditorConfiguration {
        let configuration = try ConfigurationLoader.parse("""
            \(defaults)
            [creditors.acme]
            legal_name = "ACME"
            sender = "compta@acme.example"
            \(settings)
            """, file: URL(fileURLWithPath: "/etc/relance/relance.toml"))
        return configuration.creditors[0]
    }

    static func refusal(_ settings: String, defaults: String = "") -> ConfigurationError? {
        do {
            _ = try load(settings, defaults: defaults)
            return nil
        } catch {
            return error
        }
    }

    @Test func validIdentifiersLoad() throws {
        let creditor = try Self.load("""
            siren = "123 456 782"
            vat_number = "FR 11 123456782"
            iban = "FR76 3000 6000 0112 3456 7890 189"
            bic = "AGRIFRPPXXX"
            legal_form = "SAS"
            share_capital = 10000
            rcs = "RCS Nantes 123 456 782"
            """)
        #expect(creditor.legalForm == "SAS")
        #expect(creditor.shareCapital == Money(minorUnits: 1_000_000, currency: .euro))
        #expect(creditor.documentProfile.legalForm == "SAS")
    }

    @Test("each wrong identifier is refused with its key and what is wrong", arguments: [
        ("iban = \"FR76 3000 6000 0112 3456 7890 188\"", "creditors.acme.iban", "check digits"),
        ("iban = \"FR76 3000 6000 0112 3456 7890\"", "creditors.acme.iban", "27"),
        ("iban = \"7630006000011234567890189\"", "creditors.acme.iban", "country code"),
        ("bic = \"AGRIFRP\"", "creditors.acme.bic", "8 or 11"),
        ("bic = \"AGR1FRPPXXX\"", "creditors.acme.bic", "6 letters"),
        ("siren = \"123 456 789\"", "creditors.acme.siren", "Luhn"),
        ("siren = \"12345\"", "creditors.acme.siren", "9 digits"),
        ("siren = \"123 456 782 00011\"", "creditors.acme.siren", "Luhn"),
        ("vat_number = \"FR12123456782\"", "creditors.acme.vat_number", "the key of SIREN 123456782 is 11"),
        ("siren = \"123456782\"\nvat_number = \"FR40732829320\"", "creditors.acme.vat_number", "siren is 123456782"),
        ("legal_form = \"SARL\"", "creditors.acme.share_capital", "R123-238"),
        ("share_capital = 5000", "creditors.acme.share_capital", "legal_form"),
    ])
    func wrongIdentifier(settings: String, key: String, mentions: String) throws {
        let error = try #require(Self.refusal(settings))
        #expect(error.key == key, "\(error)")
        #expect(error.description.contains(mentions), "\(error)")
    }

    @Test func aSiretWithAValidKeyLoads() throws {
        _ = try Self.load("siren = \"732 829 320 00074\"")
    }

    @Test func theColumnMappingIsReadAndInherited() throws {
        let own = try Self.load("""
            [creditors.acme.columns]
            customer = "N° compte tiers"
            customer_name = "Intitulé"
            invoice = "N° pièce"
            issued = "Date pièce"
            due = "Échéance"
            amount = "Montant"
            paid = "Réglé"
            open = "Reste dû"
            currency = "Devise"
            date_order = "DD/MM"
            decimal_mark = ","
            """)
        let mapping = try #require(own.columnMapping)
        #expect(mapping.columns[.customer] == "N° compte tiers")
        #expect(mapping.columns[.total] == "Montant")
        #expect(mapping.columns[.paid] == "Réglé")
        #expect(mapping.dayMonthOrder == .dayFirst && mapping.decimalMark == .comma)
        let inherited = try Self.load("", defaults: "[defaults.columns]\ncustomer = \"Code tiers\"")
        #expect(inherited.columnMapping?.columns[.customer] == "Code tiers")
    }

    @Test("an unknown field of the mapping is refused with the key and the fields there are", arguments: [
        ("client = \"Code\"", "creditors.acme.columns.client", "customer, customer_name"),
        ("customer = \"\"", "creditors.acme.columns.customer", "empty"),
        ("customer = \"Code\"\ncustomer_name = \"code\"", "creditors.acme.columns.customer_name", "same column"),
        ("date_order = \"31/12\"", "creditors.acme.columns.date_order", "DD/MM"),
    ])
    func badMapping(line: String, key: String, mentions: String) throws {
        let error = try #require(Self.refusal("[creditors.acme.columns]\n\(line)"))
        #expect(error.key == key, "\(error)")
        #expect(error.description.contains(mentions), "\(error)")
    }

    @Test func noSignatureMeansNoSecondLegalName() throws {
        #expect(try Self.load("").signature == "")
    }
}
