import Foundation
import Hummingbird
import RelanceCore
import RelanceDaemon

/// A person's do-not-remind on the customer page: set with a reason, removed; both through
/// `PeopleActions` (the same store operation as `relance customer … --do-not-remind`).
/// Another creditor's customer is a 404, as on the page itself.
struct DoNotRemindController {
    let environment: ConsoleEnvironment

    func addRoutes(to router: Router<ConsoleRequestContext>) {
        router.post("/customers/{creditor}/{code}/do-not-remind") { request, context in try await set(request, context: context) }
        router.post("/customers/{creditor}/{code}/do-not-remind/remove") { _, context in try await remove(context: context) }
    }

    /// The line the customer page shows, nil when no person set it.
    static func shown(_ customerID: Int64, words: ConsoleWording, timeZone: TimeZone, runtime: RelanceRuntime) async throws -> String? {
        try await runtime.store.doNotRemind(customerID: customerID).map { words.doNotRemindBy($0, on: CivilDate($0.setAt, in: timeZone)) }
    }

    struct ReasonForm: Decodable {
        let reason: String?
    }

    private func set(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let runtime = await environment.current()
        let (creditor, customer) = try await CustomersController(environment: environment).resolve(context: context, user: user, runtime: runtime)
        let form = try await request.decode(as: ReasonForm.self, context: context)
        guard let reason = PersonDoNotRemind.validReason(form.reason ?? "") else {
            throw HTTPError(.badRequest, message: environment.words(for: context, in: runtime).doNotRemindNeedsReason)
        }
        try await PeopleActions(runtime: runtime).setDoNotRemind(customerID: customer.id, reason: reason, by: user.name)
        return .redirect(to: CustomersController.url(creditor: creditor.configuration.id, code: customer.profile.externalID))
    }

    private func remove(context: ConsoleRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let runtime = await environment.current()
        let (creditor, customer) = try await CustomersController(environment: environment).resolve(context: context, user: user, runtime: runtime)
        guard try await runtime.store.doNotRemind(customerID: customer.id) != nil else { throw HTTPError(.notFound) }
        try await PeopleActions(runtime: runtime).removeDoNotRemind(customerID: customer.id, by: user.name)
        return .redirect(to: CustomersController.url(creditor: creditor.configuration.id, code: customer.profile.externalID))
    }
}
