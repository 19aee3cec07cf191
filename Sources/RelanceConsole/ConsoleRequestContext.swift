public import Hummingbird
import Logging
import NIOCore
import RelanceCore

/// Each request's context: who is signed in and which languages the browser prefers (set by
/// `ConsoleGate`), and the client's address for login throttling. Forms are decoded as
/// `application/x-www-form-urlencoded`.
public struct ConsoleRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    var session: ConsoleSession?
    var user: ConsoleUser?
    /// The languages the browser asks for, best first (`AcceptLanguage`), set by `ConsoleGate`.
    var preferredLanguages: [Language] = []
    let clientAddress: String

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    public var requestDecoder: URLEncodedFormDecoder { URLEncodedFormDecoder() }
    /// Forms are small; an upload has its own limit where it is read.
    public var maxUploadSize: Int { 64 * 1024 }

    /// The signed-in user; the gate guarantees one on every route but the public ones.
    func requireUser() throws -> ConsoleUser {
        guard let user else { throw HTTPError(.unauthorized) }
        return user
    }
}
