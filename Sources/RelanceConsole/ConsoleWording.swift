import Foundation
import RelanceCore
import RelanceDaemon

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
    let amount: String
    let email: String
    let aging: String
    /// The navigation's name of the bank receipts to link (`ReceiptsController`).
    let receipts: String
    let download: String
    let filter: String
    let allBuckets: String
    let bucket: String
    let customerFilter: String
    let asOf: String
    let creditor: String
    let noAging: String
    let imports: String
    let history: String
    let file: String
    let when: String
    let status: String
    let items: String
    let upload: String
    let uploadHint: String
    let noImports: String
    let rejectImport: String
    let rejectReason: String
    let uploadUnreadable: String
    let uploadNoFile: String
    let why: String
    let messagesToReview: String
    let sendMessage: String
    let skipMessage: String
    let to: String
    let attachments: String
    let correctAddress: String
    let correctAddressHint: String
    let doNotRemindHint: String
    let doNotRemindSet: String
    let health: String
    let never: String
    let activeMode: String
    let reviewMode: String
    let services: String
    let noDaemon: String
    let outbox: String
    let creditorPaused: String
    let outboxPaused: String
    let lastImport: String
    let mailboxMarks: String
    let nextRetry: String
    let windowOpens: String
    let openTasks: String
    let mail: String
    let sentMail: String
    let receivedMail: String
    /// A reminder on the Mail page that has not left (awaiting approval, queued, held, cancelled).
    let reminderMail: String
    /// A received message's kind (`InboundKind`'s raw values) in words.
    let inboundKinds: [String: String]
    let mailSearchHint: String
    let noMail: String
    let from: String
    let noRawKept: String
    let outcomes: [(code: String, label: String)]

    static func forLanguage(_ language: Language) -> ConsoleWording {
        language == .french ? french : english
    }

    /// The user's words, in a language of the creditors they see (every creditor's when nobody is
    /// signed in): the books speak their creditor's language, so the console speaks no other. When
    /// those creditors speak several — a user of a French and an English creditor — the browser's
    /// `Accept-Language` chooses among them (`preferred`, best first); without a choice there, the
    /// first creditor's, in the configuration's order.
    static func forUser(_ user: ConsoleUser?, preferring preferred: [Language], in runtime: RelanceRuntime) -> ConsoleWording {
        let spoken = runtime.creditors.filter { user?.maySee($0.configuration.id) ?? true }.map(\.configuration.language)
        let language = preferred.first(where: spoken.contains) ?? spoken.first ?? runtime.creditors.first?.configuration.language ?? .french
        return forLanguage(language)
    }

    /// A POST whose form token is missing or stale (the page was open across a sign-in).
    var formExpired: String {
        language == .french ? "Ce formulaire a expiré : revenez en arrière, rechargez la page et réessayez."
            : "This form has expired: go back, reload the page and try again."
    }

    static let french = ConsoleWording(
        language: .french, lang: "fr", appTitle: "Relance", today: "Aujourd’hui", customers: "Clients", signOut: "Se déconnecter",
        signIn: "Se connecter", userName: "Identifiant", password: "Mot de passe",
        loginFailed: "Identifiant ou mot de passe incorrect.",
        loginThrottled: "Trop d’essais : réessayez dans un quart d’heure.",
        noTask: "Rien à faire aujourd’hui.", heldImports: "Imports en attente de confirmation", confirmImport: "Confirmer l’import",
        search: "Rechercher", searchHint: "Nom, code client, facture ou courriel", noCustomer: "Aucun client ne correspond.",
        openInvoices: "Factures ouvertes", invoice: "Facture", issued: "Émise le", due: "Échéance", open: "Reste dû", total: "Total",
        timeline: "Historique", pause: "Suspendre les relances", pauseUntil: "jusqu’au (inclus, facultatif)",
        resume: "Reprendre les relances", holds: "Suspensions", closeTask: "Clore la tâche", outcome: "Résultat", date: "Date",
        note: "Note", tracking: "N° de suivi", record: "Enregistrer", phones: "Téléphones", document: "Document à imprimer",
        nothingOpen: "Rien d’ouvert.", notFound: "Page introuvable.", forbidden: "Action refusée.",
        amount: "Montant", email: "Courriel",
        aging: "Balance âgée", receipts: "Virements", download: "Télécharger (CSV pour Excel)", filter: "Filtrer", allBuckets: "Toutes les tranches",
        bucket: "Tranche", customerFilter: "Client (code ou nom)", asOf: "Au", creditor: "Créancier", noAging: "Aucune facture ouverte ne correspond.",
        imports: "Imports", history: "Derniers imports", file: "Fichier", when: "Reçu le", status: "État", items: "Lignes",
        upload: "Déposer un export", uploadHint: "Le fichier est placé dans le dossier de dépôt et lu comme tout autre export.",
        noImports: "Aucun import pour l’instant.", rejectImport: "Rejeter", rejectReason: "Motif (facultatif)",
        uploadUnreadable: "Le formulaire d’envoi est illisible : rechargez la page et réessayez.",
        uploadNoFile: "Choisissez un fichier à déposer.", why: "Pourquoi ?",
        messagesToReview: "Relances à vérifier", sendMessage: "Envoyer tel quel", skipMessage: "Ne pas envoyer", to: "À",
        attachments: "Pièces jointes", correctAddress: "Adresse de courriel corrigée",
        correctAddressHint: "Ajoutée aux destinataires des relances jusqu’au prochain fichier de contacts, qui fait foi ; l’adresse n’est plus tenue pour invalide.",
        doNotRemindHint: "Ne plus relancer ce client : suspendez sans date de fin (ou \(FrenchWording().quoted("ne pas relancer")) dans le fichier de contacts, qui fait foi).",
        doNotRemindSet: "Le fichier de contacts dit : ne pas relancer.",
        health: "État", never: "jamais", activeMode: "actif : les relances partent", reviewMode: "mode relecture : rien n’est envoyé",
        services: "Services", noDaemon: "Pas encore d’état : relance run n’a pas tourné avec ce dossier d’état.", outbox: "Boîte d’envoi",
        creditorPaused: "Relances suspendues pour ce créancier.", outboxPaused: "Envoi suspendu", lastImport: "Dernier import",
        mailboxMarks: "Boîte de réception", nextRetry: "Prochain essai", windowOpens: "Hors plage d’envoi : reprise le",
        openTasks: "Tâches ouvertes", mail: "Courriels", sentMail: "envoyé", receivedMail: "reçu", reminderMail: "relance",
        inboundKinds: ["bounce": "courriel rejeté", "autoreply": "réponse automatique", "complaint": "plainte",
                       "delivery-report": "avis de remise", "reply": "réponse", "other": "autre"],
        mailSearchHint: "Adresse, client, étape ou résumé", noMail: "Aucun courriel ne correspond.", from: "De",
        noRawKept: "Le message lui-même n’est plus conservé (durée de conservation) : seul son résumé reste.",
        outcomes: [("promised", "Promesse de paiement (date, montant)"), ("dispute", "Litige (factures, motif en note)"),
                   ("dispute-resolved", "Litige résolu (factures ; toutes si vide)"),
                   ("paid", "Déjà payé (date, moyen en note)"), ("no-answer", "Pas de réponse"), ("wrong-number", "Mauvais numéro"),
                   ("new-address", "Nouvelle adresse de courriel (adresse)"),
                   ("letter-posted", "Lettre postée (date, n° de suivi)"), ("done", "Fait"), ("cancelled", "Annulée")])

    static let english = ConsoleWording(
        language: .english, lang: "en", appTitle: "Relance", today: "Today", customers: "Customers", signOut: "Sign out",
        signIn: "Sign in", userName: "User name", password: "Password",
        loginFailed: "Wrong user name or password.",
        loginThrottled: "Too many attempts: try again in a quarter of an hour.",
        noTask: "Nothing to do today.", heldImports: "Imports waiting for confirmation", confirmImport: "Confirm the import",
        search: "Search", searchHint: "Name, customer code, invoice or email", noCustomer: "No customer matches.",
        openInvoices: "Open invoices", invoice: "Invoice", issued: "Issued", due: "Due date", open: "Open", total: "Total",
        timeline: "Timeline", pause: "Pause reminders", pauseUntil: "until (inclusive, optional)",
        resume: "Resume reminders", holds: "Pauses", closeTask: "Close the task", outcome: "Outcome", date: "Date",
        note: "Note", tracking: "Tracking number", record: "Record", phones: "Phones", document: "Document to print",
        nothingOpen: "Nothing open.", notFound: "Page not found.", forbidden: "Refused.",
        amount: "Amount", email: "Email",
        aging: "Aged balance", receipts: "Bank receipts", download: "Download (CSV)", filter: "Filter", allBuckets: "All buckets",
        bucket: "Bucket", customerFilter: "Customer (code or name)", asOf: "As of", creditor: "Creditor", noAging: "No open invoice matches.",
        imports: "Imports", history: "Recent imports", file: "File", when: "Received", status: "Status", items: "Rows",
        upload: "Upload an export", uploadHint: "The file goes into the drop folder and is read like any other export.",
        noImports: "No imports yet.", rejectImport: "Reject", rejectReason: "Reason (optional)",
        uploadUnreadable: "The upload form could not be read: reload the page and try again.",
        uploadNoFile: "Choose a file to upload.", why: "Why?",
        messagesToReview: "Reminders to check", sendMessage: "Send as is", skipMessage: "Do not send", to: "To",
        attachments: "Attachments", correctAddress: "Corrected email address",
        correctAddressHint: "Added to the reminders' recipients until the next contacts file, which prevails; the address is no longer treated as invalid.",
        doNotRemindHint: "To stop reminding this customer: pause without an end date (or do_not_remind in the contacts file, which prevails).",
        doNotRemindSet: "The contacts file says: do not remind.",
        health: "Health", never: "never", activeMode: "active: reminders are sent", reviewMode: "review mode: nothing is sent",
        services: "Services", noDaemon: "No status yet: relance run has not run with this state folder.", outbox: "Outbox",
        creditorPaused: "Reminders paused for this creditor.", outboxPaused: "Outbox paused", lastImport: "Last import",
        mailboxMarks: "Mailbox", nextRetry: "Next retry", windowOpens: "Outside the send window: resumes",
        openTasks: "Open tasks", mail: "Mail", sentMail: "sent", receivedMail: "received", reminderMail: "reminder",
        inboundKinds: ["bounce": "bounce", "autoreply": "auto-reply", "complaint": "complaint",
                       "delivery-report": "delivery report", "reply": "reply", "other": "other"],
        mailSearchHint: "Address, customer, step or summary", noMail: "No message matches.", from: "From",
        noRawKept: "The message itself is no longer kept (retention): only its summary remains.",
        outcomes: [("promised", "Promised to pay (date, amount)"), ("dispute", "Dispute (invoices, reason in the note)"),
                   ("dispute-resolved", "Dispute resolved (invoices; all if empty)"),
                   ("paid", "Already paid (date; how, in the note)"), ("no-answer", "No answer"), ("wrong-number", "Wrong number"),
                   ("new-address", "New email address (email)"),
                   ("letter-posted", "Letter posted (date, tracking number)"), ("done", "Done"), ("cancelled", "Cancelled")])

    /// A task's kind as people say it, from the shared `Wording`.
    func taskKind(_ kind: WorkTask.Kind) -> String { language.wording.taskKind(kind) }

    /// `07/12/2026` in French, `7 Dec 2026` in English (the shared date format).
    func date(_ date: CivilDate) -> String { language.wording.date(date) }

    /// What a label takes before its value: ` :` in French (a space before the colon), `:` in
    /// English — the page's labels are one template for both languages.
    var colon: String { language == .french ? " :" : ":" }

    func money(_ amount: Money) -> String { AmountFormat(language).string(amount) }

    /// A name or a person's words between the language's quotes, `« … »` (U+00A0 inside) or
    /// `“…”`: the shared wording's one helper, so the console quotes as the digest and the journal do.
    func quoted(_ text: String) -> String { language.wording.quoted(text) }

    /// `07/12/2026 à 14 h 05` (French), `07/12/2026 14:05` (English), in the creditor's time zone.
    func dateTime(_ instant: Date, in timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.hour, .minute], from: instant)
        return date(CivilDate(instant, in: timeZone)) + " " + language.wording.dates.clock(hour: parts.hour ?? 0, minute: parts.minute ?? 0)
    }

    func messageState(_ state: OutboxState) -> String {
        switch (state, language) {
        case (.awaitingApproval, .french): "mode relecture : à approuver"
        case (.awaitingApproval, _): "review mode: awaiting approval"
        case (.held, .french): "retenue : envoyée ou non ?"
        case (.failed, .french): "échec après plusieurs essais"
        case (.queued, .french): "en file d’attente"
        case (.sending, .french): "en cours d’envoi"
        case (.sent, .french): "envoyée"
        case (.retry, .french): "à renvoyer"
        case (.cancelled, .french): "annulée"
        case (.held, _): "held: sent or not?"
        case (.failed, _): "failed after several attempts"
        case (_, _): state.rawValue
        }
    }

    /// The outbox's counts on Health: `envoyés 3`.
    func outboxCount(_ state: OutboxState) -> String {
        guard language == .french else { return state.rawValue }
        return switch state {
        case .awaitingApproval: "à approuver"
        case .queued: "en file"
        case .sending: "en cours"
        case .sent: "envoyés"
        case .retry: "à renvoyer"
        case .failed: "en échec"
        case .held: "retenus"
        case .cancelled: "annulés"
        }
    }

    func failing(_ count: Int, since: String, error: String) -> String {
        language == .french ? "en échec \(count) fois depuis \(since) : \(error)" : "failing \(count)× since \(since): \(error)"
    }

    /// How long ago, in the largest unit that is not zero: `il y a 3 h`, `2 days ago`; under a
    /// minute, `à l’instant` / `just now` (not « il y a 0 min »).
    func age(_ seconds: TimeInterval) -> String {
        let minutes = max(0, Int(seconds / 60))
        if minutes == 0 { return language == .french ? "à l’instant" : "just now" }
        let (value, unitFR, unitEN) = minutes < 60 ? (minutes, "min", "min") : minutes < 48 * 60 ? (minutes / 60, "h", "h")
            : (minutes / 1440, minutes / 1440 > 1 ? "jours" : "jour", minutes / 1440 > 1 ? "days" : "day")
        return language == .french ? "il y a \(value) \(unitFR)" : "\(value) \(unitEN) ago"
    }

    func importStatus(_ status: ImportRecord.Status) -> String {
        switch (status, language) {
        case (.applied, .french): "appliqué"
        case (.rejected, .french): "refusé"
        case (.held, .french): "en attente"
        case (.applied, _): "applied"
        case (.rejected, _): "refused"
        case (.held, _): "held"
        }
    }

    /// The summary of an import's warnings on the Imports page.
    func importWarnings(_ count: Int) -> String {
        switch language {
        case .french: count > 1 ? "\(count) avertissements" : "1 avertissement"
        case .english: count > 1 ? "\(count) warnings" : "1 warning"
        }
    }

    func uploaded(_ name: String) -> String {
        language == .french ? "\(quoted(name)) est dans le dossier de dépôt : il sera lu au prochain passage (sous une minute), puis listé ici."
            : "\(quoted(name)) is in the drop folder: it will be read at the next pass (within a minute), then listed here."
    }

    func uploadLimit(_ megabytes: Int) -> String {
        language == .french ? "Jusqu’à \(megabytes) Mo ; un fichier plus gros se copie directement dans le dossier de dépôt."
            : "Up to \(megabytes) MB; copy a larger file into the drop folder itself."
    }

    func uploadEmpty(_ name: String) -> String {
        language == .french ? "\(quoted(name)) est vide : rien n’a été déposé." : "\(quoted(name)) is empty: nothing was uploaded."
    }

    /// "Clients 101 à 200 sur 9 999, les plus en retard d’abord (page 2 sur 100) ; le CSV les contient tous."
    func agingPageHeading(first: Int, last: Int, total: Int, page: Int, pages: Int) -> String {
        switch language {
        case .french:
            return "Clients \(language.grouped(first)) à \(language.grouped(last)) sur \(language.grouped(total)), les plus en retard d’abord "
                + "(page \(page) sur \(pages)) ; le CSV les contient tous."
        case .english:
            return "Customers \(language.grouped(first)) to \(language.grouped(last)) of \(language.grouped(total)), most overdue first "
                + "(page \(page) of \(pages)); the CSV has them all."
        }
    }

    func unreadableDate(_ text: String) -> String {
        language == .french ? "\(quoted(text)) : une date s’écrit 15/01/2027." : "\(quoted(text)): write a date as 15/01/2027."
    }

    /// What is wrong with an outcome form, naming the field as the form labels it.
    func outcomeProblem(_ error: OutcomeInputError) -> String {
        let french = language == .french
        let field = switch error.field {
        case "date": date
        case "amount": amount
        case "email": email
        default: outcome
        }
        let value = error.value ?? ""
        switch error.problem {
        case .missing:
            return french ? "Ce résultat demande le champ \(quoted(field))." : "This outcome needs the \(field) field."
        case .unreadableDate:
            return french ? "\(field) \(quoted(value)) : une date s’écrit 15/01/2027." : "\(field) \(quoted(value)): write a date as 15/01/2027."
        case .unreadableAmount:
            return french ? "\(field) \(quoted(value)) : un montant s’écrit 912,00." : "\(field) \(quoted(value)): write an amount as 912.00."
        case .notAnEmail:
            return french ? "\(field) \(quoted(value)) n’est pas une adresse de courriel." : "\(field) \(quoted(value)) is not an email address."
        case .unknownOutcome:
            return french ? "Résultat inconnu \(quoted(value))." : "Unknown outcome \(quoted(value))."
        }
    }
}
