import CurlMail
import Foundation
public import RelanceCore

/// Checks a creditor's evidence source before anything is sent (at start and on reload):
/// log in, and find the folder the copies are read from. A wrong `archive_folder` or a missing
/// credential would otherwise show only after a crash — as duplicates. The answer is a reason
/// to pause the outbox, in the configuration's words, or nil when the source is sound.
public struct EvidenceCheck: Sendable {
    public let secrets: SecretStore

    public init(secrets: SecretStore) { self.secrets = secrets }

    public func problem(of creditor: CreditorID, _ settings: SendingSettings) async -> String? {
        let server: MailServerSettings
        let folder: String
        let section: String
        let folderKey: String
        switch settings.evidence {
        case .none:
            return nil
        case .archive(_, let archive, let archiveFolder):
            server = archive
            folder = archiveFolder
            section = "[creditors.\(creditor).archive_imap]"
            folderKey = "archive_folder in [creditors.\(creditor)]"
        case .providerSentFolder(let imap, let sentFolder):
            server = imap
            folder = sentFolder
            section = "[creditors.\(creditor).imap]"
            folderKey = "sent_folder in [creditors.\(creditor)]"
        }
        let client: IMAPClient
        do {
            client = try server.imapClient(secrets: secrets)
        } catch let error as SecretError {
            return "the evidence mailbox cannot be read, so an interrupted send could not be settled: \(error) "
                + "(the credential named in \(section))"
        } catch {
            return "the evidence mailbox settings in \(section) cannot be used: \(error)"
        }
        do {
            _ = try await client.status(folder)
            return nil
        } catch {
            switch error.code {
            case .mailboxNotFound, .commandRefused:
                return "the evidence folder \"\(folder)\" does not exist on \(server.host) (\(folderKey)): "
                    + "an interrupted send could never be found there and would be sent twice. Correct \(folderKey)."
            case .authenticationFailed:
                return "the evidence mailbox on \(server.host) refused the login of username = \"\(server.username ?? "")\": "
                    + "check the secret of password_credential in \(section)."
            default:
                return "the evidence mailbox in \(section) cannot be read: \(error)"
            }
        }
    }
}
