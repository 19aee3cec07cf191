import Foundation
import Testing
import RelanceCore
import RelanceDaemon
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
        let content = try await sender.content(on: CivilDate(iso8601: "2026-11-30")!)
        #expect(content.calls.map(\.title) == ["#1 Call Client Un: the address bounced"])
        #expect(content.sent.count == 1)

        #expect(try await sender.sendIfDue())      // 10:00 in Paris, after 08:00
        #expect(!(try await sender.sendIfDue()))   // once a day
        let files = fixture.workspace.files(in: "outbox/acme").filter { $0.contains("digest") }
        #expect(files.count == 1)
        let text = try fixture.workspace.read("outbox/acme/\(files[0])")
        #expect(text.contains("To: controller@acme.example"))
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
        let runtime = try fixture.runtime()
        try await runtime.prepare()
        let sender = try #require(runtime.digestSenders.first)
        #expect(!(try await sender.sendIfDue()))
        #expect(fixture.workspace.files(in: "outbox/acme").isEmpty)
    }
}
