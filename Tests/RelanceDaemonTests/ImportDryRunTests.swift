import Foundation
import Testing
import RelanceTesting

/// `relance import --dry-run --json CONTACTS.csv` prints the contacts as read (issue #11: it
/// printed `[]`), and `--creditor` applies that creditor's column mapping to a dry run.
@Suite struct ImportDryRunTests {
    static func run(_ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
        let process = Process()
        process.executableURL = ProcessTests.executable
        process.arguments = arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }

    @Test func contactsArePrintedAsRead() throws {
        let workspace = try TemporaryWorkspace("relance-dry-run")
        try workspace.write("contacts.csv", """
            Code client;Raison sociale;Adresse;Code postal;Ville;Email;Email CC;Téléphone;Langue;Conditions de paiement;Ne pas relancer;Étape atteinte;Date dernière relance
            411BRAS;Brasserie du Port;4 quai de la Fosse;44000;Nantes;compta@brasserie-port.example;dg@brasserie-port.example;02 40 00 00 01;fr;45 jours fin de mois;non;Lettre recommandée;13/11/2026

            """)
        let result = try Self.run(["import", "--dry-run", "--json", workspace.url("contacts.csv").path])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output == """
            [
              {"customer": "411BRAS", "name": "Brasserie du Port", "emails": ["compta@brasserie-port.example"], \
            "cc": ["dg@brasserie-port.example"], "phones": ["02 40 00 00 01"], "address": ["4 quai de la Fosse", "44000 Nantes"], \
            "terms": "45 days end of month", "language": "fr", "do_not_remind": false, "step_reached": "registered-letter", \
            "last_contact": "2026-11-13"}
            ]

            """)
    }

    @Test func anUnknownStepIsRefusedWithTheRowAndTheAcceptedValues() throws {
        let workspace = try TemporaryWorkspace("relance-dry-run")
        try workspace.write("contacts.csv", "Code client;Email;Étape atteinte\n411A;a@a.example;Relance 9\n")
        let result = try Self.run(["import", "--dry-run", "--json", workspace.url("contacts.csv").path])
        #expect(result.status != 0)
        #expect(result.errors.contains("contacts.csv:2"), "\(result.errors)")
        #expect(result.errors.contains("\"Relance 9\"") && result.errors.contains("\"Formal notice\""), "\(result.errors)")
    }

    @Test func aDryRunForACreditorUsesItsColumnMapping() throws {
        let workspace = try TemporaryWorkspace("relance-dry-run")
        try workspace.write("relance.toml", """
            [creditors.acme]
            legal_name = "ACME"
            sender = "compta@acme.example"
            [creditors.acme.columns]
            customer = "Client final"
            invoice = "Doc"
            due = "Pour le"
            open = "Du"
            """)
        try workspace.write("open.csv", "Client final;Doc;Pour le;Du\n411A;D-1;31/10/2026;99,00\n")
        let plain = try Self.run(["import", "--dry-run", "--json", workspace.url("open.csv").path])
        #expect(plain.status != 0, "without the mapping, nothing names the customer or the invoice")
        let mapped = try Self.run(["import", "--dry-run", "--json", "--creditor", "acme", "--config", workspace.url("relance.toml").path,
                                   workspace.url("open.csv").path])
        #expect(mapped.status == 0, "\(mapped.errors)")
        #expect(mapped.output.contains("\"customer\": \"411A\"") && mapped.output.contains("\"due\": \"2026-10-31\""))
    }
}
