public import RelanceCore

extension PolicyStep.Channel {
    /// Steps whose task comes with a letter rendered from the step's template (subject, text
    /// and the printed HTML page). Legal action and hand-off get a dossier instead, built in code.
    public var printsLetter: Bool {
        switch self {
        case .letter, .registeredLetter, .formalNotice: true
        case .email, .phone, .legalAction, .handOff: false
        }
    }
}
