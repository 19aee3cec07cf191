import Foundation
import Hummingbird
import RelanceCore
import RelanceDaemon

/// `/imports`: per creditor the snapshots held for a person (confirm or reject, through
/// `PeopleActions` like `relance import confirm|reject`), the recent imports with each refusal's
/// explanation, and an upload form whose file goes into the creditor's drop folder, to be read
/// by the intake like any file copied there.
struct ImportsController {
    let environment: ConsoleEnvironment
    static let uploadPath = "/imports/upload"
    static let historyLength = 50

    /// Uploads are held in memory: at most 25 MB, or the intake's own limit when lower.
    static func uploadLimit(_ runtime: RelanceRuntime) -> Int {
        min(runtime.configuration.maximumFileBytes, 25 * 1_048_576)
    }

    func addRoutes(to router: Router<ConsoleRequestContext>) {
        router.get("/imports") { request, context in try await page(request, context: context) }
        router.post(.init(stringLiteral: Self.uploadPath)) { request, context in try await upload(request, context: context) }
        router.post("/imports/{creditor}/{id}/reject") { request, context in try await reject(request, context: context) }
    }

    private func page(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let runtime = await environment.current()
        let words = environment.words(for: context, in: runtime)
        let csrf = context.session?.csrf ?? ""
        var sections: [[String: Any]] = []
        for creditor in environment.creditors(of: user, in: runtime) {
            let id = creditor.configuration.id
            let timeZone = creditor.timeZone
            let held = try await runtime.store.heldImports(of: id)
            let history = try await runtime.store.importHistory(of: id, limit: Self.historyLength)
            sections.append([
                "name": creditor.configuration.legalName, "id": id.rawValue, "hasHeld": !held.isEmpty, "hasHistory": !history.isEmpty,
                "held": held.map { item -> [String: Any] in
                    ["id": item.importID, "creditor": id.rawValue, "file": item.fileName, "reason": item.reason, "csrf": csrf,
                     "asOf": item.asOf.map(words.date) ?? ""]
                },
                "history": history.map { record -> [String: Any] in
                    ["id": record.importID, "file": record.fileName, "when": words.dateTime(record.importedAt, in: timeZone),
                     "status": words.importStatus(record.status), "statusClass": record.status.rawValue,
                     "items": record.status == .rejected ? "" : "\(record.itemCount)", "error": record.error ?? record.heldReason ?? "",
                     "hasError": (record.error ?? record.heldReason) != nil,
                     // Each warning without the file name it starts with: the row names the file.
                     "warnings": record.warnings.map { warning in
                         // One line each: an escape in it (`Dupont\nSA`) shows the cell as it was.
                         ["text": JournalLines.plain(Self.withoutFileName(warning, record.fileName))]
                     },
                     "hasWarnings": !record.warnings.isEmpty, "warningsTitle": words.importWarnings(record.warnings.count),
                     // Shown, not folded: the drop a person just made, and the date it gave the books.
                     "reconfirmations": record.reconfirmations.map { ["text": JournalLines.plain($0)] }]
                },
            ])
        }
        let uploaded = request.formQuery["uploaded"].map { String($0.prefix(200)) }
        let page: [String: Any] = [
            "creditors": sections, "csrf": csrf, "uploaded": uploaded.map(words.uploaded) ?? "",
            "limit": words.uploadLimit(Self.uploadLimit(runtime) / 1_048_576),
            "many": sections.count > 1,
        ]
        return environment.pages.render("imports", title: words.imports, words: words, session: context.session, user: user.name, context: page)
    }

    /// `open.csv: the customer name …` → `the customer name …`; `open.csv : …` in French.
    static func withoutFileName(_ warning: String, _ file: String) -> String {
        for prefix in ["\(file): ", "\(file) : "] where warning.hasPrefix(prefix) { return String(warning.dropFirst(prefix.count)) }
        return warning
    }

    private func upload(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let runtime = await environment.current()
        let words = environment.words(for: context, in: runtime)
        var request = request
        let body = try await request.collectBody(upTo: Self.uploadLimit(runtime) + 64 * 1024)
        guard let boundary = request.headers[.contentType].flatMap(MultipartForm.boundary(contentType:)),
              let form = try? MultipartForm(body: Array(buffer: body), boundary: boundary)
        else { throw HTTPError(.badRequest, message: words.uploadUnreadable) }
        let creditor = try environment.creditor(form.field("creditor") ?? "", for: user, in: runtime)
        guard let file = form.file, let fileName = file.fileName, !fileName.isEmpty else {
            throw HTTPError(.badRequest, message: words.uploadNoFile)
        }
        guard !file.content.isEmpty else { throw HTTPError(.badRequest, message: words.uploadEmpty(fileName)) }
        guard file.content.count <= Self.uploadLimit(runtime) else {
            throw HTTPError(.contentTooLarge, message: words.uploadLimit(Self.uploadLimit(runtime) / 1_048_576))
        }
        let placed = try await PeopleActions(runtime: runtime).depositExport(file.content, named: fileName, for: creditor, by: user.name)
        return .redirect(to: "/imports?uploaded=" + (placed.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))
    }

    struct RejectForm: Decodable {
        let reason: String?
    }

    private func reject(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let held = try await HeldImportRoute(context, in: environment)
        let form = try await request.decode(as: RejectForm.self, context: context)
        try await PeopleActions(runtime: held.runtime).rejectHeldImport(held.importID, of: held.creditor.configuration,
                                                                        reason: form.reason.map { String($0.prefix(500)) }, by: held.user.name)
        return .redirect(to: "/imports")
    }
}
