public import Foundation
public import RelanceCore

/// The embedded default when a creditor has no SMTP server: each message becomes an `.eml`
/// file that any mail client opens. Written to a temporary name then renamed, so a reader
/// never sees half a message; the name comes from the outbox id, so a retry after a crash
/// rewrites the same file instead of adding a second copy.
public struct OutboxFolderTransport: MailTransport {
    public let folder: URL

    public init(folder: URL) { self.folder = folder }

    public func deliver(_ message: OutboxMessage) async -> DeliveryOutcome {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let name = String(format: "%08lld-%@.eml", message.id, message.step)
            let final = folder.appendingPathComponent(name)
            let temporary = folder.appendingPathComponent(".\(name).part")
            try Data(message.bytes).write(to: temporary)
            guard rename(temporary.path, final.path) == 0 else {
                return .temporaryFailure(reason: .outboxFileNotRenamed(FileSystemFailure(path: temporary.path, code: errno)))
            }
            return .delivered(serverReply: OutboxFolderReply.reply(file: name))
        } catch {
            return .temporaryFailure(reason: .outboxFolderUnwritable(FileSystemFailure(error, path: folder.path)))
        }
    }
}
