import Foundation
import Hummingbird
import RelanceCore
import RelanceDaemon

/// `/health`: what `relance status` shows, for the user's creditors — the daemon's services
/// (last success, failures), each creditor's mode and pauses, the outbox, the mailbox marks and
/// the last import's age. Read only; the same readers as the CLI (`ServiceHealth`, `status(of:)`).
struct HealthController {
    let environment: ConsoleEnvironment

    func addRoutes(to router: Router<ConsoleRequestContext>) {
        router.get("/health") { _, context in try await page(context: context) }
    }

    private func page(context: ConsoleRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let runtime = await environment.current()
        let words = environment.words(for: context, in: runtime)
        let now = runtime.clock.now()
        let zone = environment.creditors(of: user, in: runtime).first?.timeZone ?? .current
        func when(_ date: Date?) -> String { date.map { words.dateTime($0, in: zone) } ?? words.never }
        let daemon = ServiceHealth.read(from: runtime.configuration.stateFolder.appendingPathComponent("status.json"))
        let services: [[String: Any]] = (daemon?.services ?? [:]).sorted { $0.key < $1.key }.map { name, entry in
            ["name": words.language.wording.serviceName(name), "lastSuccess": when(entry.lastSuccess),
             "note": entry.note.map(words.language.wording.serviceNote) ?? "", "failing": entry.consecutiveFailures > 0,
             "failure": entry.consecutiveFailures > 0 ? words.failing(entry.consecutiveFailures, since: when(entry.lastErrorAt), error: entry.lastError ?? "") : ""]
        }
        var creditors: [[String: Any]] = []
        for creditor in environment.creditors(of: user, in: runtime) {
            let status = try await runtime.status(of: creditor)
            creditors.append([
                "name": creditor.configuration.legalName, "mode": status.active ? words.activeMode : words.reviewMode,
                "paused": status.paused, "outboxPause": status.outboxPause.map { "\(when($0.since)) — \($0.reason)" } ?? "",
                "outboxResume": status.outboxResume ?? "", "problem": status.dropFolderProblem ?? "",
                "lastImport": status.lastImport.map(JournalLines.lines) ?? [], "hasLastImport": status.lastImport != nil, "lastImportAge": status.lastImportAt.map { words.age(now.timeIntervalSince($0)) } ?? words.never,
                "marks": status.mailbox.map { ["folder": $0.folder, "lastUID": "\($0.lastUID)", "uidValidity": "\($0.uidValidity)", "polled": when($0.polledAt)] },
                "hasMarks": !status.mailbox.isEmpty, "openTasks": status.openTasks, "heldImports": status.heldImports,
                "nextRetry": status.nextRetry.map(when) ?? "", "windowOpens": status.sendWindowOpens.map(when) ?? "",
            ])
        }
        let counts = try await runtime.store.outboxCounts()
        let page: [String: Any] = [
            "hasDaemon": daemon != nil, "daemonSince": when(daemon?.startedAt), "daemonUpdated": when(daemon?.updatedAt),
            "services": services, "creditors": creditors,
            "outbox": OutboxState.allCases.map { ["state": words.outboxCount($0), "count": "\(counts[$0] ?? 0)"] },
        ]
        return environment.pages.render("health", title: words.health, words: words, session: context.session, user: user.name, context: page)
    }
}
