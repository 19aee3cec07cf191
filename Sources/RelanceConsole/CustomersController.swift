import Foundation
import Hummingbird
import RelanceCore
import RelanceDaemon

/// `/customers`: search by name, code, invoice number or email across the user's creditors;
/// a customer's page (open invoices, pauses, timeline) with pause and resume.
struct CustomersController {
    let environment: ConsoleEnvironment

    static func url(creditor: CreditorID, code: String) -> String {
        "/customers/\(creditor.rawValue)/" + (code.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? code)
    }

    func addRoutes(to router: Router<ConsoleRequestContext>) {
        router.get("/customers") { request, context in try await search(request, context: context) }
        router.get("/customers/{creditor}/{code}") { _, context in try await show(context: context) }
        router.post("/customers/{creditor}/{code}/pause") { request, context in try await pause(request, context: context) }
        router.post("/customers/{creditor}/{code}/resume") { _, context in try await resume(context: context) }
        router.post("/customers/{creditor}/{code}/address") { request, context in try await correctAddress(request, context: context) }
        router.post("/customers/{creditor}/{code}/dispute-resolved") { request, context in
            try await disputeResolved(request, context: context)
        }
    }

    /// Customers listed by one search, across the user's creditors.
    static let searchLimit = 200

    private func search(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let runtime = await environment.current()
        let words = environment.words(for: context, in: runtime)
        let query = String((request.formQuery["q"] ?? "").prefix(100)).trimmingCharacters(in: .whitespaces)
        var results: [[String: Any]] = []
        if !query.isEmpty {
            // In the store, by SQL, at most `searchLimit` in all: never the whole book read and filtered here.
            for creditor in environment.creditors(of: user, in: runtime) where results.count < Self.searchLimit {
                let id = creditor.configuration.id
                let hits = try await runtime.store.searchCustomers(of: id, containing: query, limit: Self.searchLimit - results.count)
                // The store sums the ledger's open amounts; a customer the bank shows paid by (a
                // few, until the next ledger) is read again net of it, as its page and the aged
                // balance count it — the same computation, not a second one.
                let payments = hits.isEmpty ? [:] : Dictionary(grouping: try await runtime.store.bankPayments(of: id), by: \.customerID)
                for hit in hits {
                    var open = hit.openByCurrency
                    if let paid = payments[hit.customerID] {
                        let receivables = try await BankAwareReceivables.read(id, customer: hit.customerID, payments: paid, from: runtime.store)
                        open = Demand.sumByCurrency(receivables.map(\.demanded))
                    }
                    results.append(["name": hit.name ?? hit.externalID, "code": hit.externalID, "creditor": creditor.configuration.legalName,
                                    "url": Self.url(creditor: id, code: hit.externalID),
                                    "open": open.map(words.money).joined(separator: " + ")])
                }
            }
        }
        return environment.pages.render("customers", title: words.customers, words: words, session: context.session, user: user.name,
                                        context: ["query": query, "searched": !query.isEmpty, "results": results, "hasResults": !results.isEmpty])
    }

    private func show(context: ConsoleRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let runtime = await environment.current()
        let words = environment.words(for: context, in: runtime)
        let (creditor, customer) = try await resolve(context: context, user: user, runtime: runtime)
        let id = creditor.configuration.id
        // What the bank shows paid and the ledger has not lettered yet is set apart, by the one rule
        // the plan and the aged balance follow (`Receivable.netOfBankPayments`): « Reste dû » is what
        // is still demanded, as the reminders ask it, and the money received has its own column.
        let open = try await BankAwareReceivables.read(id, customer: customer.id, from: runtime.store)
        // Every read narrowed to the customer: a page costs one customer's rows, not the book's.
        let holds = try await runtime.store.liveHolds(of: id, customer: customer.id)
        let timeline = try await runtime.store.events(ofCustomer: customer.id, last: 200).reversed()
        let timeZone = creditor.timeZone
        let profile = customer.profile
        let phones = DialablePhone.pageValues(profile.phones.joined(separator: ","))
        let disputed = try await runtime.store.disputedInvoices(of: id)
        var page: [String: Any] = [
            "hasPhones": !phones.isEmpty, "hasInvoices": !open.isEmpty, "hasHolds": !holds.isEmpty,
            "name": profile.name ?? profile.externalID, "code": profile.externalID, "creditorName": creditor.configuration.legalName,
            "emails": profile.emailsTo.joined(separator: ", "), "phones": phones, "doNotRemind": profile.doNotRemind,
            "url": Self.url(creditor: id, code: profile.externalID), "csrf": context.session?.csrf ?? "",
            "invoices": open.map { ["number": $0.number, "issued": $0.issued.map(words.date) ?? "", "due": $0.due.map(words.date) ?? "",
                                    "open": words.money($0.demanded), "received": $0.received.map(words.money) ?? "",
                                    "disputed": disputed.contains($0.invoiceID)] },
            "hasDisputes": open.contains { disputed.contains($0.invoiceID) },
            "total": Self.total(open, words: words) ?? "",
            "hasReceived": open.contains { $0.received != nil },
            "receivedTotal": Demand.sumByCurrency(open.compactMap(\.received)).map(words.money).joined(separator: " + "),
            "receivedHeading": words.language.wording.receivedColumn(),
            "holds": holds.map { ["text": $0.reason + ($0.until.map { " — " + words.date($0) } ?? "")] },
            // The journal's lines are in the creditor's language (the store words them so): their kind too.
            "timeline": timeline.map { entry in
                ["time": words.date(CivilDate(entry.event.time, in: timeZone)),
                 "kind": creditor.configuration.language.wording.eventKind(entry.event.kind), "lines": JournalLines.lines(entry.event.summary)]
            },
        ]
        page["personDoNotRemind"] = try await DoNotRemindController.shown(customer.id, words: words, timeZone: timeZone, runtime: runtime)
        return environment.pages.render("customer", title: profile.name ?? profile.externalID, words: words, session: context.session,
                                        user: user.name, context: page)
    }

