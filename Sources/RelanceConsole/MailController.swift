import Foundation
import Hummingbird
import RelanceCore
import RelanceDaemon
import RelanceMail

/// `/mail`: the reminders sent and the messages received, per creditor, searchable; a message
/// opens as text (`ReadableMessage`: never its HTML, nothing fetched, no attachment opened).
struct MailController {
    let environment: ConsoleEnvironment
    static let pageLength = 200

    func addRoutes(to router: Router<ConsoleRequestContext>) {
        router.get("/mail") { request, context in try await list(request, context: context) }
        router.get("/mail/{creditor}/{direction}/{id}") { _, context in try await show(context: context) }
    }

    private func list(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let runtime = await environment.current()
        let words = environment.words(for: context, in: runtime)
        let query = String((request.formQuery["q"] ?? "").prefix(100)).trimmingCharacters(in: .whitespaces)
        var sections: [[String: Any]] = []
        for creditor in environment.creditors(of: user, in: runtime) {
            let id = creditor.configuration.id
            let codes = MailSearchWords.codes(matching: query, steps: creditor.configuration.stepNames, words: words)
            let entries = try await runtime.store.mailLog(of: id, search: query, codes: codes, limit: Self.pageLength)
            sections.append(["name": creditor.configuration.legalName, "hasEntries": !entries.isEmpty, "entries": entries.map { entry -> [String: Any] in
                ["when": words.dateTime(entry.time, in: creditor.timeZone), "direction": words.mailDirection(entry),
                 "customer": [entry.customerCode, entry.customerName].compactMap { $0 }.joined(separator: " "), "counterpart": entry.counterpart,
                 "label": words.mailLabel(entry), "url": "/mail/\(id.rawValue)/\(entry.direction.rawValue)/\(entry.id)"]
            }])
        }
        return environment.pages.render("mail", title: words.mail, words: words, session: context.session, user: user.name,
                                        context: ["creditors": sections, "query": query])
    }

    private func show(context: ConsoleRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let runtime = await environment.current()
        let words = environment.words(for: context, in: runtime)
        let creditor = try environment.creditor(try context.parameters.require("creditor"), for: user, in: runtime)
        guard let direction = MailLogEntry.Direction(rawValue: try context.parameters.require("direction")),
              let entry = try await runtime.store.mailEntry(direction, id: try context.parameters.require("id", as: Int64.self),
                                                            of: creditor.configuration.id)
        else { throw HTTPError(.notFound) }
        let readable = ReadableMessage(raw: entry.raw ?? [])
        let page: [String: Any] = [
            "subject": readable.subject, "from": readable.from, "counterpart": entry.counterpart, "label": words.mailLabel(entry),
            "when": words.dateTime(entry.time, in: creditor.timeZone), "text": readable.text,
            "attachments": readable.attachments.joined(separator: ", "), "noRaw": entry.raw == nil,
        ]
        return environment.pages.render("mailMessage", title: readable.subject.isEmpty ? words.mail : readable.subject, words: words,
                                        session: context.session, user: user.name, context: page)
    }
}
