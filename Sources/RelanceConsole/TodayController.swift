import Foundation
import Hummingbird
import RelanceCore
import RelanceDaemon
import RelanceMail

/// `/`: the day's work for each creditor the user sees — the open tasks, calls first, each with
/// its outcome form — and the imports held for a person's confirmation.
struct TodayController {
    let environment: ConsoleEnvironment

    func addRoutes(to router: Router<ConsoleRequestContext>) {
        router.get("/") { request, context in try await today(request, context: context) }
        router.post("/tasks/{id}/close") { request, context in try await close(request, context: context) }
        router.get("/tasks/{id}/document") { _, context in try await document(context: context) }
        router.post("/messages/{id}/send") { _, context in try await decide(.send, context: context) }
        router.post("/messages/{id}/skip") { _, context in try await decide(.skip, context: context) }
        router.post("/imports/{creditor}/{id}/confirm") { request, context in try await confirmImport(request, context: context) }
    }

    private func today(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let runtime = await environment.current()
        let words = environment.words(for: context, in: runtime)
        let kind = request.formQuery["kind"].flatMap { WorkTask.Kind(rawValue: $0) }
        let pageNumber = request.formQuery["page"].flatMap { Int($0) }
        var sections: [[String: Any]] = []
        for creditor in environment.creditors(of: user, in: runtime) {
            let id = creditor.configuration.id
            // One page of each kind, in Today's order, read by the store: never every open task.
            var paging = TodayPaging(counts: try await runtime.store.openTaskCounts(of: id), kind: kind, page: pageNumber)
            try await paging.fetch { try await runtime.store.openTasks(of: id, kind: $0.kind, offset: $0.offset, limit: $0.limit) }
            let tasks = paging.shown
            let held = kind == nil ? try await runtime.store.heldImports(of: id) : []
            let messages = kind == nil ? try await runtime.store.messagesToReview(of: id) : []
            // Only the codes of the customers on the page, in one read: a profile read per task
            // (its addresses decoded) cost more than the rest of a page of 50 calls.
            let customers = try await runtime.store.customerCodes(Set(tasks.compactMap(\.customerID) + messages.map(\.customerID)))
            var section: [String: Any] = [
                "name": creditor.configuration.legalName,
                "more": paging.more.map { ["text": words.moreTasks($0.count, of: $0.kind), "url": "/?kind=\($0.kind.rawValue)"] },
                "tasks": tasks.map { task -> [String: Any] in
                    let phones = DialablePhone.pageValues(task.detail["phones"] ?? "")
                    // When no number is usable, "phones" holds advice in words: shown as a detail, not as links.
                    let shownDetails = task.detail.filter { $0.key != "phones" || phones.isEmpty }
                    let details = TaskDetails.ordered(shownDetails).map {
                        ["key": words.language.wording.detailLabel($0.key), "value": words.language.wording.detailValue($0.key, $0.value)]
                    }
                    var row: [String: Any] = [
                        "id": task.id, "kind": words.taskKind(task.kind), "title": task.title, "hasDocument": task.documentPath != nil,
                        "phones": phones, "hasPhones": !phones.isEmpty, "details": details, "hasDetails": !details.isEmpty,
                        "csrf": context.session?.csrf ?? "",
                    ]
                    if let due = task.dueOn { row["due"] = words.date(due) }
                    if let customerID = task.customerID, let code = customers[customerID] {
                        row["customerURL"] = CustomersController.url(creditor: id, code: code)
                    }
                    return row
                },
                "hasTasks": !tasks.isEmpty, "hasHeld": !held.isEmpty, "hasMessages": !messages.isEmpty,
                "messages": messages.map { message -> [String: Any] in
                    let readable = ReadableMessage(raw: message.raw)
                    var row: [String: Any] = [
                        "id": message.id, "subject": readable.subject, "to": message.recipients.joined(separator: ", "),
                        "text": readable.text, "reason": message.reason ?? "", "state": words.messageState(message.state),
                        "attachments": readable.attachments.joined(separator: ", "), "csrf": context.session?.csrf ?? "",
                        "step": words.language.wording.stepName(message.step), "awaiting": message.state == .awaitingApproval,
                    ]
                    if let code = customers[message.customerID] { row["customerURL"] = CustomersController.url(creditor: id, code: code) }
                    return row
                },
                "held": held.map { ["id": $0.importID, "creditor": id.rawValue, "summary": "\($0.fileName) — \($0.reason)", "csrf": context.session?.csrf ?? ""] },
            ]
            if let page = paging.page {
                section["pageHeading"] = words.pageHeading(page.kind, first: min(page.total, (page.number - 1) * TodayPaging.perPage + 1),
                                                           last: min(page.total, page.number * TodayPaging.perPage), total: page.total,
                                                           page: page.number, pages: page.count)
                if page.number > 1 { section["previousURL"] = "/?kind=\(page.kind.rawValue)&page=\(page.number - 1)" }
                if page.number < page.count { section["nextURL"] = "/?kind=\(page.kind.rawValue)&page=\(page.number + 1)" }
            }
            sections.append(section)
        }
        // The outcome form's choices are the same for every task: written once per page, not
        // once per task (fifty tasks on a page of one kind).
        let outcomeOptions = words.outcomes.map {
            "<option value=\"\(ConsoleHTMLEscape.escape($0.code))\">\(ConsoleHTMLEscape.escape($0.label))</option>"
        }.joined()
        return environment.pages.render("today", title: words.today, words: words, session: context.session, user: user.name,
                                        context: ["creditors": sections, "outcomeOptions": outcomeOptions])
    }