    struct PauseForm: Decodable {
        let until: String?
    }

    private func pause(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let runtime = await environment.current()
        let (creditor, customer) = try await resolve(context: context, user: user, runtime: runtime)
        let form = try await request.decode(as: PauseForm.self, context: context)
        let until = try form.until.flatMap { text -> CivilDate? in
            guard !text.isEmpty else { return nil }
            // A browser without a date picker lets a person type 15/01/2027: read it as the outcome forms do.
            guard let date = OutcomeValues.date(text) else {
                throw HTTPError(.badRequest, message: environment.words(for: context, in: runtime).unreadableDate(text))
            }
            return date
        }
        try await PeopleActions(runtime: runtime).pauseCustomer(customer.id, until: until, reason: nil, by: user.name)
        return .redirect(to: Self.url(creditor: creditor.configuration.id, code: customer.profile.externalID))
    }

    private func resume(context: ConsoleRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let runtime = await environment.current()
        let (creditor, customer) = try await resolve(context: context, user: user, runtime: runtime)
        try await PeopleActions(runtime: runtime).resumeCustomer(customer.id, reason: nil, by: user.name)
        return .redirect(to: Self.url(creditor: creditor.configuration.id, code: customer.profile.externalID))
    }

    struct DisputeResolvedForm: Decodable {
        let invoice: String?
        let note: String?
    }

    /// A disputed invoice back on the ladder: the outcome `dispute-resolved` on the task that
    /// recorded the dispute, open or closed — the path `relance resume --invoice` and a reply take.
    private func disputeResolved(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let runtime = await environment.current()
        let (creditor, customer) = try await resolve(context: context, user: user, runtime: runtime)
        let id = creditor.configuration.id
        let form = try await request.decode(as: DisputeResolvedForm.self, context: context)
        // Only an invoice of this customer: another customer's number is not confirmed to exist.
        guard let invoice = form.invoice?.trimmingCharacters(in: .whitespaces), !invoice.isEmpty,
              try await runtime.store.openReceivables(of: id, customer: customer.id).contains(where: { $0.number == invoice }),
              let task = try await runtime.store.disputeTask(invoice: invoice, of: id)
        else { throw HTTPError(.notFound) }
        let note = form.note.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        do {
            try await PeopleActions(runtime: runtime).recordOutcome(.disputeResolved(invoices: [invoice], note: note), onTask: task,
                                                                    by: user.name, channel: .console)
        } catch let error as TaskOutcomeError {
            throw HTTPError(.badRequest, message: error.message)
        }
        return .redirect(to: Self.url(creditor: id, code: customer.profile.externalID))
    }

    struct AddressForm: Decodable {
        let email: String?
    }

    /// A corrected email address, through the task outcome's own statements (`PeopleActions.correctAddress`).
    private func correctAddress(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let runtime = await environment.current()
        let words = environment.words(for: context, in: runtime)
        let (creditor, customer) = try await resolve(context: context, user: user, runtime: runtime)
        let form = try await request.decode(as: AddressForm.self, context: context)
        let text = (form.email ?? "").trimmingCharacters(in: .whitespaces)
        guard let address = EmailAddress(text) else {
            throw HTTPError(.badRequest, message: words.outcomeProblem(OutcomeInputError(.notAnEmail, field: "email", value: text, outcome: "new-address")))
        }
        try await PeopleActions(runtime: runtime).correctAddress(address, ofCustomer: customer.id, by: user.name)
        return .redirect(to: Self.url(creditor: creditor.configuration.id, code: customer.profile.externalID))
    }

    /// The creditor and customer named in the path, or 404 for anything the user may not see.
    func resolve(context: ConsoleRequestContext, user: ConsoleUser, runtime: RelanceRuntime) async throws
        -> (RelanceRuntime.CreditorRuntime, StoredCustomer) {
        let creditor = try environment.creditor(try context.parameters.require("creditor"), for: user, in: runtime)
        let code = try context.parameters.require("code").removingPercentEncoding ?? ""
        guard let internalID = try await runtime.store.customerID(external: code, of: creditor.configuration.id),
              let customer = try await runtime.store.customerProfile(id: internalID)
        else { throw HTTPError(.notFound) }
        return (creditor, customer)
    }

    /// What is still demanded per currency (`Demand.sumByCurrency`: never two currencies added), as
    /// `1 092,00 € + 500,00 $`; nil when nothing is open.
    static func total(_ open: [Receivable], words: ConsoleWording) -> String? {
        guard !open.isEmpty else { return nil }
        return Demand.sumByCurrency(open.map(\.demanded)).map(words.money).joined(separator: " + ")
    }
}
