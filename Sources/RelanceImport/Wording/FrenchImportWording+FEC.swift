extension FrenchImportWording {
    func words(for problem: FECProblem) -> (what: String, toDo: String?) {
        switch problem {
        case .fileEmpty:
            return ("le fichier est vide", "Exportez le FEC à nouveau ; le fichier a pu être enregistré avant la fin de l'export.")
        case .wrongFieldCount(let found, let expected, let separator):
            let name = separator == 0x09 ? "la tabulation" : "\(quoted(String(UnicodeScalar(separator))))"
            return ("cette ligne a \(found) champs alors que l'en-tête en a \(expected)",
                    "Un libellé contient sans doute le séparateur (\(name)) ; retirez-le de ce libellé et exportez à nouveau.")
        case .notAnAmount(let text, let column):
            return ("\(quotedCell(text)) dans la colonne \(column) n'est pas un montant",
                    "Les montants d'un FEC s'écrivent en chiffres avec une virgule décimale, par exemple 1234,56 (sans séparateur de milliers ni symbole de devise).")
        case .notADate(let text, let column):
            return ("\(quotedCell(text)) dans la colonne \(column) n'est pas une date", "Les dates d'un FEC s'écrivent AAAAMMJJ, par exemple 20261231.")
        case .neitherDebitNorCredit(let text, let column):
            return ("\(quotedCell(text)) dans la colonne \(column) n'est ni D (débit) ni C (crédit)",
                    "La colonne Sens doit contenir D ou C (ou +1 / -1).")
        case .ledgerOverflow:
            return ("les montants de cette comptabilité s'additionnent au-delà de ce qui peut être compté",
                    "Le fichier est abîmé ou ce n'est pas un FEC ; exportez-le à nouveau.")
        case .missingColumn(let name, let seen):
            return ("l'en-tête du FEC n'a pas de colonne \(name) ; colonnes vues : \(seen.joined(separator: " | "))",
                    "Exportez à nouveau le FEC depuis le logiciel comptable : l'article A47 A-1 du LPF impose les 18 colonnes normalisées.")
        case .noAmountColumns(let seen):
            return ("l'en-tête du FEC n'a ni Debit et Credit ni Montant et Sens ; colonnes vues : \(seen.joined(separator: " | "))",
                    "Exportez à nouveau le FEC avec les colonnes Debit et Credit (ou Montant et Sens).")
        }
    }
}
