import Foundation
public import RelanceCore

/// The one path an outcome takes, whoever records it — `relance tasks done`, an emailed
/// reply, the console: the store's facts, the pure `TaskOutcomeDecision`, one store operation.
public struct TaskOutcomeRecorder: Sendable {
    let store: any TaskOutcomeStore
    let creditors: [CreditorID: CreditorConfiguration]
    let clock: any WallClock

    public init(store: any TaskOutcomeStore, creditors: [CreditorConfiguration], clock: any WallClock) {
        self.store = store
        self.creditors = Dictionary(creditors.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.clock = clock
    }

    /// Records the outcome and returns what it did; throws `TaskOutcomeError` (refused, with
    /// why) or a store error.
    @discardableResult
    public func record(_ request: TaskOutcomeRequest) async throws -> TaskOutcomeApplication {
        let application = try await decide(request)
        try await store.applyTaskOutcome(application, at: clock.now())
        return application
    }

    /// The decision alone, for a caller that applies it within its own transaction (an emailed
    /// reply, recorded with the message). `onlyFor` refuses another creditor's task.
    public func decide(_ request: TaskOutcomeRequest, onlyFor creditorID: CreditorID? = nil) async throws -> TaskOutcomeApplication {
        guard let facts = try await store.taskOutcomeFacts(request.taskID),
              creditorID.map({ facts.task.creditor == $0 }) ?? true else {
            // Worded in the language of the creditor the request is for (the first one's for the CLI).
            let language = (creditorID.flatMap { creditors[$0] } ?? creditors.values.sorted { $0.id.rawValue < $1.id.rawValue }.first)?.language
            throw TaskOutcomeError(.closed, (language ?? .english).wording.outcomeRefusal(.noSuchTask(taskID: request.taskID)))
        }
        let creditor = creditors[facts.task.creditor]
        let timeZone = creditor.flatMap { TimeZone(identifier: $0.timeZone) } ?? .current
        let policy = creditor?.policy ?? .standardFrench
        return try TaskOutcomeDecision.decide(
            request, facts: facts, today: CivilDate(clock.now(), in: timeZone),
            settings: policy.outcomeSettings(language: creditor?.language ?? .english),
            calendar: FrenchBusinessCalendar(alsaceMoselle: creditor?.alsaceMoselle ?? false))
    }
}
