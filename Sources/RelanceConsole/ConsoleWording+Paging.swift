import RelanceCore

/// The words of Today's paging (`TodayPaging`), per language.
extension ConsoleWording {
    /// "And 980 more “Call” tasks: see them all".
    func moreTasks(_ count: Int, of kind: WorkTask.Kind) -> String {
        let shown = taskKind(kind)
        switch language {
        case .french: return "Et \(grouped(count)) autre\(count > 1 ? "s" : "") tâche\(count > 1 ? "s" : "") « \(shown) » : tout voir"
        case .english: return "And \(grouped(count)) more “\(shown)” task\(count > 1 ? "s" : ""): see them all"
        }
    }

    /// "Appel — 51 à 100 sur 1 000 (page 2 sur 20)".
    func pageHeading(_ kind: WorkTask.Kind, first: Int, last: Int, total: Int, page: Int, pages: Int) -> String {
        switch language {
        case .french:
            return "\(taskKind(kind)) — \(grouped(first)) à \(grouped(last)) sur \(grouped(total)) (page \(page) sur \(pages))"
        case .english:
            return "\(taskKind(kind)) — \(grouped(first)) to \(grouped(last)) of \(grouped(total)) (page \(page) of \(pages))"
        }
    }

    /// `1 000` (narrow no-break space) in French, `1,000` in English.
    private func grouped(_ number: Int) -> String {
        var digits = String(number), out = ""
        while digits.count > 3 {
            out = (language == .french ? "\u{202F}" : ",") + digits.suffix(3) + out
            digits.removeLast(3)
        }
        return digits + out
    }

    var previousPage: String { language == .french ? "← Précédents" : "← Previous" }
    var nextPage: String { language == .french ? "Suivants →" : "Next →" }
    var backToToday: String { language == .french ? "Retour à Aujourd’hui" : "Back to Today" }
}