    /// The outcome form's fields, read by the CLI's own parser (`OutcomeInput`).
    struct OutcomeForm: Decodable {
        let outcome: String?
        let date: String?
        let amount: String?
        let invoice: String?
        let tracking: String?
        let email: String?
        let note: String?

        var input: OutcomeInput {
            OutcomeInput(outcome: outcome ?? "", date: date, amount: amount, invoices: invoice.map { [$0] } ?? [], email: email,
                         tracking: tracking, note: note)
        }
    }

    private func close(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let runtime = await environment.current()
        let task = try await visibleTask(context: context, user: user, runtime: runtime)
        let words = environment.words(for: context, in: runtime)
        let form = try await request.decode(as: OutcomeForm.self, context: context)
        let outcome: TaskOutcome
        do {
            outcome = try form.input.parsed()
        } catch {
            throw HTTPError(.badRequest, message: words.outcomeProblem(error))
        }
        do {
            try await PeopleActions(runtime: runtime).recordOutcome(outcome, onTask: task.id, by: user.name, channel: .console)
        } catch let error as TaskOutcomeError {
            // The person reads the worded refusal; its code is for the log.
            context.logger.notice("task outcome refused [\(error.code.rawValue)]")
            throw HTTPError(.badRequest, message: error.message)
        }
        return .redirect(to: "/")
    }

    private func document(context: ConsoleRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let runtime = await environment.current()
        let task = try await visibleTask(context: context, user: user, runtime: runtime, includeClosed: true)
        // Only files Relance wrote into its own state folder: a path in the store is not trusted further.
        guard let path = task.documentPath,
              URL(fileURLWithPath: path).standardizedFileURL.path.hasPrefix(runtime.configuration.stateFolder.standardizedFileURL.path + "/"),
              let data = FileManager.default.contents(atPath: path)
        else { throw HTTPError(.notFound) }
        var response = Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: .init(bytes: data)))
        // The letter is shown as a document: styles of its own, no script, no form, no fetching.
        response.headers[.contentSecurityPolicy] = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:"
        return response
    }

    struct BackForm: Decodable {
        let back: String?
    }

    private func confirmImport(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let held = try await HeldImportRoute(context, in: environment)
        try await PeopleActions(runtime: held.runtime).confirmHeldImport(held.importID, of: held.creditor.configuration, by: held.user.name)
        let form = try? await request.decode(as: BackForm.self, context: context)
        return .redirect(to: LoginController.safeNext(form?.back))
    }

    /// A held or failed reminder of a creditor the user sees, sent again as it is or skipped; else 404.
    private func decide(_ decision: MessageReviewDecision, context: ConsoleRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let runtime = await environment.current()
        let id = try context.parameters.require("id", as: Int64.self)
        var found = false
        for creditor in environment.creditors(of: user, in: runtime) where try await runtime.store.messagesToReview(of: creditor.configuration.id).contains(where: { $0.id == id }) {
            found = true
        }
        guard found else { throw HTTPError(.notFound) }
        try await PeopleActions(runtime: runtime).decideMessage(id, decision, by: user.name)
        return .redirect(to: "/")
    }

    /// The task named in the path, if it belongs to a creditor the user sees; else 404.
    private func visibleTask(context: ConsoleRequestContext, user: ConsoleUser, runtime: RelanceRuntime,
                             includeClosed: Bool = false) async throws -> WorkTask {
        let id = try context.parameters.require("id", as: Int64.self)
        guard let task = try await runtime.store.task(id: id), includeClosed || task.state == .open,
              environment.creditors(of: user, in: runtime).contains(where: { $0.configuration.id == task.creditor })
        else { throw HTTPError(.notFound) }
        return task
    }
}
