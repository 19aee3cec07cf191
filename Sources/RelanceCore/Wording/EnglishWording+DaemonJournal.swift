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

    /// The day said as every English line says one; the folder named as it is on disk
    /// (`processed/2026-11-30`), so a person can tell which one went.
    public func processedFilesPurged(day: CivilDate, folder: String, olderThanDays days: Int) -> String {
        "Processed files of \(date(day)) removed (folder processed/\(folder), older than \(days) \(days == 1 ? "day" : "days"))."
    }

    public func keptDocumentsPurged(_ count: Int) -> String {
        count == 1
            ? "1 kept invoice document removed: no invoice refers to it any more (its customer was anonymised)."
            : "\(count) kept invoice documents removed: no invoice refers to them any more (their customers were anonymised)."
    }
}
