import RelanceCore

struct FrenchImportWording: ImportProblemWording {
    let toDoLabel = "À faire"

    func everyWorksheetTried(_ names: [String]) -> String {
        "Toutes les feuilles ont été essayées (\(names.map { quoted($0) }.joined(separator: ", "))) ; voici ce qui manque à la première."
    }

    /// A cell's text, cut when long (`QuotedCell`), between the wording's guillemets.
    func quotedCell(_ text: String) -> String { QuotedCell.quoted(text, quote: quoted, characters: "caractères") }
    /// A name or a word between guillemets, as every French line writes it (`FrenchWording.quoted`).
    func quoted(_ text: String) -> String { FrenchWording().quoted(text) }

    private func field(_ field: OpenInvoiceField) -> String {
        switch field {
        case .customer: "code client"
        case .customerName: "nom du client"
        case .email: "courriel"
        case .invoice: "numéro de facture"
        case .issued: "date de facture"
        case .due: "date d'échéance"
        case .total: "montant de la facture"
        case .open: "reste dû"
        case .paid: "montant réglé"
        case .currency: "devise"
        }
    }

    private func order(_ order: DayMonthOrder) -> String {
        switch order {
        case .dayFirst: "JJ/MM"
        case .monthFirst: "MM/JJ"
        }
    }

