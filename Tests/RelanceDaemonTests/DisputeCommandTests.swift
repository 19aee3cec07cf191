import Foundation
import Testing
import RelanceCore
import RelanceStore
import RelanceTesting

/// Issue #11, "The ladder", as a person types it: `relance tasks done ID --outcome dispute
/// --invoice X` freezes X (the next run demands nothing of it), `relance resume --invoice X`
/// puts it back on the ladder.
@Suite(.serialized) struct DisputeCommandTests {
    static func relance(_ arguments: [String], in fixture: DaemonFixture) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = ProcessTests.executable
        process.arguments = arguments + ["--config", fixture.workspace.url("relance.toml").path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func aDisputeClosedFromTheCommandLineFreezesTheInvoiceUntilResumed() async throws {
        let fixture = try DaemonFixture()
        try fixture.drop("open.csv", DaemonFixture.csv(
            "C1;Client Un;compta@un.example;F-100;15/09/2026;15/10/2026;1200,00",
            "C1;Client Un;compta@un.example;F-101;15/09/2026;16/10/2026;300,00"))
        #expect(try Self.relance(["run", "--once", "--now", "2026-11-02"], in: fixture).status == 0)
        let acme = CreditorID("acme")!
        let taskID: Int64
        do {
            let store = try AppDatabase.openOnDisk(at: fixture.workspace.url("state/relance.sqlite"))
            let customer = try #require(try await store.customerID(external: "C1", of: acme))
            // A call about both invoices: a dispute recorded on it may name either.
            let invoices = try await store.openReceivables(of: acme).filter { $0.customer.id == customer }.map(\.invoiceID)
            taskID = try await store.openTask(NewTask(creditor: acme, customerID: customer, kind: .call, title: "Call Client Un",
                                                      dedupKey: "test-call:C1", invoiceIDs: invoices), at: Date()).id
        }
        // The refusal is in the creditor's language (French here), like every line a person reads.
        let unknown = try Self.relance(["tasks", "done", String(taskID), "--outcome", "dispute", "--invoice", "F-999"], in: fixture)
        #expect(unknown.status != 0 && unknown.output.contains("la facture F-999 n'est pas l'une des factures ouvertes de la tâche n°\u{00A0}\(taskID)"), "\(unknown.output)")
        #expect(LanguageLeaks.englishIn(unknown.output).isEmpty, "\(unknown.output)")
        // A value the options cannot read is refused in French too (#13), naming the option.
        for (arguments, said) in [(["--outcome", "promised", "--date", "31/02/2027"], "`--date` 31/02/2027 : une date s'écrit"),
                                  (["--outcome", "promised"], "`--outcome promised` demande `--date`"),
                                  (["--outcome", "promised", "--date", "15/01/2027", "--amount", "douze"], "`--amount` douze : un montant s'écrit"),
                                  (["--outcome", "new-address", "--email", "personne"], "`--email` personne : ce n'est pas une adresse de courriel"),
                                  (["--outcome", "promis"], "`--outcome` promis : résultat inconnu")] {
            let refused = try Self.relance(["tasks", "done", String(taskID)] + arguments, in: fixture)
            #expect(refused.status != 0 && refused.output.contains(said), "\(refused.output)")
            #expect(LanguageLeaks.englishIn(refused.output).isEmpty, "\(refused.output)")
        }
        let done = try Self.relance(["tasks", "done", String(taskID), "--outcome", "dispute", "--invoice", "F-100"], in: fixture)
        #expect(done.status == 0, "\(done.output)")

        let plan = try Self.relance(["plan", "--now", "2026-11-05"], in: fixture)
        #expect(plan.output.contains("contestée par le client"), "\(plan.output)")

        // dispute-resolved on the task that recorded the dispute (closed since): an invoice not
        // disputed is refused in French, naming the disputed ones.
        let notDisputed = try Self.relance(["tasks", "done", String(taskID), "--outcome", "dispute-resolved", "--invoice", "F-101"], in: fixture)
        #expect(notDisputed.status != 0 && notDisputed.output.contains("la facture F-101 n'est pas contestée (factures contestées : F-100)"),
                "\(notDisputed.output)")
        let resumed = try Self.relance(["resume", "--invoice", "F-100"], in: fixture)
        #expect(resumed.status == 0 && resumed.output.contains("Facture F-100 du créancier acme : litige résolu"), "\(resumed.output)")
        #expect(LanguageLeaks.englishIn(resumed.output).isEmpty, "\(resumed.output)")
        let again = try Self.relance(["resume", "--invoice", "F-100"], in: fixture)
        #expect(again.output.contains("n'était pas contestée"), "\(again.output)")
        #expect(LanguageLeaks.englishIn(again.output).isEmpty, "\(again.output)")
        let after = try Self.relance(["plan", "--now", "2026-11-05"], in: fixture)
        #expect(!after.output.contains("contestée par le client"), "\(after.output)")
        // The timeline says who resolved it, in French, through the outcome path.
        let customer = try Self.relance(["customer", "C1"], in: fixture)
        #expect(customer.output.contains("litige résolu sur la facture F-100"), "\(customer.output)")

        // Recorded with `tasks done` on the closed dispute task: all its disputed invoices, none named.
        #expect(try Self.relance(["tasks", "done", String(taskID), "--outcome", "dispute-resolved"], in: fixture).output
            .contains("aucun litige à résoudre"))
    }
}
