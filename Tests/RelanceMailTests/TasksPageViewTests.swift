import Foundation
import Testing
@testable import RelanceMail

/// `tasks.html` is rendered through `TasksPageView` (values by name) instead of the renderer's
/// reflection: the same page, byte for byte, whatever is missing or empty.
@Suite struct TasksPageViewTests {
    typealias Context = TasksPage.Context

    static let cards = [
        Context.Card(number: "#1", kind: "Call", title: "Appeler Client <1> & fils", opened: "30/11/2026", due: "02/12/2026",
                     details: [Context.Detail(label: "Téléphone", lines: ["01 23 45 67 89"]),
                               Context.Detail(label: "Script", lines: ["Bonjour,", "« facture F-1 »", ""])],
                     documentLink: "file:///tmp/letters/F-1.pdf"),
        Context.Card(number: "#2", kind: "Bounce", title: "Adresse refusée", opened: "30/11/2026", due: nil, details: [], documentLink: nil),
        Context.Card(number: "#3", kind: "Reply", title: "", opened: "", due: "", details: [Context.Detail(label: "", lines: [])],
                     documentLink: ""),
    ]

    static let contexts = [
        Context(language: "fr", title: "Tâches — Bench SAS", heading: "3 tâches ouvertes", openedLabel: "Ouverte le", dueLabel: "Échéance",
                documentLabel: "Document à imprimer", cards: cards),
        Context(language: "en", title: "Tasks", heading: "No open task", openedLabel: "Opened", dueLabel: "Due", documentLabel: "Print",
                cards: []),
        Context(language: "en", title: "Tasks", heading: "1", openedLabel: "", dueLabel: "", documentLabel: "", cards: [cards[1]]),
    ]

    @Test("the view renders the page the renderer's reflection rendered")
    func viewAgreesWithReflection() {
        for context in Self.contexts {
            let page = TasksPage.html(context)
            #expect(page == TasksPage.htmlByReflection(context))
            #expect(page.contains(context.heading))
        }
        // The optional fields, present and absent, reached the page.
        let page = TasksPage.html(Self.contexts[0])
        #expect(page.contains("· Échéance 02/12/2026") && page.contains("href=\"file:///tmp/letters/F-1.pdf\""))
        #expect(page.contains("&lt;1&gt; &amp; fils"))
    }
}
