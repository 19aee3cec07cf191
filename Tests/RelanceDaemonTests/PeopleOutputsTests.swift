import Foundation
import Testing
import RelanceCore
import RelanceDaemon
import RelanceTesting

/// What people read outside the digest — tasks.csv, tasks.html, aged-balance.csv and the CLI's
/// text — in the creditor's language and formats.
@Suite(.serialized) struct PeopleOutputsTests {
    /// C1 has an address (an email goes out), C2 none: its first reminder becomes a call.
    static func fixture(_ settings: String = "") throws -> DaemonFixture {
        let fixture = try DaemonFixture(extraCreditorSettings: settings)
        try fixture.drop("contacts.csv", """
            Code client;Raison sociale;Téléphone
            C2;Société Générale de Négoce;+33 4 72 10 20 30

            """)
        try fixture.drop("open.csv", DaemonFixture.csv(
            "C1;Client Un;compta@un.example;F-100;15/09/2026;15/10/2026;2376,80",
            "C2;Société Générale de Négoce;;F-200;01/09/2026;01/10/2026;912,00"))
        return fixture
    }

    @Test func aFrenchCreditorsReportsOpenCleanlyInFrenchExcel() async throws {
        let fixture = try Self.fixture()
        _ = try await fixture.runtime().runOnce()
        // Excel needs the byte-order mark to read UTF-8 (String(contentsOf:) would hide it).
        for report in ["tasks.csv", "aged-balance.csv"] {
            #expect(try Data(contentsOf: fixture.workspace.url("reports/acme/\(report)")).prefix(3) == Data([0xEF, 0xBB, 0xBF]))
        }
        let tasks = try fixture.workspace.read("reports/acme/tasks.csv")
        #expect(tasks.hasPrefix("N°;Type;Ouverte le;À traiter avant le;À faire;Détails;Document\r\n"))
        #expect(tasks.contains("\r\n1;Appel;30/11/2026;;Appeler Société Générale de Négoce (C2) — 912,00\u{00A0}€;"))
        #expect(tasks.contains("Factures : F-200 (912,00\u{00A0}€, 60 jours de retard)"))
        #expect(tasks.contains("Étape : première relance"))
        #expect(tasks.contains("Script d'appel : Demander la personne chargée"))
        let html = try fixture.workspace.read("reports/acme/tasks.html")
        #expect(html.contains("<html lang=\"fr\">") && html.contains("1 tâche ouverte") && html.contains(">Appel<"))
        #expect(html.contains("<dt>Téléphone</dt><dd><div>+33 4 72 10 20 30</div></dd>"))
        let aging = try fixture.workspace.read("reports/acme/aged-balance.csv")
        #expect(aging.hasPrefix("Client;Nom du client;Facture;Émise le;Échéance;Jours de retard;Tranche;Reste dû;Devise"))
        // Written after the day's planning: its first reminders are the last action, in French.
        #expect(aging.contains("\r\nC1;Client Un;F-100;15/09/2026;15/10/2026;46;31 à 60 j;2376,80;EUR;première relance;30/11/2026;\r\n"))
        for machine in ["2376.80", "2026-10-15", "first-reminder", "phone-call", "31-60", "d late"] {
            #expect(!tasks.contains(machine), "tasks.csv: \(machine)")
            #expect(!aging.contains(machine), "aged-balance.csv: \(machine)")
            #expect(!html.contains(machine), "tasks.html: \(machine)")
        }
    }

    @Test func anEnglishCreditorOrTheSettingGetsRFC4180() async throws {
        let english = try Self.fixture("language = \"en\"")
        _ = try await english.runtime().runOnce()
        let tasks = try english.workspace.read("reports/acme/tasks.csv")
        #expect(tasks.hasPrefix("No.,Kind,Opened,Due date,To do,Details,Document\r\n"))
        #expect(tasks.contains("1,Call,30 Nov 2026,,Call Société Générale de Négoce (C2) — €912.00,"))
        let french = try Self.fixture("csv_format = \"rfc4180\"")
        _ = try await french.runtime().runOnce()
        let aging = try french.workspace.read("reports/acme/aged-balance.csv")
        #expect(aging.hasPrefix("Client,Nom du client,Facture,"))
        #expect(aging.contains(",2376.80,EUR,"))
        #expect(throws: (any Error).self) { try DaemonFixture(extraCreditorSettings: "csv_format = \"excel\"").configuration }
    }

