extension FrenchWording {
    public func receiptTermsBeyondCap(count: Int, invoices: [String], more: Bool) -> String {
        (count > 1 ? "\(count) factures ont des délais de paiement" : "1 facture a un délai de paiement")
            + " au-delà des plafonds légaux (60 jours, ou 45 jours fin de mois) : "
            + invoices.joined(separator: ", ") + (more ? "…" : "") + "."
    }

    public func receiptDueDisagreements(count: Int, invoices: [DueDisagreement], more: Bool) -> String {
        let list = invoices.map { invoice in
            "\(invoice.invoice.printable) (\(invoice.said.map { "\(dueSource($0.source)) : \(date($0.date))" }.joined(separator: ", ")))"
        }
        return (count > 1 ? "\(count) factures dont les sources ne donnent pas la même échéance" : "1 facture dont les sources ne donnent pas la même échéance")
            + " ; la date écrite sur la facture est gardée (la date légale), vérifiez les conditions du client avec le comptable : "
            + list.joined(separator: " ; ") + (more ? " ; …" : "") + "."
    }

    public func receiptRowRefused(_ row: RefusedRow) -> String { "ligne refusée : \(refusedRow(row))" }

    public func receiptCustomerMatchedByName(name: String, file: String, customer: String) -> String {
        "\(quoted(name.printable)) n'a pas de code client dans \(file) : rapproché par son nom du client \(customer)."
    }

    public func customerResolvedByName(name: String, file: String, customer: String) -> String {
        "\(file) n'a pas de code client : \(quoted(name.printable)) est le client \(customer), trouvé par son nom."
    }

    public func moreImportWarnings(file: String, count: Int) -> String {
        "\(file) : \(count > 1 ? "\(count) autres avertissements" : "1 autre avertissement") (relance import --dry-run \(file) les donne tous)."
    }
}
