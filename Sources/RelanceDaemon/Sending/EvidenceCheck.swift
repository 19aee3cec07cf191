import CurlMail
import Foundation
public import RelanceCore

/// Checks a creditor's evidence source before anything is sent (at start and on reload):
/// log in, and find the folder the copies are read from. A wrong `archive_folder` or a missing
/// credential would otherwise show only after a crash — as duplicates. The answer is a reason
/// to pause the outbox (a fault the creditor's wording says, naming the configuration's keys), or
/// nil when the source is sound.
public struct EvidenceCheck: Sendable {
    public let secrets: SecretStore

    public init(secrets: SecretStore) { self.secrets = secrets }

    public func problem(of creditor: CreditorID, _ settings: SendingSettings) async -> SendingSettingFault? {
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
            folderKey = "archive_folder"
        case .providerSentFolder(let imap, let sentFolder):
            server = imap
            folder = sentFolder
            section = "[creditors.\(creditor).imap]"
            folderKey = "sent_folder"
        }
        func fault(_ kind: SendingSettingFault.Kind) -> SendingSettingFault {
            SendingSettingFault(kind, server: server.host, section: section)
        }
        let client: IMAPClient
        do {
            client = try server.imapClient(secrets: secrets)
        } catch let error as SecretError {
            return fault(.evidenceCredentialUnavailable(credential: error.credential, variable: error.variable))
        } catch {
            return fault(.evidenceSettingsUnusable(detail: "\(error)"))
        }
        do {
            _ = try await client.status(folder)
            return nil
        } catch {
            switch error.code {
            case .mailboxNotFound, .commandRefused:
                return fault(.evidenceFolderMissing(folder: folder, key: folderKey, keySection: "[creditors.\(creditor)]"))
            case .authenticationFailed:
                return fault(.evidenceLoginRefused(username: server.username ?? ""))
            default:
                return fault(.evidenceUnreadable(detail: "\(error)"))
            }
        }
    }
}
