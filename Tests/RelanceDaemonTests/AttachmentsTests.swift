import Foundation
import Testing
import RelanceCore
import RelanceDaemon
import RelanceTesting

/// A reminder carries the contacts file's CC addresses and, when its step asks for it, a
/// statement of account.
@Suite struct AttachmentsTests {
    @Test func ccFromTheContactsFileAndAStatementWhenTheStepAsks() async throws {
        let fixture = try DaemonFixture(extraCreditorSettings: """
            policy = "with-statement"
            [policies.with-statement]
            [[policies.with-statement.steps]]
            name = "first-reminder"
            after_due_days = 5
            attach_statement = true
            """)
        try fixture.drop("contacts.csv", """
            Code client;Raison sociale;Email;Email CC;Téléphone
            C1;Client Un;compta@un.example;direction@un.example;01 23 45 67 89

            """)
        try fixture.drop("open.csv", DaemonFixture.csv("C1;Client Un;compta@un.example;F-100;15/09/2026;15/10/2026;100,00"))
        let report = try await fixture.runtime().runOnce()
        #expect(report.sending.sent == 1)
        let name = try #require(fixture.workspace.files(in: "outbox/acme").first)
        let message = try fixture.workspace.read("outbox/acme/\(name)")
        #expect(message.contains("\r\nCc: direction@un.example\r\n"))
        #expect(message.contains("Content-Type: multipart/mixed"))
        #expect(message.contains("releve-de-compte-C1-2026-11-30.csv"))
    }
}
