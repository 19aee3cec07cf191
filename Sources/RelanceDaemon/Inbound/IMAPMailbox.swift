public import CurlMail
import Foundation
public import RelanceCore

/// The `Mailbox` port over CurlMail's IMAP client: connections kept open between polls, so
/// that an idle poll is one `STATUS` per folder, whatever the size of the mailbox.
///
/// Two connections: `STATUS` on the folder a session has selected may answer with the numbers
/// the session last saw (RFC 3501 6.3.10 forbids using it to check the selected mailbox, and
/// Dovecot does answer stale), so it goes over a connection that never selects anything.
public actor IMAPMailbox: Mailbox {
    private let settings: MailServerSettings
    private let secrets: SecretStore
    private let log: ProtocolLogSink?
    private var client: IMAPClient?
    private var statusClient: IMAPClient?
    /// False once the server said it cannot MOVE: handled messages then stay where they are.
    private var canMove = true

    /// - Parameter log: receives every protocol line (credentials redacted), e.g. to count commands.
    public init(settings: MailServerSettings, secrets: SecretStore, log: ProtocolLogSink? = nil) {
        self.settings = settings
        self.secrets = secrets
        self.log = log
    }

    public func state(of folder: String) async throws(MailboxError) -> MailboxFolderState {
        let status = try await run(onStatusConnection: true) { client throws(IMAPError) in try await client.status(folder) }
        return MailboxFolderState(uidValidity: status.uidValidity, uidNext: status.uidNext, messages: status.messages)
    }

    public func search(_ folder: String, _ range: MailboxRange, unseenOnly: Bool) async throws(MailboxError) -> [UInt32] {
        var criteria = switch range {
        case .uids(let first): "UID \(max(first, 1)):*"
        case .since(let day): "SINCE " + Self.imapDate(day)
        }
        if unseenOnly {
            criteria += " UNSEEN"
        } else {
            // The selected folder's view is refreshed only between commands: without this, a search
            // right after the previous poll's would not see what arrived since.
            try await run { client throws(IMAPError) in try await client.noop(folder) }
        }
        let found = try await run { [criteria] client throws(IMAPError) in try await client.uidSearch(folder, criteria: criteria) }
        return found.sorted()
    }

    public func fetch(_ folder: String, uidValidity: UInt32, uid: UInt32) async throws(MailboxError) -> [UInt8] {
        try await run { client throws(IMAPError) in try await client.fetch(folder, uidValidity: uidValidity, uid: uid) }
    }

    public func markUnread(_ folder: String, uids: [UInt32]) async throws(MailboxError) {
        for uid in uids {
            try await run { client throws(IMAPError) in try await client.removeSeen(folder, uid: uid) }
        }
    }

    public func move(_ folder: String, uid: UInt32, to destination: String) async throws(MailboxError) -> Bool {
        guard canMove else { return false }
        do {
            try await connectedClient().move(folder, uid: uid, to: destination)
            return true
        } catch let error as IMAPError where error.code == .mailboxNotFound {
            // The destination does not exist yet: create it once, then move.
            try await run { client throws(IMAPError) in try await client.create(destination) }
            try await run { client throws(IMAPError) in try await client.move(folder, uid: uid, to: destination) }
            return true
        } catch let error as IMAPError where error.code == .commandRefused && error.serverResponse?.status == .bad {
            canMove = false
            return false
        } catch let error as IMAPError {
            throw dropping(Self.mailboxError(error))
        } catch let error as MailboxError {
            throw error
        } catch {
            throw MailboxError(.failed, "\(error)")
        }
    }

    // MARK: -

    private func run<T: Sendable>(onStatusConnection: Bool = false,
                                  _ operation: @Sendable (IMAPClient) async throws(IMAPError) -> T) async throws(MailboxError) -> T {
        let client = try onStatusConnection ? connectedStatusClient() : connectedClient()
        do {
            return try await operation(client)
        } catch {
            throw dropping(Self.mailboxError(error))
        }
    }

    /// After a failure that concerns the connection, the next operation starts a fresh one.
    private func dropping(_ error: MailboxError) -> MailboxError {
        if [.unavailable, .authentication, .tls, .failed].contains(error.code) {
            client = nil
            statusClient = nil
        }
        return error
    }

    private func connectedClient() throws(MailboxError) -> IMAPClient {
        if let client { return client }
        let opened = try openClient()
        client = opened
        return opened
    }

    private func connectedStatusClient() throws(MailboxError) -> IMAPClient {
        if let statusClient { return statusClient }
        let opened = try openClient()
        statusClient = opened
        return opened
    }

    private func openClient() throws(MailboxError) -> IMAPClient {
        let credentials: MailCredentials
        do {
            credentials = try Self.credentials(settings, secrets)
        } catch {
            throw MailboxError(.authentication, error.description)
        }
        let endpoint = IMAPEndpoint(host: settings.host, port: settings.port, security: settings.security.curlMail,
                                    credentials: credentials, caFile: settings.caFile,
                                    timeouts: MailTimeouts(operation: .seconds(settings.timeoutSeconds)))
        do {
            return try IMAPClient(endpoint: endpoint, log: log)
        } catch {
            throw Self.mailboxError(error)
        }
    }

    private static func credentials(_ settings: MailServerSettings, _ secrets: SecretStore) throws(SecretError) -> MailCredentials {
        let user = settings.username ?? ""
        if let name = settings.oauth2TokenCredential { return .oauth2(user: user, bearerToken: try secrets.secret(named: name)) }
        if let name = settings.passwordCredential { return .password(user: user, password: try secrets.secret(named: name)) }
        return .none
    }

    static func mailboxError(_ error: IMAPError) -> MailboxError {
        let code: MailboxError.Code = switch error.code {
        case .connectFailed, .timeout, .connectionLost, .resourceUnavailable, .cancelled: .unavailable
        case .authenticationFailed: .authentication
        case .tlsFailed, .certificateUntrusted, .caFileUnreadable, .startTLSUnavailable: .tls
        case .mailboxNotFound: .folderNotFound
        case .uidValidityChanged: .uidValidityChanged
        case .messageNotFound: .messageNotFound
        case .invalidConfiguration, .invalidArgument, .commandRefused, .protocolError: .failed
        }
        return MailboxError(code, error.description)
    }

    /// IMAP's date for SEARCH SINCE: `7-Nov-2026` (RFC 3501 date-text, English month names).
    static func imapDate(_ day: CivilDate) -> String {
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(day.day)-\(months[day.month - 1])-\(day.year)"
    }
}
