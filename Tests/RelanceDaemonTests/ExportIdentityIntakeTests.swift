import Foundation
import Testing
import RelanceCore
import RelanceDaemon
import RelanceTesting

/// Issue #11 through the drop folder: a Sage échéancier keyed by "N° compte tiers" joins the
/// contacts file's codes; a Xero export without codes joins it by name, and says so; the
/// creditor's `[creditors.ID.columns]` reaches the parser.
@Suite struct ExportIdentityIntakeTests {
    static let acme = CreditorID("acme")!

    static let contacts = """
        Code client;Raison sociale;Email;Téléphone;Ne pas relancer;Étape atteinte;Date dernière relance
        411BRAS;Brasserie du Port;compta@brasserie-port.example;02 40 00 00 01;non;Lettre recommandée;10/11/2026
        411CHAR;Charcuterie Émile;emile@charcuterie.example;;oui;;

        """

    static func importBoth(_ export: String, name: String, settings: String = "") async throws
        -> (fixture: DaemonFixture, runtime: RelanceRuntime, warnings: [String]) {
        let fixture = try DaemonFixture(extraCreditorSettings: settings)
        try fixture.drop("a-contacts.csv", contacts)
        try fixture.drop(name, export)
        let runtime = try fixture.runtime()
        try await runtime.prepare()
        let report = try await runtime.creditors[0].intake.scan()
        #expect(report.rejected.isEmpty, "\(report.rejected)")
        #expect(report.imported.count == 2)
        return (fixture, runtime, report.imported.flatMap(\.receipt.warnings))
    }

    @Test func aSageExportKeyedByCompteTiersJoinsTheContactsCodes() async throws {
        let export = """
            N° compte tiers;Intitulé;N° pièce;Date pièce;Échéance;Reste dû
            411BRAS;Brasserie du Port;FA-2026-101;02/09/2026;02/10/2026;1 092,00
            411CHAR;Charcuterie Émile;FA-2026-114;18/09/2026;18/10/2026;1 376,80

            """
        let (fixture, runtime, _) = try await Self.importBoth(export, name: "b-echeancier.csv")
        defer { withExtendedLifetime(fixture) {} }
        let open = try await runtime.store.openReceivables(of: Self.acme)
        #expect(Set(open.map(\.customer.externalID)) == ["411BRAS", "411CHAR"])
        let profiles = try await runtime.store.customerProfiles(of: Self.acme)
        #expect(profiles.count == 2, "no customer named after its company name: \(profiles.map(\.profile.externalID))")
        let brasserie = try #require(profiles.first { $0.profile.externalID == "411BRAS" })
        #expect(brasserie.profile.initialStep == "registered-letter")
        #expect(profiles.first { $0.profile.externalID == "411CHAR" }?.profile.doNotRemind == true)
    }

    @Test func aXeroExportWithoutCodesJoinsTheContactsByName() async throws {
        let export = """
            ContactName,EmailAddress,InvoiceNumber,InvoiceDate,DueDate,Total,InvoiceAmountPaid,InvoiceAmountDue,Description,Quantity,UnitAmount,LineAmount,AccountCode,Currency
            Brasserie du Port,compta@brasserie-port.example,INV-0001,15/10/2026,14/11/2026,1200.00,0.00,1200.00,Affiches,100,5.00,500.00,200,EUR
            Brasserie du Port,compta@brasserie-port.example,INV-0001,15/10/2026,14/11/2026,1200.00,0.00,1200.00,Flyers,1000,0.50,500.00,200,EUR
            Nouveau Client,nouveau@client.example,INV-0002,20/10/2026,19/11/2026,480.00,200.00,280.00,Catalogue,1,400.00,400.00,200,EUR

            """
        let (fixture, runtime, warnings) = try await Self.importBoth(export, name: "b-xero.csv")
        defer { withExtendedLifetime(fixture) {} }
        let open = try await runtime.store.openReceivables(of: Self.acme)
        let first = try #require(open.first { $0.number == "INV-0001" })
        #expect(first.customer.externalID == "411BRAS", "matched to the contacts file by name")
        #expect(first.open == Money(minorUnits: 120_000, currency: .euro), "two lines of one invoice, counted once")
        let second = try #require(open.first { $0.number == "INV-0002" })
        #expect(second.customer.externalID == "Nouveau Client", "no contact of that name: the name is the identity")
        #expect(second.open == Money(minorUnits: 28_000, currency: .euro))
        #expect(warnings.contains { $0.contains("identifié par son nom") }, "\(warnings)")
        #expect(warnings.contains { $0.contains("rapproché par son nom du client 411BRAS") }, "\(warnings)")
    }

    @Test func theCreditorsColumnMappingReachesTheParser() async throws {
        let export = """
            Réf;Client final;Doc;Le;Pour le;Du
            X;411BRAS;D-1;01/10/2026;31/10/2026;99,00

            """
        let settings = """
            [creditors.acme.columns]
            customer = "Client final"
            invoice = "Doc"
            issued = "Le"
            due = "Pour le"
            open = "Du"
            """
        let (fixture, runtime, _) = try await Self.importBoth(export, name: "b-mapped.csv", settings: settings)
        defer { withExtendedLifetime(fixture) {} }
        let open = try await runtime.store.openReceivables(of: Self.acme)
        #expect(open.map { "\($0.customer.externalID) \($0.number) \($0.due?.iso8601 ?? "-")" } == ["411BRAS D-1 2026-10-31"])
    }
}
