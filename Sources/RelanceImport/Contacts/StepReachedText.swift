/// "Étape atteinte" as people write it in a contacts file ("Relance 1", "2e relance",
/// "Lettre recommandée", "Mise en demeure", "Final reminder"…), read as the step of the
/// ladder it names. The planner knows steps by their policy names (`registered-letter`), so a
/// value that names none is refused: ignored, it would restart a customer at the first email.
enum StepReachedText {
    /// The built-in ladder's steps, each with the ways French and English speakers write it.
    static let phrases: [(step: String, phrases: [String])] = [
        ("courtesy-reminder", ["relance de courtoisie", "relance courtoisie", "rappel de courtoisie", "courtoisie", "rappel courtois",
                               "pre relance", "prerelance", "rappel avant echeance", "courtesy reminder", "courtesy",
                               "pre due reminder"]),
        ("first-reminder", ["relance 1", "relance n 1", "relance no 1", "1re relance", "1ere relance", "1e relance",
                            "premiere relance", "rappel 1", "1er rappel", "premier rappel", "first reminder", "reminder 1",
                            "1st reminder"]),
        ("second-reminder", ["relance 2", "relance n 2", "relance no 2", "2e relance", "2eme relance", "2nde relance",
                             "deuxieme relance", "seconde relance", "rappel 2", "2e rappel", "deuxieme rappel", "second reminder",
                             "reminder 2", "2nd reminder"]),
        ("phone-call", ["appel", "appel telephonique", "relance telephonique", "telephone", "appele", "phone call", "call",
                        "phone", "called"]),
        ("final-reminder", ["relance finale", "derniere relance", "relance 3", "relance n 3", "3e relance", "3eme relance",
                            "troisieme relance", "dernier rappel", "rappel final", "final reminder", "last reminder",
                            "reminder 3", "3rd reminder"]),
        ("formal-letter", ["lettre", "lettre de relance", "lettre simple", "courrier", "courrier de relance", "courrier simple",
                           "letter", "formal letter", "reminder letter"]),
        ("registered-letter", ["lettre recommandee", "lettre recommandee avec accuse de reception", "lettre recommandee ar",
                               "recommande", "recommande ar", "courrier recommande", "lrar", "lr ar", "lr", "ar",
                               "registered letter", "recorded delivery", "recorded delivery letter"]),
        ("formal-notice", ["mise en demeure", "med", "lettre de mise en demeure", "formal notice", "letter before action",
                           "final demand", "notice before action"]),
        ("legal-action", ["injonction de payer", "procedure simplifiee", "petites creances", "contentieux", "action en justice",
                          "procedure judiciaire", "legal action", "court action", "order for payment"]),
        ("hand-off", ["recouvrement", "societe de recouvrement", "agence de recouvrement", "cabinet de recouvrement",
                      "collection agency", "debt collector", "hand off", "handed off"]),
    ]

    /// Words that mean "nothing done yet".
    static let none: Set<String> = ["aucune", "aucun", "neant", "none", "no", "non", "0", "-"]

    private static let table: [String: String] = {
        var table: [String: String] = [:]
        for (step, phrases) in phrases {
            table[HeaderText.normalize(step)] = step
            for phrase in phrases { table[phrase] = step }
        }
        return table
    }()

    enum Reading: Equatable {
        case nothing
        case step(String)
        case unknown
    }

    /// `knownSteps`: the step names of the creditor's own policies, accepted as written.
    static func read(_ text: String, knownSteps: Set<String>) -> Reading {
        let key = HeaderText.normalize(text)
        if key.isEmpty || none.contains(key) { return .nothing }
        if let step = knownSteps.first(where: { HeaderText.normalize($0) == key }) { return .step(step) }
        if let step = table[key] { return .step(step) }
        return .unknown
    }

    /// One way of writing each built-in step, as the refusal lists them to a French reader…
    static let frenchNames = ["Relance de courtoisie", "Relance 1", "2e relance", "Appel", "Relance finale", "Lettre",
                              "Lettre recommandée", "Mise en demeure", "Injonction de payer", "Recouvrement"]
    /// …and to an English one (both are read, whatever the creditor's language).
    static let englishNames = ["Courtesy reminder", "First reminder", "Second reminder", "Phone call", "Final reminder", "Letter",
                               "Registered letter", "Formal notice", "Legal action", "Collection agency"]

    /// The creditor's own policies' step names, which the refusal lists beside the built-in ones.
    static func ownSteps(_ knownSteps: Set<String>) -> [String] {
        knownSteps.subtracting(phrases.map(\.step)).sorted()
    }
}
