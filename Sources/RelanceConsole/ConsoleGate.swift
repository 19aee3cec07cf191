import Foundation
import HTTPTypes
import Hummingbird
import RelanceCore
import RelanceDaemon

/// Every request passes here: a signed-in session for all but the public paths (else the login
/// page), and on every POST the session's form token in the `csrf` field (else 403).
struct ConsoleGate: RouterMiddleware {
    typealias Context = ConsoleRequestContext
    static let cookieName = "relance_session"
    static let publicPaths: Set<String> = ["/login", "/healthz", "/static/console.css"]

    let sessions: ConsoleSessions
    let current: @Sendable () async -> RelanceRuntime

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        var request = request
        let runtime = await current()
        context.preferredLanguages = request.headers[.acceptLanguage].map(AcceptLanguage.preferred) ?? []
        if let token = request.cookies[Self.cookieName]?.value, let session = try await sessions.session(token: token, now: Date()),
           let user = try await runtime.store.consoleUser(named: session.userName) {
            context.session = session
            context.user = user
        }
        let path = request.uri.path
        if Self.publicPaths.contains(path) {
            if request.method == .post, path != "/login" { throw HTTPError(.methodNotAllowed) }
            return try await next(request, context)
        }
        guard let session = context.session else {
            // Only a page may be remembered as the place to come back to after signing in.
            let back = request.method == .get ? "?next=" + (path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/") : ""
            return .redirect(to: "/login" + back, type: .normal)
        }
        if request.method != .get && request.method != .head {
            // An upload is bounded by its own limit; every other form is small.
            let limit = path == ImportsController.uploadPath ? ImportsController.uploadLimit(runtime) + 64 * 1024 : context.maxUploadSize
            let body = try await request.collectBody(upTo: limit)
            let token: String?
            if let boundary = request.headers[.contentType].flatMap(MultipartForm.boundary(contentType:)) {
                token = (try? MultipartForm(body: Array(buffer: body), boundary: boundary))?.field("csrf")
            } else {
                token = (try? await request.decode(as: CSRFField.self, context: context))?.csrf
            }
            guard let token, ConsoleSessions.same(token, session.csrf) else {
                context.logger.warning("console: POST without a valid form token refused", metadata: ["path": "\(path)"])
                throw HTTPError(.forbidden, message: ConsoleWording.forUser(context.user, preferring: context.preferredLanguages, in: runtime).formExpired)
            }
        }
        return try await next(request, context)
    }

    struct CSRFField: Decodable {
        let csrf: String?
    }
}

/// Headers on every answer: nothing loads from elsewhere, no page in a frame, no caching of
/// the books, and no script at all (the console works without JavaScript).
struct SecurityHeaders: RouterMiddleware {
    typealias Context = ConsoleRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as HTTPError {
            response = ConsolePage.errorPage(status: error.status, message: error.body ?? "")
        }
        response.headers[.contentSecurityPolicy] = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }
}
