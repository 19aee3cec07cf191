import Foundation
import Logging
import ServiceLifecycle

/// Ends the process, with a line that says so, when a stop outlasts `deadline`.
///
/// ServiceLifecycle escalates a slow graceful shutdown to cancellation (`RelanceServices.gracefulStop`),
/// but a tick deaf to both — a PostgreSQL query written in the very turn of a cut, which
/// PostgresNIO 1.33.2 never answers — keeps the daemon alive until systemd kills it without a
/// word. ServiceLifecycle's own bound on cancellation is a fatal error (a crash report for what is
/// not a crash). So this service, last of the group and so told first of a graceful shutdown,
/// starts a timer the group's cancellation does not reach, and returns. Exiting is safe: a
/// message being sent is resolved at the next start, as after a crash.
struct StopDeadlineService: Service {
    let deadline: Duration
    let logger: Logger
    /// What ends the process (`exit`); a test's closure records that it was called.
    let onDeadline: @Sendable () -> Void

    func run() async throws {
        // Waits for the graceful shutdown (or the group's cancellation, when a service failed).
        try? await gracefulShutdown()
        guard !Task.isCancelled else { return }
        let deadline = deadline, logger = logger, onDeadline = onDeadline
        Task.detached {
            try? await Task.sleep(for: deadline)
            logger.error("the daemon did not stop within \(deadline) of the stop request: exiting now; the services that did not say 'service stopped' were still working",
                         metadata: ["deadline": "\(deadline)"])
            onDeadline()
        }
    }
}
