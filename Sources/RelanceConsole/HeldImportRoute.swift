import Hummingbird
import RelanceCore
import RelanceDaemon

/// What a route on one held import (`/creditors/:creditor/imports/:id/…`) acts on: the signed-in
/// user, the runtime, the creditor and the import — or 404 when the user may not see the creditor
/// or the import is not held there (another creditor's import must not be confirmed to exist).
struct HeldImportRoute {
    let user: ConsoleUser
    let runtime: RelanceRuntime
    let creditor: RelanceRuntime.CreditorRuntime
    let importID: Int64

    init(_ context: ConsoleRequestContext, in environment: ConsoleEnvironment) async throws {
        user = try context.requireUser()
        runtime = await environment.current()
        creditor = try environment.creditor(try context.parameters.require("creditor"), for: user, in: runtime)
        importID = try context.parameters.require("id", as: Int64.self)
        let id = importID
        guard try await runtime.store.heldImports(of: creditor.configuration.id).contains(where: { $0.importID == id }) else {
            throw HTTPError(.notFound)
        }
    }
}