    func words(for problem: ImportProblem) -> (what: String, toDo: String?) {
        switch problem {
        case .fec(let problem):
            return words(for: problem)
        case .bank(let problem):
            return words(for: problem)
        case .eInvoice(let problem):
            return words(for: problem)
        case .structure(let problem):
            return words(for: problem)
        case .fileEmpty:
            return ("le fichier est vide", "Exportez le fichier à nouveau ; il a pu être enregistré avant la fin de l'export.")
        case .unknownFormat:
            return ("ce fichier n'est dans aucun des formats que Relance lit",
                    "Déposez l'un de ces fichiers : un FEC (séparé par des tabulations ou des |, en-tête JournalCode…), une balance âgée ou un état des factures ouvertes (CSV ou XLSX), un fichier de contacts (CSV ou XLSX), une facture électronique UBL 2.1 ou CII (XML), un PDF Factur-X / ZUGFeRD, ou un relevé bancaire (CFONB 120, camt.053 / camt.054, OFX).")
        case .workbookWithoutWorksheet:
            return ("le classeur n'a aucune feuille", "Enregistrez à nouveau le classeur en .xlsx, ou exportez l'état en CSV.")
        case .workbookPasswordProtected:
            return ("le classeur est protégé par un mot de passe", "Enregistrez à nouveau le classeur sans mot de passe.")
        case .notAWorkbook:
            return ("ce fichier ZIP n'est pas un classeur Excel (pas de xl/workbook.xml)",
                    "Déposez un classeur .xlsx, ou exportez l'état en CSV.")
        case .unterminatedQuote:
            return ("une cellule entre guillemets s'ouvre ici et n'est jamais fermée",
                    "Cherchez dans cette cellule un guillemet (\") en trop ; dans une cellule entre guillemets, un guillemet s'écrit deux fois (\"\").")
        case .tooManyTextCells(let limit):
            return ("le fichier a plus de \(Language.french.grouped(limit)) cellules (la limite des fichiers CSV)",
                    "Découpez l'export en plusieurs fichiers.")

        case .reportWithoutRows:
            return ("le fichier ne contient aucune ligne", "Exportez l'état à nouveau ; il a pu être enregistré avant la fin de l'export.")
        case .reportMissingColumns(let missing, let seen):
            return ("la ligne d'en-tête n'a pas de colonne pour : \(missing.map(field).joined(separator: ", ")) ; colonnes vues : \(seen.joined(separator: " | "))",
                    "Ajoutez la colonne manquante à l'export, ou nommez-la dans la configuration : [creditors.ID.columns] "
                        + missing.map { "\($0.configurationKey) = \"…\"" }.joined(separator: ", ") + " (le titre qu'écrit l'export).")
        case .reportMappingNotFound(let lacking, let line, let nearest):
            return ("la correspondance des colonnes ([creditors.ID.columns]) nomme des titres absents de ce fichier : "
                        + lacking.map { "\($0.key) = \"\($0.title)\"" }.joined(separator: ", ")
                        + " ; la ligne la plus proche (ligne \(line)) était : \(nearest.joined(separator: " | "))",
                    "Corrigez les titres de [creditors.ID.columns] pour qu'ils soient ceux de l'export (majuscules, accents et ponctuation ne comptent pas), ou retirez ceux que cet export n'a pas.")
        case .reportWithoutHeader(let line, let seen):
            return ("aucune ligne d'en-tête avec un numéro de facture, un montant et un client dans les 60 premières lignes ; la ligne la plus large (ligne \(line)) était : \(seen.joined(separator: " | "))",
                    "Exportez l'état avec ses titres de colonnes, ou nommez ses colonnes dans la configuration : [creditors.ID.columns] invoice = \"…\", open = \"…\", customer = \"…\" (voir examples/relance.toml).")
        case .ambiguousColumn(let titles, let field, let header):
            return ("les colonnes \(titles.map { quoted($0) }.joined(separator: ", ")) pourraient toutes être la colonne \(quoted(self.field(field))) ; la ligne d'en-tête était \(header.joined(separator: " | "))",
                    "Nommez la colonne \(quoted(self.field(field))) dans la configuration : [creditors.ID.columns] \(field.configurationKey) = \"…\" (le titre tel que l'export l'écrit).")
        case .missingInvoiceValue(let field, let column, let title):
            let place = column.map { " (colonne \($0), \(quoted(title ?? "")))" } ?? ""
            let what = switch field {
            case .invoice: "le numéro de facture est vide"
            case .customer: "le code client est vide"
            case .customerName: "le nom du client est vide"
            case .open: "le reste dû est vide"
            case .total: "le montant de la facture est vide"
            default: "la cellule \(quoted(self.field(field))) est vide"
            }
            let toDo = switch field {
            case .invoice: "Chaque ligne qui porte un montant doit avoir son numéro de facture ; si cette ligne est un sous-total, commencez sa première cellule par \(quoted("Total"))."
            case .open: "Indiquez le reste dû (0 si la facture est payée)."
            case .total: "Indiquez le montant de cette facture."
            default: "Indiquez le client de cette facture."
            }
            return (what + place, toDo)
        case .notAnAmount(let text, let column, let why):
            let reason = switch why {
            case .tooManyDecimals(let digits, let currency, let allowed): "a \(digits) décimales alors que \(currency) en a \(allowed)"
            case .tooLarge: "est trop grand pour être un montant"
            case .notANumber: "n'est pas un montant"
            }
            return ("\(quotedCell(text)) dans la colonne \(quoted(column)) \(reason)",
                    "Écrivez les montants en chiffres avec un seul séparateur décimal, par exemple \(quoted("1234,56")), \(quoted("1\u{202F}234,56\u{00A0}€")), \(quoted("-12,50")) ou \(quoted("(12,50)")).")
        case .paidTooLarge(let text, let column):
            return ("\(quotedCell(text)) dans la colonne \(quoted(column)) est trop grand pour être un montant", "Corrigez le montant réglé.")
        case .notACurrency(let text, let column):
            return ("\(quotedCell(text)) dans la colonne \(quoted(column)) n'est pas un code de devise",
                    "Utilisez un code ISO 4217 comme EUR, USD ou GBP.")
        case .currencyDisagrees(let symbol, let code):
            return ("le montant est écrit en \(symbol) mais la colonne devise indique \(code)",
                    "Corrigez la colonne devise ou le symbole du montant pour qu'ils concordent.")
        case .notADate(let text, let column, let order):
            return ("\(quotedCell(text)) dans la colonne \(quoted(column)) n'est pas une date",
                    "Écrivez les dates JJ/MM/AAAA ou AAAA-MM-JJ (les dates avec des barres obliques de ce fichier sont lues \(self.order(order))), et vérifiez que le jour existe.")
        case .mixedDateOrders(let day, let line, let month):
            return ("les dates mélangent deux ordres : \(quoted(day)) (ligne \(line)) est jour/mois mais \(quoted(month)) ici est mois/jour",
                    "Exportez toutes les dates dans un seul format (de préférence AAAA-MM-JJ), ou corrigez celles qui sont fausses.")
        case .invoiceRowsDisagree(let invoice, let customer, let firstLine, let conflict, let a, let b):
            let what = switch conflict {
            case .currencies: "des devises différentes"
            case .invoiceDates: "des dates de facture différentes"
            case .dueDates: "des échéances différentes"
            case .amountsDue: "des restes dus différents"
            case .totals: "des montants de facture différents"
            }
            return ("la facture \(invoice) du client \(customer) figure à la ligne \(firstLine) et ici avec \(what) "
                    + "(\(conflict.shown(a, in: .french)) et \(conflict.shown(b, in: .french)))",
                    "Les lignes d'un même numéro de facture sont additionnées comme les lignes d'une facture ; corrigez la valeur qui diffère ou le numéro de facture.")
        case .invoiceLinesOverflow(let invoice):
            return ("les lignes de la facture \(invoice) s'additionnent au-delà de ce qui peut être compté",
                    "Le fichier est abîmé, ou un montant a des chiffres en trop ; corrigez-le et exportez à nouveau.")

        case .contactsWithoutRows:
            return ("le fichier ne contient aucune ligne", "Exportez les contacts à nouveau ; le fichier a pu être enregistré avant la fin de l'export.")
        case .contactsWithoutHeader(let first):
            return ("aucune ligne d'en-tête avec une colonne de code client dans les 30 premières lignes ; la première ligne était : " + first.joined(separator: " | "),
                    "Ajoutez une colonne intitulée \(quoted("Code client")) (ou \(quoted("Customer"))) portant le compte ou le code du client.")
        case .contactDescribedTwice(let customer, let firstLine):
            return ("le client \(customer) est déjà décrit à la ligne \(firstLine)",
                    "Gardez une ligne par client ; mettez plusieurs adresses dans une cellule, séparées par des ;")
        case .contactWithoutCode(let column, let title):
            return ("le code client (colonne \(column), \(quoted(title))) est vide",
                    "Indiquez le code du client tel que le logiciel comptable le connaît (par exemple son compte 411).")
        case .contactValue(let text, let column, let why):
            switch why {
            case .unknownStep(let own):
                let accepted = (StepReachedText.frenchNames + own).map { quoted($0) }.joined(separator: ", ")
                return ("\(quotedCell(text)) dans la colonne \(quoted(column)) n'est pas une étape que Relance connaît",
                        "Écrivez l'étape déjà atteinte parmi : \(accepted) ; ou laissez la cellule vide.")
            case .notASIREN:
                return ("\(quotedCell(text)) dans la colonne \(quoted(column)) n'est ni un SIREN (9 chiffres) ni un SIRET (14 chiffres)",
                        "Écrivez le SIREN en 9 chiffres, par exemple 732 829 320.")
            case .notADate:
                return ("\(quotedCell(text)) dans la colonne \(quoted(column)) n'est pas une date", "Écrivez les dates JJ/MM/AAAA ou AAAA-MM-JJ.")
            case .notYesOrNo:
                return ("\(quotedCell(text)) dans la colonne \(quoted(column)) n'est ni oui ni non", "Écrivez oui ou non, ou laissez la cellule vide pour non.")
            case .notPaymentTerms:
                return ("\(quotedCell(text)) dans la colonne \(quoted(column)) ne se lit pas comme des conditions de paiement",
                        "Écrivez des conditions comme \(quoted("30 jours")), \(quoted("45 jours fin de mois")), \(quoted("60")) ou \(quoted("comptant")).")
            }
        }
    }
}
