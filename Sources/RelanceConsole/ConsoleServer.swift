import Foundation
public import Hummingbird
public import Logging
public import RelanceDaemon
import RelanceCore

/// The web console: `buildApplication` gives the Hummingbird application that `relance run`
/// adds to its service group when `[web]` is configured (stopped gracefully with the rest).
public enum ConsoleServer {
    public static func buildApplication(runtimes: RuntimeHolder, settings: WebSettings, logger: Logger) -> some ApplicationProtocol {
        let router = buildRouter(current: { await runtimes.current }, settings: settings)
        return Application(router: router, configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: nil),
                           logger: logger)
    }

    /// The routes, over whichever runtime is current (a reload swaps it); tests pass their own.
    public static func buildRouter(current: @escaping @Sendable () async -> RelanceRuntime, settings: WebSettings,
                                   throttle: LoginThrottleSettings = .init()) -> Router<ConsoleRequestContext> {
        let sessions = ConsoleSessions(idleMinutes: settings.sessionIdleMinutes, current: current)
        let pages = ConsolePage()
        let environment = ConsoleEnvironment(current: current, sessions: sessions, pages: pages, settings: settings,
                                             throttle: LoginThrottle(perUser: throttle.perUser, perAddress: throttle.perAddress))
        let router = Router(context: ConsoleRequestContext.self)
        router.add(middleware: SecurityHeaders())
        router.add(middleware: ConsoleGate(sessions: sessions, current: current))
        router.get("/healthz") { _, _ in
            let runtime = await current()
            _ = try await runtime.store.outboxCounts()
            return "ok\n"
        }
        router.get("/static/console.css") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
                     body: .init(byteBuffer: .init(string: ConsoleTemplates.stylesheet)))
        }
        LoginController(environment: environment).addRoutes(to: router)
        TodayController(environment: environment).addRoutes(to: router)
        CustomersController(environment: environment).addRoutes(to: router)
        DoNotRemindController(environment: environment).addRoutes(to: router)
        AgingController(environment: environment).addRoutes(to: router)
        ReceiptsController(environment: environment).addRoutes(to: router)
        ImportsController(environment: environment).addRoutes(to: router)
        HealthController(environment: environment).addRoutes(to: router)
        MailController(environment: environment).addRoutes(to: router)
        return router
    }
}

/// How many failed logins stop further tries for a quarter of an hour.
public struct LoginThrottleSettings: Sendable {
    public var perUser: Int
    public var perAddress: Int

    public init(perUser: Int = 5, perAddress: Int = 20) {
        self.perUser = perUser
        self.perAddress = perAddress
    }
}

/// What every controller needs: the current runtime, the sessions, the page renderer.
struct ConsoleEnvironment: Sendable {
    let current: @Sendable () async -> RelanceRuntime
    let sessions: ConsoleSessions
    let pages: ConsolePage
    let settings: WebSettings
    let throttle: LoginThrottle

    /// The creditors this user may see, in the configuration's order.
    func creditors(of user: ConsoleUser, in runtime: RelanceRuntime) -> [RelanceRuntime.CreditorRuntime] {
        runtime.creditors.filter { user.maySee($0.configuration.id) }
    }

    /// The words of the request's user (`ConsoleWording.forUser`).
    func words(for context: ConsoleRequestContext, in runtime: RelanceRuntime) -> ConsoleWording {
        ConsoleWording.forUser(context.user, preferring: context.preferredLanguages, in: runtime)
    }

    /// A creditor the user may see, or 404: another creditor's object must not be confirmed to exist.
    func creditor(_ raw: String, for user: ConsoleUser, in runtime: RelanceRuntime) throws -> RelanceRuntime.CreditorRuntime {
        guard let id = CreditorID(raw), user.maySee(id), let creditor = runtime.creditors.first(where: { $0.configuration.id == id }) else {
            throw HTTPError(.notFound)
        }
        return creditor
    }
}
