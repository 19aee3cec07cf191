import Foundation
import RelanceCore
import RelanceDaemon

/// What most commands need: the configuration and the runtime built from it.
struct CommandContext {
    let runtime: RelanceRuntime

    /// `readOnly`: the command only reads the store (see `AppDatabase.openForReading`) and
    /// composes nothing, so it works where this user cannot write the state folder.
    init(options: GlobalOptions, now: FixedNow? = nil, readOnly: Bool = false) async throws {
        let configuration = try options.loadConfiguration()
        runtime = try await RelanceRuntime.open(configuration: configuration, clock: clock(now), logger: options.makeLogger(),
                                                composesMail: !readOnly, readOnly: readOnly)
    }

    func creditorID(_ raw: String?) throws -> CreditorID {
        if let raw {
            guard let creditor = runtime.configuration.creditor(raw) else {
                throw Failure("no creditor \"\(raw)\" in \(runtime.configuration.file.path); configured: \(runtime.creditors.map(\.configuration.id.rawValue).joined(separator: ", "))")
            }
            return creditor.id
        }
        guard runtime.creditors.count == 1, let only = runtime.creditors.first else {
            throw Failure("several creditors are configured: say which with --creditor (\(runtime.creditors.map(\.configuration.id.rawValue).joined(separator: ", ")))")
        }
        return only.configuration.id
    }

    /// The creditor's words: what a command prints for it is in its people's language.
    func words(of creditor: CreditorID) -> any Wording {
        (runtime.creditors.first { $0.configuration.id == creditor }?.configuration.language ?? .french).wording
    }

    func customerID(_ external: String, creditor: CreditorID) async throws -> Int64 {
        guard let id = try await runtime.store.customerID(external: external, of: creditor) else {
            throw Failure("no customer \"\(external)\" for creditor \(creditor): use the id of the creditor's books, as in the exports")
        }
        return id
    }
}

func parseDate(_ text: String?, option: String) throws -> CivilDate? {
    guard let text else { return nil }
    guard let date = CivilDate(iso8601: text) else { throw Failure("\(option) \(text): expected a date as YYYY-MM-DD") }
    return date
}
