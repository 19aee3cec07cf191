/// The sentences of the task model (#13) in each language, in one place so that the
/// per-language wording can take them over whole: plan reasons, task details, the
/// acknowledgement of an emailed outcome.
public enum TaskWords {
    /// `10/11`: the day and month, as a person names a recent letter.
    static func dayMonth(_ date: CivilDate) -> String {
        let day = date.day < 10 ? "0\(date.day)" : "\(date.day)"
        let month = date.month < 10 ? "0\(date.month)" : "\(date.month)"
        return "\(day)/\(month)"
    }

    static func dayMonthYear(_ date: CivilDate) -> String { "\(dayMonth(date))/\(date.year)" }

    /// "la lettre recommandée" / "the registered letter".
    public static func letterName(_ kind: WorkTask.Kind, _ language: Language) -> String {
        let french = language == .french
        return switch kind {
        case .registeredLetter: french ? "la lettre recommandée" : "the registered letter"
        case .formalNotice: french ? "la mise en demeure" : "the formal notice"
        default: french ? "la lettre de relance" : "the reminder letter"
        }
    }

    /// Why the ladder waits for a letter nobody recorded as posted.
    public static func letterNotPosted(_ kind: WorkTask.Kind, since: CivilDate, escalated: Bool, _ language: Language) -> String {
        let french = language == .french
        let name = letterName(kind, language)
        let base = french
            ? "\(name) du \(dayMonth(since)) n'est pas confirmée comme postée"
            : "\(name) of \(dayMonth(since)) is not confirmed as posted"
        let then = french
            ? (escalated ? " : signalée à une personne ; la suite attend qu'elle le soit" : " : la suite attend qu'elle le soit")
            : (escalated ? ": escalated to a person; the next step waits until it is" : ": the next step waits until it is")
        return base + then
    }

    /// A call tried without answer, retried on another business day.
    public static func callRetry(attempt: Int, of attempts: Int, retryOn: CivilDate, _ language: Language) -> String {
        language == .french
            ? "appel sans réponse (tentative \(attempt) sur \(attempts)) : nouvel essai le \(dayMonthYear(retryOn))"
            : "call not answered (attempt \(attempt) of \(attempts)): tried again on \(dayMonthYear(retryOn))"
    }

    /// The phone line of a call task when every number is wrong.
    public static func noPhoneLeft(_ language: Language) -> String {
        language == .french
            ? "aucun numéro valable : trouver un numéro (site, Infogreffe, standard) avant d'appeler"
            : "no valid number: find one (website, company register, switchboard) before calling"
    }

    /// An invoice the customer says it paid, held for the ledger.
    public static func paymentClaimed(paidOn: CivilDate?, means: String?, until: CivilDate, _ language: Language) -> String {
        let french = language == .french
        let when = paidOn.map { french ? " le \(dayMonthYear($0))" : " on \(dayMonthYear($0))" } ?? ""
        let how = means.map { french ? " (\($0))" : " (\($0))" } ?? ""
        return french
            ? "le client dit avoir payé\(when)\(how) : en attente du relevé jusqu'au \(dayMonthYear(until))"
            : "the customer says it paid\(when)\(how): waiting for the ledger until \(dayMonthYear(until))"
    }

    /// The accountant's check once the wait is over.
    public static func checkPaymentTitle(customer: String, invoices: [String], _ language: Language) -> String {
        language == .french
            ? "Vérifier le paiement annoncé par \(customer) (factures \(invoices.joined(separator: ", "))) : le relevé ne le montre pas"
            : "Check the payment \(customer) announced (invoices \(invoices.joined(separator: ", "))): the ledger does not show it"
    }

    /// "promesse non tenue": a broken promise, recalled when the ladder resumes.
    public static func promiseBroken(until: CivilDate, amount: Money?, _ language: Language) -> String {
        let french = language == .french
        let sum = amount.map { " (\($0.formatted(locale: language)))" } ?? ""
        return french
            ? "promesse non tenue : règlement promis pour le \(dayMonthYear(until))\(sum)"
            : "promise not kept: payment promised by \(dayMonthYear(until))\(sum)"
    }

    public static func acknowledgementsTitle(_ language: Language) -> String {
        language == .french ? "Enregistré d'après vos réponses" : "Recorded from your replies"
    }

    /// How to record an outcome by replying to the digest.
    public static func replyHelp(_ language: Language) -> String {
        language == .french
            ? "Pour enregistrer un résultat, répondez à ce message, une ligne par tâche : « #12 promis 15/01/2027 912,00 », « #12 litige F-2026-001 motif », « #12 payé 10/01/2027 virement », « #12 mauvais numéro », « #12 pas de réponse », « #12 nouvelle adresse compta@client.fr », « #14 postée 10/11/2026 1A23456789012 »."
            : "To record an outcome, reply to this email, one line per task: \"#12 promised 2027-01-15 912.00\", \"#12 dispute INV-1 reason\", \"#12 paid 2027-01-10 transfer\", \"#12 wrong number\", \"#12 no answer\", \"#12 new address ap@customer.com\", \"#14 posted 2026-11-10 1A23456789012\"."
    }

    /// The acknowledgement of an outcome sent by email, in the next digest.
    public static func acknowledgement(taskID: Int64, outcome: TaskOutcome, by: String, _ language: Language) -> String {
        language == .french
            ? "Tâche n° \(taskID) : « \(outcome.code) » enregistré, reçu de \(by)"
            : "Task #\(taskID): \"\(outcome.code)\" recorded, received from \(by)"
    }
}
