import RelanceCore

extension FrenchImportWording {
    func words(for note: ImportNote) -> String {
        switch note {
        case .fec(let note): return words(for: note)
        case .bank(let note): return words(for: note)
        case .eInvoice(let note): return words(for: note)
        case .worksheetSkipped(let read, let skipped):
            let none = skipped.count > 1 ? "avant elle, ne contiennent aucun état" : "avant elle, ne contient aucun état"
            return "lu sur la feuille \(quoted(read)) ; \(skipped.map { quoted($0) }.joined(separator: ", ")), \(none)"
        case .identityCleaned(let original, let cleaned, let field, let column):
            let place = column.map { " de la colonne \(quoted($0))" } ?? ""
            return "\(name(of: field))\(place) contenait des caractères de contrôle (\(PrintableText.escape(original))) ; "
                + "gardé sous la forme \(quoted(cleaned)). Vérifiez l'export : un saut de ligne ou un caractère de contrôle n'y a pas sa place."
        case .emailCellRefused(let text, let column):
            return "la cellule de courriel de la colonne \(quoted(column)) (\(PrintableText.escape(text))) n'est ni une adresse ni une liste "
                + "d'adresses séparées par ; ou , — aucune de ses adresses n'est utilisée. Corrigez la cellule dans l'export."
        case .dateOrderGuessed(let order, let reason):
            let why = switch reason {
            case .frenchTitles: "titres de colonnes en français"
            case .americanExport: "titres en anglais, point décimal et montants en USD"
            case .decimalComma: "pas un export américain : virgule décimale"
            case .currency(let code): "pas un export américain : montants en \(code)"
            }
            let other = order == .dayFirst ? DayMonthOrder.monthFirst : .dayFirst
            return "aucune date du fichier n'a un jour supérieur à 12 : le jour et le mois ne pouvaient pas être distingués ; "
                + "les dates ont été lues \(readOrder(order)) (\(why)). Si c'est faux, indiquez date_order = \"\(other.rawValue)\" "
                + "dans [creditors.ID.columns]."
        case .emptyOpenReadAsZero(let line, let column):
            return "ligne \(line) : \(quoted(column)) est vide, lu comme 0 (réglée)."
        case .invoiceLinesFolded(let rows, let invoices, let column):
            return "\(Language.french.grouped(rows)) lignes sont les lignes de \(Language.french.grouped(invoices)) factures, chacune répétant "
                + "les montants de sa facture (\(quoted(column))) : chaque facture est comptée une fois."
        case .customerColumnChosen(let chosen, let others, let moreSpecific):
            let why = moreSpecific ? "son titre désigne plus précisément un compte client" : "elle vient en premier parmi des titres aussi probables"
            return "le code client est lu dans la colonne \(quoted(chosen)) (\(why)) ; \(others.map { quoted($0) }.joined(separator: ", ")) "
                + (others.count > 1 ? "pourraient aussi le contenir et n'ont pas été utilisées" : "pourrait aussi le contenir et n'a pas été utilisée")
                + ". Si c'est faux, indiquez customer = \"…\" dans [creditors.ID.columns]."
        case .customersByName(let column):
            return "aucune colonne ne donne de code client : chaque client est identifié par son nom (colonne \(quoted(column))) "
                + "et rapproché du fichier de contacts par ce nom. Si l'export a une colonne de code, nommez-la dans "
                + "[creditors.ID.columns] customer = \"…\"."
        case .unknownLanguage(let line, let text):
            return "ligne \(line) : la langue \(quotedCell(text)) n'est ni le français ni l'anglais ; la langue par défaut du créancier s'applique."
        }
    }

    private func readOrder(_ order: DayMonthOrder) -> String {
        switch order {
        case .dayFirst: "jour d'abord (JJ/MM)"
        case .monthFirst: "mois d'abord (MM/JJ)"
        }
    }

