import Foundation
import Hummingbird
import HummingbirdBcrypt
import HummingbirdTesting
import Logging
import RelanceConsole
import RelanceCore
import RelanceDaemon
import RelanceTesting

/// Two creditors, `acme` (French) and `globex` (English), one customer each, a call task for
/// ACME's customer, and two users: `marie` sees acme only, `boss` sees every creditor.
struct ConsoleFixture {
    let workspace: TemporaryWorkspace
    let runtime: RelanceRuntime
    let callTask: Int64
    static let password = "correct horse battery"

    init() async throws {
        workspace = try TemporaryWorkspace("relance-console")
        try workspace.write("relance.toml", """
            drop_folder = "drop"
            state_folder = "state"
            outbox_folder = "outbox"
            review_folder = "review"
            templates_folder = "\(RepositoryPaths.mailTemplates.path)"
            stable_after_seconds = 0

            [creditors.acme]
            legal_name = "ACME SAS"
            sender = "compta@acme.example"
            bounce_address = "bounces@acme.example"
            language = "fr"

            [creditors.globex]
            legal_name = "Globex Ltd"
            sender = "accounts@globex.example"
            bounce_address = "bounces@globex.example"
            language = "en"
            """)
        try workspace.write("drop/acme/open.csv", """
            customer;name;email;invoice;issue_date;due_date;amount
            C001;Boulangerie Martin;martin@client.example;FA-1001;2026-09-01;2026-10-01;1092.00
            """)
        try workspace.write("drop/globex/open.csv", """
            customer;name;email;invoice;issue_date;due_date;amount
            G001;Initech;ap@initech.example;INV-77;2026-09-01;2026-10-01;500.00
            """)
        var logger = Logger(label: "console-test")
        logger.logLevel = .critical
        let configuration = try ConfigurationLoader.load(from: workspace.url("relance.toml"))
        runtime = try RelanceRuntime(configuration: configuration, clock: ManualWallClock("2026-11-30T10:00:00+01:00"), logger: logger,
                                     secrets: SecretStore(environment: [:]))
        _ = try await runtime.runOnce()
        let acme = CreditorID("acme")!
        let customer = try await runtime.store.customerID(external: "C001", of: acme)
        callTask = try await runtime.store.openTask(NewTask(creditor: acme, customerID: customer, kind: .call, title: "Appeler Boulangerie Martin",
                                                            detail: ["phones": "+33 2 40 00 00 01"]), at: runtime.clock.now()).id
        let now = runtime.clock.now()
        try await runtime.store.saveConsoleUser(ConsoleUser(name: "marie", passwordHash: Bcrypt.hash(Self.password, cost: 4),
                                                            allCreditors: false, creditors: [acme]), at: now)
        try await runtime.store.saveConsoleUser(ConsoleUser(name: "boss", passwordHash: Bcrypt.hash(Self.password, cost: 4),
                                                            allCreditors: true, creditors: []), at: now)
    }

    func application(throttle: LoginThrottleSettings = .init()) -> some ApplicationProtocol {
        let runtime = runtime
        let router = ConsoleServer.buildRouter(current: { runtime }, settings: WebSettings(), throttle: throttle)
        return Application(router: router)
    }
}

/// A browser's state across requests: the session cookie and the last page's form token.
struct Browser {
    var cookie: String?

    static func form(_ fields: [String: String]) -> ByteBuffer {
        let body = fields.map { key, value in
            "\(key)=\(value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
        }.joined(separator: "&")
        return ByteBuffer(string: body)
    }

    var headers: HTTPFields {
        var fields: HTTPFields = [:]
        if let cookie { fields[.cookie] = cookie }
        return fields
    }

    var formHeaders: HTTPFields {
        var fields = headers
        fields[.contentType] = "application/x-www-form-urlencoded"
        return fields
    }

    /// Signs in; returns the status of the answer to the login form.
    mutating func login(_ client: some TestClientProtocol, user: String, password: String = ConsoleFixture.password) async throws -> HTTPResponse.Status {
        let response = try await client.execute(uri: "/login", method: .post, headers: formHeaders,
                                                body: Self.form(["username": user, "password": password, "next": "/"]))
        if let setCookie = response.headers[.setCookie], let pair = setCookie.split(separator: ";").first {
            cookie = String(pair)
        }
        return response.status
    }

    /// The `csrf` field of a page's first form.
    static func csrf(in html: String) -> String? {
        guard let range = html.range(of: #"name="csrf" value=""#) else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    /// A token one character off the real one. The first character is always changed: replacing it
    /// with a fixed letter forged nothing whenever the real token began with that letter.
    static func forged(_ token: String) -> String {
        let replacement: Character = token.first == "x" ? "y" : "x"
        return String(replacement) + token.dropFirst()
    }
}