    /// Commands that take no `--now` (ProcessTests.run adds it).
    static func run(_ arguments: [String], in fixture: DaemonFixture) throws -> String {
        let process = Process()
        process.executableURL = ProcessTests.executable
        process.arguments = arguments + ["--config", fixture.workspace.url("relance.toml").path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test func theCLISpeaksTheCreditorsLanguage() throws {
        let fixture = try Self.fixture()
        #expect(try ProcessTests.run(["run", "--once"], in: fixture).status == 0)
        let aging = (output: try Self.run(["aging", "--as-of", "2026-11-30"], in: fixture), status: 0)
        #expect(aging.output.contains("Balance âgée d'ACME SAS (acme) au 30/11/2026"))
        #expect(aging.output.contains("F-100 (46 jours de retard)"))
        #expect(aging.output.contains("2\u{202F}376,80\u{00A0}€"))
        #expect(aging.output.contains("première relance le 30/11/2026"))
        let tasks = (output: try Self.run(["tasks"], in: fixture), status: 0)
        #expect(tasks.output.contains("n°\u{00A0}1 · Appel · acme — Appeler Société Générale de Négoce (C2) — 912,00\u{00A0}€"))
        #expect(tasks.output.contains("      Factures : F-200 (912,00\u{00A0}€, 60 jours de retard)"))
        #expect(tasks.output.contains("      Script d'appel : Demander la personne chargée"))
        let plan = try ProcessTests.run(["plan", "--date", "2026-12-07"], in: fixture)
        #expect(plan.output.contains("Créancier acme, le 07/12/2026 :"))
        let customer = (output: try Self.run(["customer", "C1"], in: fixture), status: 0)
        #expect(customer.output.contains("Client C1 — Client Un (créancier acme)"))
        #expect(customer.output.contains("Reste dû : F-100 2\u{202F}376,80\u{00A0}€ échue le 15/10/2026"))
        #expect(customer.output.contains("Relance envoyée : "))
        // The journal's sentences stay as recorded (in English); the CLI's own words do not.
        #expect(tasks.output.contains("Note : aucune adresse de courriel connue pour ce client : l'étape «\u{00A0}première relance\u{00A0}» se fait par téléphone"))
        for output in [aging.output, tasks.output] {
            for english in ["d late", "2376.80", "first-reminder", "Timeline", "Open:", "address:", "amounts:", "missing rate"] {
                #expect(!output.contains(english), "\(english)")
            }
        }
    }

    /// `relance message` in review mode, for a French creditor: the waiting reminder named in
    /// French (it read « #1 acme awaiting-approval to … »), the decision said in French too; an
    /// English creditor's lines stay as they were.
    @Test func theMessagesAwaitingApprovalAreReadInTheCreditorsLanguage() throws {
        func reviewFixture(_ settings: String) throws -> DaemonFixture {
            let fixture = try DaemonFixture(active: false, extraCreditorSettings: settings)
            try fixture.drop("open.csv", DaemonFixture.csv("C1;Client Un;compta@un.example;F-100;15/09/2026;15/10/2026;2376,80"))
            #expect(try ProcessTests.run(["run", "--once"], in: fixture).status == 0)
            return fixture
        }
        let french = try reviewFixture("")
        let held = try Self.run(["message"], in: french)
        #expect(held.contains("Message n°\u{00A0}1 (acme) · première relance · à approuver · pour compta@un.example : Relance : facture F-100 en attente de règlement – ACME SAS\n"), "\(held)")
        #expect(!held.contains("awaiting-approval"))
        let approved = try Self.run(["message", "approve", "1"], in: french)
        #expect(approved.contains("Message n°\u{00A0}1 approuvé et mis en file ; l'envoi l'annule encore si une facture a été réglée ou le client mis en pause depuis.\n"), "\(approved)")
        #expect(try Self.run(["message"], in: french).contains("Aucune relance n'attend de décision.\n"))

        let english = try reviewFixture("language = \"en\"")
        let waiting = try Self.run(["message"], in: english)
        #expect(waiting.contains("#1 acme awaiting-approval to compta@un.example: Reminder: invoice F-100 awaiting payment – ACME SAS\n"), "\(waiting)")
        #expect(try Self.run(["message", "skip", "1"], in: english).contains("Message #1 skipped: it will not be sent.\n"))
    }
}
