import Foundation
import Testing
import RelanceCore
import RelanceDaemon

/// An outbox folder that cannot be written into says where and why, from the system's errno,
/// in the creditor's language — not Foundation's "The operation could not be completed.
/// (NSCocoaErrorDomain error 512.)", which hid the cause.
@Suite struct OutboxFolderFailureTests {
    @Test func aFolderUnderAFileIsRefusedWithItsCause() async throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("relance-outbox-\(UUID().uuidString)")
        try Data("not a folder".utf8).write(to: scratch)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let folder = scratch.appendingPathComponent("outbox")
        let message = OutboxMessage(id: 12, creditor: CreditorID("acme")!, customerID: 1, step: "first-reminder", messageID: "<a@b>",
                                    envelopeFrom: EmailAddress("a@b.example")!, recipients: [], bytes: Array("x".utf8), attempts: 1,
                                    queuedAt: Date())
        let outcome = await OutboxFolderTransport(folder: folder).deliver(message)
        guard case .temporaryFailure(let reason) = outcome else { Issue.record("\(outcome)"); return }
        let french = FrenchWording().sendFailure(reason)
        #expect(french.hasPrefix("impossible d'écrire dans le dossier d'envoi : \(scratch.path)"), "\(french)")
        #expect(french.hasSuffix(" : un élément du chemin n'est pas un dossier"), "\(french)")
        #expect(EnglishWording().sendFailure(reason).hasSuffix(": a part of the path is not a folder"))
        #expect(!french.contains("NSCocoaErrorDomain"))
    }
}
