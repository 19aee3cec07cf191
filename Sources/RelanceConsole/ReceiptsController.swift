import Foundation
import Hummingbird
import RelanceCore
import RelanceDaemon

/// `/receipts`: the bank receipts no invoice could be matched to, per creditor the user sees,
/// each linked to the customer who paid or set aside — through `PeopleActions.resolveReceipt`,
/// the one operation `relance bank link|dismiss` uses. A receipt of another creditor is a 404.
/// The answer to a form is the page itself with what was done (a resubmitted form is refused
/// with why: the receipt was already resolved).
struct ReceiptsController {
    let environment: ConsoleEnvironment
    /// Open invoices of a receipt's exact amount shown as suggestions, at most.
    static let suggestions = 5

    func addRoutes(to router: Router<ConsoleRequestContext>) {
        router.get("/receipts") { _, context in try await page(context: context) }
        router.post("/receipts/{creditor}/{entry}/link") { request, context in try await resolve(request, context: context, link: true) }
        router.post("/receipts/{creditor}/{entry}/dismiss") { request, context in try await resolve(request, context: context, link: false) }
    }

    struct LinkForm: Decodable {
        let customer: String?
    }

    private func resolve(_ request: Request, context: ConsoleRequestContext, link: Bool) async throws -> Response {
        let user = try context.requireUser()
        let runtime = await environment.current()
        let creditor = try environment.creditor(try context.parameters.require("creditor"), for: user, in: runtime)
        let id = creditor.configuration.id
        let language = creditor.configuration.language
        let words = ReceiptsWording.forLanguage(environment.words(for: context, in: runtime).language)
        guard let entryID = Int64(try context.parameters.require("entry")),
              try await runtime.store.unmatchedReceipts(of: id).contains(where: { $0.entryID == entryID })
        else { throw HTTPError(.notFound) }
        var customer: String?
        if link {
            let code = (try await request.decode(as: LinkForm.self, context: context).customer ?? "").trimmingCharacters(in: .whitespaces)
            guard !code.isEmpty else { return try await page(context: context, error: words.missingCustomer(language: language), status: .badRequest) }
            guard try await runtime.store.customerID(external: code, of: id) != nil else {
                return try await page(context: context, error: words.unknownCustomer(String(code.prefix(80)), language: language), status: .badRequest)
            }
            customer = code
        }
        let resolution = try await PeopleActions(runtime: runtime).resolveReceipt(entryID, of: id, customer: customer, by: user.name, channel: .console)
        return try await page(context: context, notice: language.wording.receiptResolved(resolution))
    }

    private func page(context: ConsoleRequestContext, notice: String? = nil, error: String? = nil,
                      status: HTTPResponse.Status = .ok) async throws -> Response {
        let user = try context.requireUser()
        let runtime = await environment.current()
        let words = environment.words(for: context, in: runtime)
        let receiptWords = ReceiptsWording.forLanguage(words.language)
        var sections: [[String: Any]] = []
        for creditor in environment.creditors(of: user, in: runtime) {
            let id = creditor.configuration.id
            let wording = creditor.configuration.language.wording
            let receipts = try await runtime.store.unmatchedReceipts(of: id)
            // What is still demanded, net of what the bank already shows paid: the suggestions.
            let open = receipts.isEmpty ? [] : try await BankAwareReceivables.read(id, from: runtime.store)
            let byAmount = Dictionary(grouping: open.filter { $0.demanded.minorUnits > 0 }, by: \.demanded)
            sections.append([
                "name": creditor.configuration.legalName, "hasReceipts": !receipts.isEmpty,
                "receipts": receipts.map { receipt -> [String: Any] in
                    let base = "/receipts/\(id.rawValue)/\(receipt.entryID)"
                    let matches = (byAmount[receipt.amount] ?? []).prefix(Self.suggestions)
                    return ["id": String(receipt.entryID), "headline": wording.unmatchedReceiptHeadline(booked: receipt.booked, payer: receipt.payer),
                            "amount": words.money(receipt.amount),
                            "remittance": receipt.remittance, "iban": receipt.payerIBAN ?? "", "account": receipt.account,
                            "linkURL": base + "/link", "dismissURL": base + "/dismiss", "hasSuggestions": !matches.isEmpty,
                            "suggestions": matches.map { ["code": $0.customer.externalID, "name": $0.customer.name ?? "", "invoice": $0.number] }]
                },
            ])
        }
        let page: [String: Any] = ["creditors": sections, "many": sections.count > 1, "r": Self.context(receiptWords),
                                   "notice": notice ?? "", "error": error ?? ""]
        return environment.pages.render("receipts", title: receiptWords.title, words: words, session: context.session,
                                        user: user.name, context: page, status: status)
    }

    static func context(_ words: ReceiptsWording) -> [String: String] {
        var result: [String: String] = [:]
        for child in Mirror(reflecting: words).children {
            if let label = child.label, let text = child.value as? String { result[label] = text }
        }
        return result
    }
}
