import RelanceCore

/// The words of a disputed invoice on the customer's page (the templates read them as `w.…`,
/// through `disputeWords`).
extension ConsoleWording {
    var disputeWords: [String: String] {
        switch language {
        case .french: [
            "disputedInvoice": "contestée",
            "disputeResolvedButton": "Litige résolu",
            "disputeResolvedHint": "Un litige résolu remet la facture dans les relances, là où elle en était ; "
                + "c’est le résultat \(quoted("litige résolu")) enregistré sur la tâche qui a noté le litige.",
        ]
        case .english: [
            "disputedInvoice": "disputed",
            "disputeResolvedButton": "Dispute resolved",
            "disputeResolvedHint": "A resolved dispute puts the invoice back on the ladder where it was; "
                + "it is the outcome “dispute resolved” recorded on the task that noted the dispute.",
        ]
        }
    }
}
