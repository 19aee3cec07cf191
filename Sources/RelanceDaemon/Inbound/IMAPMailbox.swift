public import CurlMail
import Foundation
public import RelanceCore

/// The `Mailbox` port over CurlMail: connections kept open between polls, so that an idle
/// poll is one `STATUS` per folder, whatever the size of the mailbox.
///
/// Up to three connections, each for one kind of work:
/// - `STATUS` goes over a connection that never selects anything: on the folder a session has
///   selected it may answer with the numbers the session last saw (RFC 3501 6.3.10 forbids
///   using it to check the selected mailbox, and Dovecot does answer stale);
/// - reading (`EXAMINE`, `UID SEARCH`, `UID FETCH … BODY.PEEK[]`) goes over an `IMAPReader`,
///   read-only: nothing done there can change a flag;
/// - `MOVE` of our handled messages (and `CREATE` of its folder) over a third, opened only
///   when something is moved.
public actor IMAPMailbox: Mailbox {
    private let settings: MailServerSettings
    private let secrets: SecretStore
    private let log: ProtocolLogSink?
    private let maximumMessageBytes: Int
    private var client: IMAPClient?
    private var statusClient: IMAPClient?
    private var reader: IMAPReader?
    /// False once the server said it cannot MOVE: handled messages then stay where they are.
    private var canMove = true

    /// - Parameter log: receives every protocol line (credentials redacted), e.g. to count commands.
    /// - Parameter maximumMessageBytes: a longer message is read cut to this size.
    public init(settings: MailServerSettings, secrets: SecretStore, maximumMessageBytes: Int = InboundSettings().maximumMessageBytes,
                log: ProtocolLogSink? = nil) {
        self.settings = settings
        self.secrets = secrets
        self.maximumMessageBytes = maximumMessageBytes
        self.log = log
    }

    public func state(of folder: String) async throws(MailboxError) -> MailboxFolderState {
        let status = try await run(onStatusConnection: true) { client throws(IMAPError) in try await client.status(folder) }
        return MailboxFolderState(uidValidity: status.uidValidity, uidNext: status.uidNext, messages: status.messages)
    }

    public func list(_ folder: String, uidValidity: UInt32, _ range: MailboxRange) async throws(MailboxError) -> [MailboxEntry] {
        let reader = try connectedReader()
        do throws(IMAPError) {
            // A fresh EXAMINE: the session then sees everything that arrived since its last command.
            let status = try await reader.examine(folder)
            guard status.uidValidity == uidValidity else {
                throw IMAPError(code: .uidValidityChanged, detail: "\(folder) has UIDVALIDITY \(status.uidValidity), not \(uidValidity)")
            }
            let sizes: [IMAPMessageSize]
            switch range {
            case .uids(let first):
                sizes = try await reader.sizes(folder, uidValidity: uidValidity, from: first)
            case .since(let day):
                let uids = try await reader.search(folder, uidValidity: uidValidity, criteria: "SINCE " + Self.imapDate(day))
                sizes = try await reader.sizes(folder, uidValidity: uidValidity, of: uids)
            }
            return sizes.map { MailboxEntry(uid: $0.uid, size: $0.size) }
        } catch {
            throw dropping(Self.mailboxError(error))
        }
    }

    public func fetch(_ folder: String, uidValidity: UInt32, uids: [UInt32]) async throws(MailboxError) -> [MailboxMessage] {
        let reader = try connectedReader()
        do throws(IMAPError) {
            return try await reader.messages(folder, uidValidity: uidValidity, uids: uids)
                .map { MailboxMessage(uid: $0.uid, bytes: $0.bytes, size: $0.size) }
        } catch {
            throw dropping(Self.mailboxError(error))
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
            reader = nil
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

    private func connectedReader() throws(MailboxError) -> IMAPReader {
        if let reader { return reader }
        do {
            let opened = try IMAPReader(endpoint: try endpoint(), maximumMessageBytes: maximumMessageBytes, log: log)
            reader = opened
            return opened
        } catch let error as IMAPError {
            throw Self.mailboxError(error)
        } catch let error as MailboxError {
            throw error
        } catch {
            throw MailboxError(.failed, "\(error)")
        }
    }

    private func openClient() throws(MailboxError) -> IMAPClient {
        do {
            return try IMAPClient(endpoint: try endpoint(), log: log)
        } catch let error as IMAPError {
            throw Self.mailboxError(error)
        } catch let error as MailboxError {
            throw error
        } catch {
            throw MailboxError(.failed, "\(error)")
        }
    }

    private func endpoint() throws(MailboxError) -> IMAPEndpoint {
        let credentials: MailCredentials
        do {
            credentials = try Self.credentials(settings, secrets)
        } catch {
            throw MailboxError(.authentication, error.description)
        }
        return IMAPEndpoint(host: settings.host, port: settings.port, security: settings.security.curlMail,
                            credentials: credentials, caFile: settings.caFile,
                            timeouts: MailTimeouts(operation: .seconds(settings.timeoutSeconds)))
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
