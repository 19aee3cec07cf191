extension FrenchWording {
    public func refusedRowReason(_ problem: RefusedRow.Problem) -> String {
        func name(_ field: RefusedRow.DateField) -> String { field == .issued ? "la date de facture" : "l'échéance" }
        return switch problem {
        case .spreadsheetDayZero(let field):
            "\(name(field)) est le jour 0 du tableur (0, 00/01/1900 ou 30/12/1899) — ce que donne une formule sur une cellule vide ; indiquez la vraie date ou laissez la cellule vide"
        case .before1990(let field, let date):
            "\(name(field)) \(self.date(date)) est antérieure à 1990 ; vérifiez la cellule (une année à deux chiffres, ou un nombre qui n'est pas une date)"
        case .dueBeforeIssue(let due, let issued):
            "l'échéance \(date(due)) précède la date de facture \(date(issued)) ; vérifiez les deux cellules"
        case .dueTooFarAhead(let due, let exportDate, let years):
            "l'échéance \(date(due)) tombe plus de \(years) ans après la date de l'export (\(date(exportDate))) ; vérifiez la cellule (une année mal saisie ?)"
        case .english(let reason):
            reason
        }
    }

    public func refusedRow(_ row: RefusedRow) -> String {
        let what = row.invoice.map { "facture \($0)" + (row.customer.map { " (client \($0))" } ?? "") } ?? "ligne"
        return "\(row.position.text(in: .french)) : \(what) refusée : \(refusedRowReason(row.problem))"
    }

    public func dueSource(_ source: String) -> String {
        let (base, earlier) = sourceParts(source)
        let said: String
        if let rule = DueDateSource.rule(in: base, after: DueDateSource.customerTermsPrefix) {
            said = "conditions de paiement du client (\(terms(rule)))"
        } else if let rule = DueDateSource.rule(in: base, after: DueDateSource.creditorDefaultPrefix) {
            said = "conditions par défaut du créancier (\(terms(rule)))"
        } else {
            said = switch base {
            case DueDateSource.dueDateColumn: "colonne échéance de l'export"
            case DueDateSource.einvoiceDueDate: "échéance de la facture électronique (BT-9)"
            case DueDateSource.termsText: "conditions de paiement écrites sur la facture (BT-20)"
            default: base
            }
        }
        return earlier ? "\(said), import précédent" : said
    }

    private func terms(_ rule: (days: Int, endOfMonth: Bool)) -> String {
        rule.endOfMonth ? "\(rule.days) jours fin de mois" : "\(rule.days) jours"
    }

    private func day(_ date: CivilDate?) -> String { date.map(self.date) ?? "inconnue" }

    public func invoiceOpened(invoice: String, open: Money, due: CivilDate?, source: String?, file: String) -> String {
        "Facture \(invoice) ouverte pour \(amount(open)) (échéance \(day(due))\(source.map { ", source : \(dueSource($0))" } ?? "")), lue dans \(file)."
    }

    public func invoiceDueDisagreement(invoice: String, said: [(source: String, date: CivilDate)], kept: CivilDate?, source: String?) -> String {
        let listed = said.map { "\(dueSource($0.source)) : \(date($0.date))" }.joined(separator: " ; ")
        return "Facture \(invoice) : les sources ne s'accordent pas sur l'échéance (\(listed)) ; celle de la facture, \(day(kept))\(source.map { " (\(dueSource($0)))" } ?? ""), est retenue : c'est l'échéance légale. Vérifiez les conditions du client avec le comptable."
    }

    public func invoiceTermsBeyondCap(invoice: String, due: CivilDate?, source: String?, issued: CivilDate?) -> String {
        let falls = due.map { "échoit le \(date($0))" } ?? "n'a pas d'échéance connue"
        let issuedOn = issued.map { ", émise le \(date($0))" } ?? ""
        return "La facture \(invoice) \(falls)\(source.map { " (\(dueSource($0)))" } ?? "")\(issuedOn) : au-delà des plafonds légaux de 60 jours ou 45 jours fin de mois (article L. 441-10 du Code de commerce). Prévenez le comptable."
    }

    public func invoiceOlderSnapshot(invoice: String, file: String, asOf: CivilDate, applied: CivilDate) -> String {
        "Facture \(invoice) laissée telle quelle : \(file) est arrêté au \(date(asOf)), avant l'export du \(date(applied)) déjà appliqué."
    }

    public func invoiceCustomerChanged(invoice: String, customer: String, file: String, formerCustomerID: Int64) -> String {
        "D'après \(file) (le grand livre), la facture \(invoice) appartient au client \(customer), et non plus au client n°\u{00A0}\(formerCustomerID)."
    }

    public func invoiceReopened(invoice: String, file: String, asOf: CivilDate, open: Money) -> String {
        "La facture \(invoice) réapparaît dans \(file), arrêté au \(date(asOf)), ouverte pour \(amount(open)) : rouverte."
    }

    public func invoiceOpenChanged(invoice: String, from: Money, to: Money, file: String) -> String {
        "Reste dû de la facture \(invoice) passé de \(amount(from)) à \(amount(to)) dans \(file)."
    }

    public func invoiceDueChanged(invoice: String, from: CivilDate?, to: CivilDate?, source: String?, file: String) -> String {
        let change = switch (from, to) {
        case (let from?, let to?): "passée du \(date(from)) au \(date(to))"
        case (nil, let to?): "fixée au \(date(to))"
        case (let from?, nil): "retirée (elle était au \(date(from)))"
        case (nil, nil): "toujours inconnue"
        }
        return "Échéance de la facture \(invoice) \(change)\(source.map { " (\(dueSource($0)))" } ?? "") par \(file)."
    }

    public func invoiceDocumentKept(invoice: String, file: String) -> String {
        "Le document de la facture \(invoice) (\(file)) est conservé pour être joint à ses relances."
    }
}
