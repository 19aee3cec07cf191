import RelanceCore

/// The words of Today's paging (`TodayPaging`), per language.
extension ConsoleWording {
    /// "And 980 more “Call” tasks: see them all".
    func moreTasks(_ count: Int, of kind: WorkTask.Kind) -> String {
        let shown = taskKind(kind)
        switch language {
        case .french: return "Et \(language.grouped(count)) autre\(count > 1 ? "s" : "") tâche\(count > 1 ? "s" : "") \(quoted(shown)) : tout voir"
        case .english: return "And \(language.grouped(count)) more \(quoted(shown)) task\(count > 1 ? "s" : ""): see them all"
        }
    }

    /// "Appel — 51 à 100 sur 1 000 (page 2 sur 20)".
    func pageHeading(_ kind: WorkTask.Kind, first: Int, last: Int, total: Int, page: Int, pages: Int) -> String {
        switch language {
        case .french:
            return "\(taskKind(kind)) — \(language.grouped(first)) à \(language.grouped(last)) sur \(language.grouped(total)) (page \(page) sur \(pages))"
        case .english:
            return "\(taskKind(kind)) — \(language.grouped(first)) to \(language.grouped(last)) of \(language.grouped(total)) (page \(page) of \(pages))"
        }
    }

    var previousPage: String { language == .french ? "← Précédents" : "← Previous" }
    var nextPage: String { language == .french ? "Suivants →" : "Next →" }
    var backToToday: String { language == .french ? "Retour à Aujourd’hui" : "Back to Today" }
}
