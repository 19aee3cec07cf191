extension FrenchImportWording {
    /// The term with its article: « la date d'échéance (BT-9) ».
    private func name(_ term: EInvoiceProblem.Term) -> String {
        switch term {
        case .invoiceNumber: "le numéro de facture (BT-1)"
        case .issueDate: "la date de facture (BT-2)"
        case .dueDate: "la date d'échéance (BT-9)"
        case .currency: "la devise (BT-5)"
        case .amountDue: "le montant à payer (BT-115)"
        }
    }

    func words(for problem: EInvoiceProblem) -> (what: String, toDo: String?) {
        switch problem {
        case .missing(let term, let path):
            return ("la facture n'indique pas \(name(term)) (élément attendu : \(path))",
                    "Demandez à l'émetteur une facture EN 16931 complète.")
        case .notADate(let term, let text):
            return ("\(name(term)) \(quotedCell(text)) n'est pas une date",
                    "Les dates EN 16931 s'écrivent AAAA-MM-JJ (UBL) ou AAAAMMJJ (CII, format 102).")
        case .notACurrency(let code):
            return ("la devise \(quotedCell(code)) n'est pas un code ISO 4217",
                    "Demandez à l'émetteur une facture avec un code de devise valable (BT-5).")
        case .notAnAmount(let term, let text, let currency, let decimals):
            return ("\(name(term)) \(quotedCell(text)) n'est pas un montant en \(currency)",
                    "Les montants EN 16931 s'écrivent avec un point décimal et au plus \(decimals) décimales.")
        case .notAnInvoice(let root):
            return ("l'élément racine XML <\(root)> n'est pas une facture que Relance lit",
                    "Déposez des factures UBL 2.1 Invoice ou CreditNote, ou UN/CEFACT CrossIndustryInvoice (CII / Factur-X).")
        case .pdfWithoutInvoice:
            return ("ce PDF ne contient pas de facture XML Factur-X / ZUGFeRD 2 (un PDF simple, ou chiffré)",
                    "Demandez la version Factur-X de la facture, ou déposez plutôt son XML (CII ou UBL).")
        case .malformedXML(let truncated):
            return (truncated ? "le XML est illisible (le document se termine avant que son élément racine soit fermé)" : "le XML est illisible (XML mal formé)",
                    "Vérifiez que le fichier est une facture XML complète et bien formée ; demandez à l'émetteur de l'émettre à nouveau.")
        }
    }
}
