import RelanceCore

/// Every word the console shows, per language, in one place. Pages take their labels from
/// here through the template context; nothing else in the console writes people's words.
struct ConsoleWording: Sendable {
    let language: Language
    let lang: String
    let appTitle: String
    let today: String
    let customers: String
    let signOut: String
    let signIn: String
    let userName: String
    let password: String
    let loginFailed: String
    let loginThrottled: String
    let noTask: String
    let heldImports: String
    let confirmImport: String
    let search: String
    let searchHint: String
    let noCustomer: String
    let openInvoices: String
    let invoice: String
    let issued: String
    let due: String
    let open: String
    let total: String
    let timeline: String
    let pause: String
    let pauseUntil: String
    let resume: String
    let holds: String
    let closeTask: String
    let outcome: String
    let date: String
    let note: String
    let tracking: String
    let record: String
    let phones: String
    let document: String
    let nothingOpen: String
    let notFound: String
    let forbidden: String
    let outcomes: [(code: String, label: String)]

    static func forLanguage(_ language: Language) -> ConsoleWording {
        language == .french ? french : english
    }

    static let french = ConsoleWording(
        language: .french, lang: "fr", appTitle: "Relance", today: "Aujourd’hui", customers: "Clients", signOut: "Se déconnecter",
        signIn: "Se connecter", userName: "Identifiant", password: "Mot de passe",
        loginFailed: "Identifiant ou mot de passe incorrect.",
        loginThrottled: "Trop d’essais : réessayez dans un quart d’heure.",
        noTask: "Rien à faire aujourd’hui.", heldImports: "Imports en attente de confirmation", confirmImport: "Confirmer l’import",
        search: "Rechercher", searchHint: "Nom, code client, facture ou e-mail", noCustomer: "Aucun client ne correspond.",
        openInvoices: "Factures ouvertes", invoice: "Facture", issued: "Émise le", due: "Échéance", open: "Reste dû", total: "Total",
        timeline: "Historique", pause: "Suspendre les relances", pauseUntil: "jusqu’au (inclus, facultatif)",
        resume: "Reprendre les relances", holds: "Suspensions", closeTask: "Clore la tâche", outcome: "Résultat", date: "Date",
        note: "Note", tracking: "N° de suivi", record: "Enregistrer", phones: "Téléphones", document: "Document à imprimer",
        nothingOpen: "Rien d’ouvert.", notFound: "Page introuvable.", forbidden: "Action refusée.",
        outcomes: [("promised", "Promesse de paiement (date)"), ("dispute", "Litige (facture)"), ("paid", "Déjà payé"),
                   ("no-answer", "Pas de réponse"), ("wrong-number", "Mauvais numéro"), ("letter-sent", "Lettre postée (n° de suivi)"),
                   ("done", "Fait"), ("cancelled", "Annulé")])

    static let english = ConsoleWording(
        language: .english, lang: "en", appTitle: "Relance", today: "Today", customers: "Customers", signOut: "Sign out",
        signIn: "Sign in", userName: "User name", password: "Password",
        loginFailed: "Wrong user name or password.",
        loginThrottled: "Too many attempts: try again in a quarter of an hour.",
        noTask: "Nothing to do today.", heldImports: "Imports waiting for confirmation", confirmImport: "Confirm the import",
        search: "Search", searchHint: "Name, customer code, invoice or email", noCustomer: "No customer matches.",
        openInvoices: "Open invoices", invoice: "Invoice", issued: "Issued", due: "Due", open: "Open", total: "Total",
        timeline: "Timeline", pause: "Pause reminders", pauseUntil: "until (included, optional)",
        resume: "Resume reminders", holds: "Pauses", closeTask: "Close the task", outcome: "Outcome", date: "Date",
        note: "Note", tracking: "Tracking number", record: "Record", phones: "Phones", document: "Document to print",
        nothingOpen: "Nothing open.", notFound: "Page not found.", forbidden: "Refused.",
        outcomes: [("promised", "Promised to pay (date)"), ("dispute", "Dispute (invoice)"), ("paid", "Already paid"),
                   ("no-answer", "No answer"), ("wrong-number", "Wrong number"), ("letter-sent", "Letter posted (tracking number)"),
                   ("done", "Done"), ("cancelled", "Cancelled")])

    func taskKind(_ kind: WorkTask.Kind) -> String {
        switch (kind, language) {
        case (.call, .french): "Appel"
        case (.call, _): "Call"
        case (.readReply, .french): "Réponse à lire"
        case (.readReply, _): "Reply to read"
        case (.letter, .french): "Lettre"
        case (.letter, _): "Letter"
        case (.registeredLetter, .french): "Lettre recommandée"
        case (.registeredLetter, _): "Registered letter"
        case (.formalNotice, .french): "Mise en demeure"
        case (.formalNotice, _): "Formal notice"
        case (.legalAction, .french): "Action en justice"
        case (.legalAction, _): "Legal action"
        case (.handOff, .french): "Transmission"
        case (.handOff, _): "Hand-off"
        case (.reviewMessage, .french): "Message à vérifier"
        case (.reviewMessage, _): "Message to check"
        case (.fixConfiguration, .french): "Configuration à corriger"
        case (.fixConfiguration, _): "Configuration to fix"
        case (.identifyCustomer, .french): "Client à identifier"
        case (.identifyCustomer, _): "Customer to identify"
        }
    }

    /// `07/12/2026` in French, `7 Dec 2026` in English.
    func date(_ date: CivilDate) -> String {
        guard language != .french else { return String(format: "%02d/%02d/%04d", date.day, date.month, date.year) }
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(date.day) \(months[date.month - 1]) \(date.year)"
    }

    func money(_ amount: Money) -> String { amount.formatted(locale: language) }
}