    private func name(of field: ImportNote.IdentityField) -> String {
        switch field {
        case .customerCode: "le code client"
        case .customerName: "le nom du client"
        case .contactName: "le nom"
        case .invoiceNumber: "le numéro de facture"
        }
    }

    private func words(for note: FECNote) -> String {
        let amounts = AmountFormat(.french)
        let dates = CivilDateFormat(.french)
        switch note {
        case .noCustomerAccount(let prefix):
            return "aucun compte client (\(prefix)…) dans ce FEC : il ne donne aucune facture ouverte. Vérifiez que l'export couvre le journal des ventes."
        case .unbalanced(let difference):
            return "le FEC n'est pas équilibré : le total des débits moins le total des crédits vaut \(amounts.string(difference)) ; "
                + "le fichier est peut-être coupé ou filtré."
        case .sharedPieceReference(let customer, let reference, let entries, let labels):
            let described = entries.map { "écriture \($0.number.map(String.init) ?? "?") du \(dates.short($0.date))" }.joined(separator: ", ")
            return "client \(customer) : la référence de pièce \(quoted(reference)) est partagée par \(entries.count) écritures de vente "
                + "(\(described)) ; lue comme \(entries.count) factures : " + labels.map { quoted($0) }.joined(separator: ", ") + "."
        }
    }

    private func words(for note: BankNote) -> String {
        let amounts = AmountFormat(.french)
        let dates = CivilDateFormat(.french)
        switch note {
        case .camtUntestedVersion(let kind, let version):
            return "la version 001.\(version) de camt.\(kind) n'est pas de celles sur lesquelles Relance a été essayé (001.02 à 001.13) ; "
                + "ses opérations ont été lues de la même façon"
        case .camtUnbookedLeftOut(let count):
            return count > 1
                ? "\(Language.french.grouped(count)) opérations pas encore comptabilisées (statut autre que BOOK) ont été laissées de côté ; "
                    + "elles seront lues sur le relevé qui les comptabilise"
                : "1 opération pas encore comptabilisée (statut autre que BOOK) a été laissée de côté ; "
                    + "elle sera lue sur le relevé qui la comptabilise"
        case .camtTransactionsDisagree(let count, let total, let entry):
            return "les \(count) transactions de l'opération totalisent \(total.map(amounts.string) ?? "des montants dans d'autres devises"), "
                + "et non le montant de l'opération, \(amounts.string(entry)) ; chaque transaction a été lue avec son propre montant"
        case .cfonbBalanceUnclosed(let account, let date, let line, let cutShort):
            return "compte \(account) : le solde du \(dates.short(date)) n'a pas d'enregistrement de clôture 07 (ligne \(line))"
                + (cutShort ? " ; le fichier est peut-être coupé" : "")
        case .cfonbOperationOutsideBalance(let account, let line):
            return "compte \(account) : opération de la ligne \(line) hors d'un solde 01 … 07 de son compte ; ses soldes ne sont pas vérifiés"
        case .cfonbDetailWithoutOperation(let line):
            return "ligne \(line) : un enregistrement de détail 05 sans son opération 04 a été ignoré"
        case .cfonbBalanceGap(let account, let previous, let previousLine, let operations, let new, let line, let gap):
            return "compte \(account) : ancien solde \(amounts.string(previous)) (ligne \(previousLine)) + opérations \(amounts.string(operations)) "
                + "≠ nouveau solde \(amounts.string(new)) (ligne \(line)) ; l'écart est de \(amounts.string(gap)) : une opération manque peut-être au fichier"
        case .cfonbNewBalanceWithoutPrevious(let account, let line):
            return "compte \(account) : nouveau solde à la ligne \(line) sans son ancien solde 01 ; non vérifié"
        }
    }

    private func words(for note: EInvoiceNote) -> String {
        switch note {
        case .dueFromTerms(let due, let terms):
            return "pas de date d'échéance (BT-9) : le \(CivilDateFormat(.french).short(due)) a été lu dans les conditions de paiement \(quoted(terms))."
        }
    }
}
