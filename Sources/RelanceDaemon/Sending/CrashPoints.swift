import Foundation
import Synchronization

/// Named places where the sending path (and the mailbox poll) can be made to die on purpose,
/// for the tests that prove "exactly once" (and "no unread mail ever becomes read"): `RELANCE_CRASH_AT=after-data` kills the process the first time the
/// point is reached, `RELANCE_CRASH_AT=after-data:3` the third time.
///
/// Death is `_exit(86)`: no cleanup, no flush, no `defer`, like a power cut or SIGKILL
/// arriving at that exact instant. Unset (production), every check is one comparison.
public final class CrashPoints: Sendable {
    public enum Point: String, Sendable, Hashable, CaseIterable {
        /// Before a new SMTP connection is opened.
        case beforeConnect = "before-connect"
        /// The store marked the message `sending`; nothing sent yet.
        case afterClaim = "after-claim"
        /// The server answered `MAIL FROM` (read from the protocol exchange).
        case afterMailFrom = "after-mail-from"
        /// The server answered 250 to the message content; libcurl has not returned it to us yet.
        case afterData = "after-data"
        /// The server accepted the message; the store has not recorded it.
        case beforeMarkSent = "before-mark-sent"
        /// The mailbox poll listed a folder's new messages (EXAMINE, sizes); nothing fetched.
        case pollAfterList = "poll-after-list"
        /// A FETCH answer is arriving: the server has sent one more message of the batch.
        case pollMidFetch = "poll-mid-fetch"
        /// A batch of messages is fetched; none of it recorded.
        case pollAfterFetch = "poll-after-fetch"
        /// A message was handled (recorded with the mailbox mark when ours); not moved yet.
        case pollAfterRecord = "poll-after-record"
        /// A handled message was moved to `move_handled_to`.
        case pollAfterMove = "poll-after-move"
        /// Every message of a folder handled; the final mark not saved.
        case pollBeforeMark = "poll-before-mark"
    }

    /// The exit status of a deliberate crash, so a test can tell it from any other death.
    public static let exitStatus: Int32 = 86
    public static let variable = "RELANCE_CRASH_AT"

    public let armed: Point?
    private let occurrence: Int
    private let reached = Mutex(0)

    /// Read once, at start: the environment of the process decides for its whole life.
    public static let fromEnvironment = CrashPoints(setting: ProcessInfo.processInfo.environment[variable])

    public static let disabled = CrashPoints(setting: nil)

    /// `point` or `point:n`; anything else disarms (and is reported by `problem`).
    public init(setting: String?) {
        let parts = (setting ?? "").split(separator: ":", maxSplits: 1)
        armed = parts.first.flatMap { Point(rawValue: String($0)) }
        occurrence = parts.count == 2 ? max(1, Int(parts[1]) ?? 1) : 1
    }

    /// Dies here if this is the armed point's chosen occurrence.
    public func reach(_ point: Point) {
        guard point == armed else { return }
        let count = reached.withLock { value in
            value += 1
            return value
        }
        if count == occurrence { _exit(Self.exitStatus) }
    }
}
