import Foundation
import Testing
import RelanceCore
import RelanceDaemon
import RelanceMail
import RelanceTesting

@Suite struct DigestTests {
    static let acme = CreditorID("acme")!

    @Test func theDigestListsTheDaysWorkAndGoesOutOncePerDay() async throws {
        let fixture = try DaemonFixture(extraCreditorSettings: """
            [creditors.acme.digest]
            recipients = ["controller@acme.example"]
            hour = 8
            """)
        try fixture.drop("open.csv", DaemonFixture.csv("C1;Client Un;compta@un.example;F-100;15/09/2026;15/10/2026;100,00"))
        let runtime = try fixture.runtime()
        _ = try await runtime.runOnce()
        let c1 = try #require(try await runtime.store.customerID(external: "C1", of: Self.acme))
        _ = try await runtime.store.openTask(NewTask(creditor: Self.acme, customerID: c1, kind: .call,
                                                     title: "Call Client Un: the address bounced",
                                                     detail: ["phone": "+33 1 23 45 67 89"], dedupKey: "wrong-address:C1"),
                                             at: runtime.clock.now())
        let sender = try #require(runtime.digestSenders.first)
        let (digest, sheet) = try await sender.content(on: CivilDate(iso8601: "2026-11-30")!)
        let calls = try #require(digest.sections.first)
        #expect(calls.title == "1 appel à passer")
        #expect(calls.items.map(\.headline) == ["Client Un"])
        #expect(calls.items.first?.phoneLink == "tel:+33123456789")
        #expect(calls.items.first?.amount == "100,00\u{00A0}€")
        #expect(sheet.calls.count == 1)
        #expect(digest.activity == "1 relance envoyée")

        #expect(try await sender.sendIfDue())      // 10:00 in Paris, after 08:00
        #expect(!(try await sender.sendIfDue()))   // once a day
        let files = fixture.workspace.files(in: "outbox/acme").filter { $0.contains("digest") }
        #expect(files.count == 1)
        let text = try fixture.workspace.read("outbox/acme/\(files[0])")
        #expect(text.contains("To: controller@acme.example"))
        #expect(text.contains("filename=\"appels-2026-11-30.html\""))   // the call sheet, with every script
        #expect(text.contains("Subject: =?utf-8?"))   // "Relance — ACME SAS — 1 tâche(s)…", encoded
        // The next day, a new digest.
        fixture.clock.advance(by: 86_400)
        #expect(try await sender.sendIfDue())
    }

    @Test func nothingToDoSendsNothingUnlessAsked() async throws {
        let fixture = try DaemonFixture(extraCreditorSettings: """
            [creditors.acme.digest]
            recipients = ["controller@acme.example"]
            """)
        try FileManager.default.createDirectory(at: fixture.workspace.url("drop"), withIntermediateDirectories: true)
        let runtime = try fixture.runtime()
        try await runtime.prepare()
        let sender = try #require(runtime.digestSenders.first)
        #expect(!(try await sender.sendIfDue()))
        #expect(fixture.workspace.files(in: "outbox/acme").isEmpty)
    }

    @Test func aMissingDropFolderIsWorthADigestAndNamesNoPath() async throws {
        let fixture = try DaemonFixture(extraCreditorSettings: """
            [creditors.acme.digest]
            recipients = ["controller@acme.example"]
            """)
        let runtime = try fixture.runtime()
        try await runtime.prepare()
        let sender = try #require(runtime.digestSenders.first)
        let (digest, _) = try await sender.content(on: CivilDate(iso8601: "2026-11-30")!)
        #expect(digest.stuck.contains("Le dossier de dépôt des exports est introuvable : plus aucun export n'est lu."))
        #expect(digest.stuck.contains("Aucun envoi : aucun export de balance n'a encore été importé."))
        #expect(!DigestRenderer.html(digest).contains(fixture.workspace.url("drop").path))
        #expect(try await sender.sendIfDue())
    }
}
