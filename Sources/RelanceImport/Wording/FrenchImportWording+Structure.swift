import RelanceCore

extension FrenchImportWording {
    /// `64 Mo`, `1 000 000 octets`.
    private func size(_ bytes: Int) -> String {
        bytes % 1_048_576 == 0 ? "\(bytes / 1_048_576) Mo" : "\(Language.french.grouped(bytes)) octets"
    }

    func words(for problem: StructureProblem) -> (what: String, toDo: String?) {
        let grouped = Language.french.grouped
        let saveAgain = "Enregistrez à nouveau le classeur en .xlsx depuis Excel ou LibreOffice."
        let bigWorkbook = "Un état de cette taille s'exporte plutôt en CSV, ou se découpe en plusieurs classeurs."
        let notAsBanksSend = "Ce n'est pas un relevé tel que les banques l'envoient ; téléchargez-le à nouveau depuis la banque."
        switch problem {
        case .zipCorrupt(let damage):
            let what = switch damage {
            case .tableOfContentsMissing: "sa table des matières manque (fichier coupé ?)"
            case .tableOfContentsDamaged: "sa table des matières est abîmée"
            case .partDamaged(let part): "la partie \(part) est abîmée"
            case .partTruncated(let part): "la partie \(part) est coupée"
            case .partUndecompressable(let part, let detail): "la partie \(part) ne se décompresse pas (\(detail))"
            }
            return ("ce fichier ZIP (XLSX) est illisible : \(what)", "Enregistrez à nouveau le classeur en .xlsx, ou exportez-le en CSV.")
        case .zipCompression(let part, let method):
            return ("la partie \(part) utilise la méthode de compression ZIP \(method)", saveAgain)
        case .workbookInflatedTooLarge(let limit, let part, let declared):
            return ("le classeur se décompresse en plus de \(size(limit)) (la limite de taille décompressée)"
                        + (declared ? ", d'après sa propre table des matières" : ", et la décompression de \(part) a été arrêtée là"),
                    "Un état de cette taille s'exporte plutôt en CSV (le lecteur CSV n'a pas cette limite), ou se découpe en plusieurs classeurs.")
        case .pdfInflatedTooLarge(let limit):
            return ("les flux du PDF se décompressent en plus de \(size(limit)) au total (la limite de taille décompressée) avant que sa facture XML soit lue",
                    "Demandez la facture Factur-X telle que le logiciel de facturation l'a émise, ou déposez plutôt son XML (CII ou UBL).")
        case .missingWorksheet(let path):
            return ("le classeur n'a pas de feuille \(path)", "Enregistrez à nouveau le classeur en .xlsx, ou exportez-le en CSV.")
        case .partNotWellFormed(let part, let line):
            return ("la partie \(part) du classeur n'est pas du XML bien formé (ligne \(line) de la partie)", saveAgain)
        case .tooManySharedStrings(let limit):
            return ("le classeur liste plus de \(grouped(limit)) textes partagés (la limite de cellules)", bigWorkbook)
        case .tooManyWorkbookCells(let limit):
            return ("le classeur a plus de \(grouped(limit)) cellules (la limite de cellules, toutes feuilles confondues, cellules vides d'une ligne comprises)", bigWorkbook)
        case .cellBeyondXFD:
            return ("une cellule se trouve au-delà de la colonne XFD, la dernière d'Excel",
                    "Excel n'a pas pu écrire cette feuille : enregistrez à nouveau le classeur depuis Excel ou LibreOffice.")
        case .cellTooLong(let limit):
            return ("une cellule contient plus de \(grouped(limit)) caractères (la limite de longueur d'une cellule, celle d'Excel)",
                    "Excel n'a pas pu écrire cette cellule : enregistrez à nouveau le classeur depuis Excel ou LibreOffice, ou exportez-le en CSV.")
        case .doctype:
            return ("le XML contient une déclaration de type de document (<!DOCTYPE …>), que Relance ne lit pas",
                    "Les factures électroniques, les relevés bancaires et les parties d'un classeur n'en ont jamais besoin : demandez à l'émetteur le fichier tel que son logiciel l'exporte.")
        case .nestedTooDeep(let limit):
            return ("des éléments sont imbriqués sur plus de \(limit) niveaux (la limite d'imbrication) ; une vraie facture, un relevé ou un classeur en compte 10 à 15",
                    "Ce n'est pas un export tel que l'écrit un logiciel comptable : demandez à l'émetteur le fichier d'origine.")
        case .tooManyElements(let limit):
            return ("le document a plus de \(grouped(limit)) éléments XML (la limite d'éléments)",
                    "Découpez le fichier en fichiers plus petits, ou exportez l'état en CSV.")
        case .statementEntryTooLarge(let limit):
            return ("une opération contient plus de \(grouped(limit)) éléments (la limite de taille d'une opération) ; un lot de 5 000 virements en compte environ 200 000", notAsBanksSend)
        case .statementTextTooLong(let kilobytes):
            return ("le texte d'un élément dépasse \(kilobytes) Ko (la limite de texte d'un élément de relevé) ; une ligne de libellé compte 140 caractères", notAsBanksSend)
        }
    }
}
