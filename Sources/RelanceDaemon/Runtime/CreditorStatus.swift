public import Foundation
public import RelanceCore

/// What `relance status` says of one creditor: the last import, where the mailbox stands, and
/// what is due next.
public struct CreditorStatus: Sendable, Codable {
    public struct Mark: Sendable, Codable {
        public var folder: String
        public var uidValidity: UInt32
        public var lastUID: UInt32
        public var polledAt: Date
    }

    public var creditor: String
    public var active: Bool
    public var paused: Bool
    public var lastImport: String?
    public var lastImportAt: Date?
    public var mailbox: [Mark]
    public var openTasks: Int
    public var heldImports: Int
    /// When the next retry comes due, and when the send window next opens if it is closed now.
    public var nextRetry: Date?
    public var sendWindowOpens: Date?
    /// The outbox stopped for a fault on our side: since when, why, and how to resume.
    public var outboxPause: OutboxPause?
    public var outboxResume: String?
    /// What keeps the intake from reading exports (a missing drop folder), nil when healthy.
    public var dropFolderProblem: String?
}

extension RelanceRuntime {
    public func status(of creditor: CreditorRuntime) async throws -> CreditorStatus {
        let id = creditor.configuration.id
        // An export dropped again that dated the books by that day is the last word on them too.
        let imports = try await store.events(of: id, kinds: ["import.applied", "import.rejected", "import.held", "import.reconfirmed"],
                                             since: .distantPast)
        var marks: [CreditorStatus.Mark] = []
        if creditor.configuration.imap != nil {
            for folder in creditor.configuration.inbound.folders {
                if let mark = try await store.mailboxMark(of: id, folder: folder) {
                    marks.append(.init(folder: folder, uidValidity: mark.uidValidity, lastUID: mark.lastUID, polledAt: mark.polledAt))
                }
            }
        }
        let stored = try await store.creditorState(id)
        let window = CreditorSendWindow(window: creditor.configuration.sendWindow, timeZone: creditor.timeZone,
                                        calendar: FrenchBusinessCalendar(alsaceMoselle: creditor.configuration.alsaceMoselle))
        let now = clock.now()
        let pause = try await store.standingOutboxPause(of: id)
        var status = CreditorStatus(
            creditor: id.rawValue, active: stored.active ?? creditor.configuration.active, paused: stored.paused,
            lastImport: imports.last?.event.summary, lastImportAt: imports.last?.event.time, mailbox: marks,
            // Counted in the store: decoding every open task (10,000 calls with their scripts on
            // a big book) to count them took the Health page 2.9 s.
            openTasks: try await store.openTaskCounts(of: id).values.reduce(0, +),
            heldImports: try await store.heldImports(of: id).count,
            nextRetry: try await store.nextRetry(of: id),
            sendWindowOpens: window.isOpen(at: now) ? nil : window.nextOpening(after: now))
        status.outboxPause = pause
        status.outboxResume = pause.map { _ in OutboxPause.howToResume(id) }
        status.dropFolderProblem = DropFolderCheck.healthProblem(configuration.dropFolder, create: configuration.createDropFolder)
        return status
    }
}
