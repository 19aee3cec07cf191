import RelanceCore

extension FrenchImportWording {
    func words(for problem: BankProblem) -> (what: String, toDo: String?) {
        let again = "Téléchargez à nouveau le relevé depuis la banque."
        let damaged = "Téléchargez à nouveau le relevé depuis la banque ; le fichier est abîmé."
        switch problem {
        case .notAStatement:
            return ("ce fichier n'est pas un relevé bancaire que Relance lit",
                    "Téléchargez le relevé au format CFONB 120, camt.053 / camt.054 (XML ISO 20022) ou OFX.")
        case .cfonbRecordCode(let code):
            return ("le code d'enregistrement \(quoted(code)) n'est pas celui d'un relevé CFONB 120 (01, 04, 05 ou 07)",
                    "Téléchargez à nouveau le relevé depuis la banque au format CFONB 120 (relevé 120 caractères) ; un fichier en 240 caractères ou un fichier de remise n'est pas un relevé.")
        case .cfonbRecordLength(let characters):
            return ("l'enregistrement a \(characters) caractères ; un enregistrement CFONB 120 en a exactement 120",
                    "Le fichier a sans doute été modifié ou coupé : téléchargez à nouveau le relevé depuis la banque, sans l'ouvrir dans un éditeur de texte.")
        case .cfonbTooManyRecords(let limit):
            return ("plus de \(Language.french.grouped(limit)) enregistrements", "Découpez le relevé par mois.")
        case .cfonbWithoutLineEnds(let characters):
            return ("le fichier n'a pas de fins de ligne et ses \(Language.french.grouped(characters)) caractères ne font pas un nombre entier d'enregistrements de 120 caractères",
                    "Le fichier a sans doute été coupé : téléchargez à nouveau le relevé depuis la banque.")
        case .cfonbNotADate(let text):
            return ("\(quoted(text)) n'est pas une date (JJMMAA)", damaged)
        case .cfonbNotACurrency(let code):
            return ("\(quoted(code)) n'est pas un code de devise", damaged)
        case .cfonbNotAnAmount(let text):
            return ("\(quoted(text)) n'est pas un montant CFONB (13 chiffres et un caractère de signe : { A–I positif, } J–R négatif)", damaged)
        case .cfonbTooManyDecimals(let decimals, let currency):
            return ("le montant a \(decimals) décimales, plus que n'en a \(currency)", "Demandez à la banque le relevé dans la devise du compte.")
        case .camtMalformed(let truncated):
            return (truncated ? "le document se termine avant que son élément racine soit fermé" : "le XML est illisible (XML mal formé)",
                    "Téléchargez à nouveau le relevé depuis la banque : le fichier est abîmé ou a été coupé.")
        case .camtNotAStatement:
            return ("ce document ISO 20022 n'est pas un relevé bancaire (camt.052, camt.053 ou camt.054)",
                    "Téléchargez depuis la banque le relevé de compte (camt.053) ou les avis de crédit (camt.054).")
        case .camtWithoutBookingDate:
            return ("l'opération n'a pas de date de comptabilisation (BookgDt/Dt ou BookgDt/DtTm)",
                    "Téléchargez à nouveau le relevé depuis la banque ; une opération sans date ne peut pas être lue.")
        case .camtWithoutAmount:
            return ("l'opération n'a pas de montant", again)
        case .camtWithoutCurrency(let amount):
            return ("le montant \(amount) n'a pas de devise valable (attribut Ccy)", again)
        case .camtDirection(let found):
            return ("l'indicateur crédit/débit \(found.map { "est \(quoted($0))" } ?? "manque") ; il doit valoir CRDT ou DBIT", again)
        case .camtNotAnAmount(let text, let currency):
            return ("\(quotedCell(text)) n'est pas un montant en \(currency)", again)
        case .ofxWithoutRoot:
            return ("le fichier a un en-tête OFX mais pas d'élément <OFX>", "Téléchargez à nouveau le relevé depuis la banque ; le fichier a été coupé.")
        case .ofxWithoutAmount:
            return ("l'opération n'a pas de montant (TRNAMT)", again)
        case .ofxNotAnAmount(let text):
            return ("\(quotedCell(text)) n'est pas un montant (TRNAMT)", again)
        case .ofxWithoutDate(let found):
            return ("l'opération n'a pas de date de comptabilisation valable (DTPOSTED, AAAAMMJJ…) : \(found.map(quoted) ?? "aucune")", again)
        case .ofxUnclosedTag:
            return ("une balise n'est pas fermée par \(quoted(">"))", damaged)
        case .ofxBadTagName:
            return ("un nom de balise est vide ou trop long", damaged)
        case .ofxValueTooLong(let tag, let limit):
            return ("la valeur de <\(tag)> dépasse \(Language.french.grouped(limit)) octets", "Ce n'est pas un relevé OFX tel que les banques l'envoient.")
        }
    }
}
