public import Foundation
public import RelanceCore

/// What each service last did, kept in memory and written to `status.json` in the state
/// folder after every tick, so that `relance status` (another process) can show it.
public actor ServiceHealth {
    public struct Entry: Codable, Sendable, Hashable {
        public var lastSuccess: Date?
        public var lastError: String?
        public var lastErrorAt: Date?
        public var consecutiveFailures = 0
        public var ticks = 0
        /// What the last tick did, as facts worded where shown (`/health`, `relance status`).
        public var note: ServiceNote?

        public init() {}

        /// A `status.json` written before notes were facts held an English line: it reads as no note.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            lastSuccess = try container.decodeIfPresent(Date.self, forKey: .lastSuccess)
            lastError = try container.decodeIfPresent(String.self, forKey: .lastError)
            lastErrorAt = try container.decodeIfPresent(Date.self, forKey: .lastErrorAt)
            consecutiveFailures = try container.decodeIfPresent(Int.self, forKey: .consecutiveFailures) ?? 0
            ticks = try container.decodeIfPresent(Int.self, forKey: .ticks) ?? 0
            note = try? container.decodeIfPresent(ServiceNote.self, forKey: .note)
        }
    }

    public struct Snapshot: Codable, Sendable {
        public var pid: Int32
        public var startedAt: Date
        public var updatedAt: Date
        public var services: [String: Entry]
    }

    private let file: URL?
    private let startedAt: Date
    /// The runtime's clock: under `relance run --now`, Health shows the injected time, not the machine's.
    private let clock: any WallClock
    private var services: [String: Entry] = [:]
    /// Ticks in progress, read by the notifier before it feeds systemd's watchdog.
    nonisolated let ticks = TickWatch()

    public init(file: URL?, clock: any WallClock = SystemWallClock(), startedAt: Date? = nil) {
        self.file = file
        self.clock = clock
        self.startedAt = startedAt ?? clock.now()
    }

    public func succeeded(_ service: String, note: ServiceNote?) {
        var entry = services[service, default: Entry()]
        entry.lastSuccess = clock.now()
        entry.consecutiveFailures = 0
        entry.ticks += 1
        if let note { entry.note = note }
        services[service] = entry
        persist()
    }

    public func failed(_ service: String, error: String) {
        var entry = services[service, default: Entry()]
        entry.lastError = error
        entry.lastErrorAt = clock.now()
        entry.consecutiveFailures += 1
        entry.ticks += 1
        services[service] = entry
        persist()
    }

    public func snapshot() -> Snapshot {
        Snapshot(pid: getpid(), startedAt: startedAt, updatedAt: clock.now(), services: services)
    }

    /// A line for systemd's `STATUS=` (read by the operator, in English): what each service last said.
    public func statusLine() -> String {
        let words = EnglishWording()
        return services.keys.sorted().map { name in
            let entry = services[name]!
            if entry.consecutiveFailures > 0 { return "\(name): failing (\(entry.consecutiveFailures))" }
            return "\(name): \(entry.note.map(words.serviceNote) ?? "ok")"
        }.joined(separator: "; ")
    }

    private func persist() {
        guard let file else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        // Best effort: status is informative; a full disk must not stop the services.
        try? encoder.encode(snapshot()).write(to: file, options: .atomic)
    }

    public static func read(from file: URL) -> Snapshot? {
        guard let data = FileManager.default.contents(atPath: file.path) else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try? decoder.decode(Snapshot.self, from: data)
    }
}
