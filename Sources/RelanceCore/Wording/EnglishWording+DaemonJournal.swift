extension EnglishWording {
    public func sendingRestart(_ restart: SendingRestart) -> String {
        switch restart {
        case .daemonStarted: "relance started with the configuration as it is now"
        case .configurationReloaded: "the configuration was reloaded"
        }
    }

    /// The step as the policy names it (`first-reminder`): the words this line always had.
    public func plannedActionFailed(step: String, customer: String, error: String) -> String {
        "The \(step) for customer \(customer) could not be carried out: \(error)"
    }

    /// The day as the folder is named (ISO 8601): the words this line always had.
    public func processedFilesPurged(day: CivilDate, olderThanDays days: Int) -> String {
        "Processed files of \(day.iso8601) removed (older than \(days) \(days == 1 ? "day" : "days"))."
    }

    public func keptDocumentsPurged(_ count: Int) -> String {
        count == 1
            ? "1 kept invoice document removed: no invoice refers to it any more (its customer was anonymised)."
            : "\(count) kept invoice documents removed: no invoice refers to them any more (their customers were anonymised)."
    }
}
