import Foundation
import Hummingbird
import HummingbirdBcrypt
import RelanceCore

/// `/login` and `/logout`. Failed logins are throttled per user name and per address; an unknown
/// name costs the same bcrypt work as a wrong password, so timing does not tell names apart.
struct LoginController {
    let environment: ConsoleEnvironment
    /// A hash of a password nobody knows, checked when the name is unknown (made once, lazily).
    private static let decoyHash = Bcrypt.hash(ConsoleSessions.randomToken())

    struct LoginForm: Decodable {
        let username: String?
        let password: String?
        let next: String?
    }

    func addRoutes(to router: Router<ConsoleRequestContext>) {
        router.get("/login") { request, context in
            let runtime = await environment.current()
            if context.session != nil { return Response.redirect(to: "/") }
            return environment.pages.render("login", title: environment.words(for: context, in: runtime).signIn,
                                            words: environment.words(for: context, in: runtime), session: nil, user: nil,
                                            context: ["next": Self.safeNext(request.formQuery["next"])])
        }
        router.post("/login") { request, context in try await login(request, context: context) }
        router.post("/logout") { request, context in
            if let session = context.session { try await environment.sessions.close(token: session.token) }
            var response = Response.redirect(to: "/login")
            response.setCookie(Cookie(name: ConsoleGate.cookieName, value: "", maxAge: 0, path: "/", secure: environment.settings.secureCookies,
                                      httpOnly: true, sameSite: .strict))
            return response
        }
    }

    private func login(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let runtime = await environment.current()
        let words = environment.words(for: context, in: runtime)
        let form = try await request.decode(as: LoginForm.self, context: context)
        let name = (form.username ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let password = form.password ?? ""
        let next = Self.safeNext(form.next)
        func refuse(_ message: String, status: HTTPResponse.Status) -> Response {
            environment.pages.render("login", title: words.signIn, words: words, session: nil, user: nil,
                                     context: ["message": message, "username": name, "next": next], status: status)
        }
        let now = Date()
        if await environment.throttle.isThrottled(user: name, address: context.clientAddress, now: now) {
            context.logger.warning("console: login throttled", metadata: ["user": "\(PrintableText.escape(name.prefix(64)))", "address": "\(context.clientAddress)"])
            return refuse(words.loginThrottled, status: .tooManyRequests)
        }
        let user = ConsoleUser.isValidName(name) ? try await runtime.store.consoleUser(named: name) : nil
        let hash = user?.passwordHash ?? Self.decoyHash
        let matches = await Task.detached { Bcrypt.verify(password, hash: hash) }.value
        guard let user, matches else {
            await environment.throttle.recordFailure(user: name, address: context.clientAddress, now: now)
            context.logger.notice("console: login refused", metadata: ["user": "\(PrintableText.escape(name.prefix(64)))", "address": "\(context.clientAddress)"])
            return refuse(words.loginFailed, status: .unauthorized)
        }
        await environment.throttle.recordSuccess(user: name)
        let session = try await environment.sessions.open(for: user.name, now: now)
        context.logger.notice("console: signed in", metadata: ["user": "\(user.name)"])
        var response = Response.redirect(to: next)
        response.setCookie(Cookie(name: ConsoleGate.cookieName, value: session.token, maxAge: environment.settings.sessionIdleMinutes * 60,
                                  path: "/", secure: environment.settings.secureCookies, httpOnly: true, sameSite: .strict))
        return response
    }

    /// Only a path on this site: no scheme, no `//host`, no backslash tricks.
    static func safeNext(_ raw: String?) -> String {
        guard let raw, raw.hasPrefix("/"), !raw.hasPrefix("//"), !raw.contains("\\"),
              raw.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F })
        else { return "/" }
        return raw
    }
}
