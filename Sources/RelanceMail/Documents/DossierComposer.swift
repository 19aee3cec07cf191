public import RelanceCore

/// The file handed to a collection agency or a commissaire de justice: `invoices.csv`,
/// `actions.csv` and a one-page `summary.html` with the amounts and the proposed procedure.
/// CSV amounts are plain decimals with a dot and a currency column, so a spreadsheet in any
/// locale reads them as numbers; every cell goes through `AgedBalanceCSV.cell` (no formulas).
public struct DossierComposer: Sendable {
    public let creditor: CreditorProfile
    public let language: Language

    public init(creditor: CreditorProfile, language: Language) {
        self.creditor = creditor
        self.language = language
    }

    public static let invoiceHeader = ["number", "issue_date", "due_date", "currency", "total", "open", "claimed",
                                       "days_late", "interest", "indemnity", "demanded"]
    public static let actionHeader = ["date", "action", "channel", "outcome", "invoices"]

    public func files(for task: PlannedTask, today: CivilDate) -> [DocumentFile] {
        [
            DocumentFile(name: "invoices.csv", contents: invoicesCSV(task, today: today)),
            DocumentFile(name: "actions.csv", contents: actionsCSV(task)),
            DocumentFile(name: "summary.html", contents: summaryHTML(task, today: today)),
        ]
    }

    /// Demanded invoices first (with their interest and indemnity), then those only outstanding.
    public func invoicesCSV(_ task: PlannedTask, today: CivilDate) -> String {
        let lines = Dictionary(task.breakdown?.lines.map { ($0.invoice, $0) } ?? [], uniquingKeysWith: { first, _ in first })
        var rows = [Self.invoiceHeader]
        for (planned, demanded) in task.invoices.map({ ($0, true) }) + task.alsoOutstanding.map({ ($0, false) }) {
            let receivable = planned.receivable
            let line = demanded ? lines[receivable.number] : nil
            let daysLate = line?.daysLate ?? receivable.due.map { max(0, $0.days(until: today)) } ?? planned.daysLate
            rows.append([
                receivable.number, receivable.issued?.iso8601 ?? "", receivable.due?.iso8601 ?? "",
                receivable.open.currency.code, (receivable.total ?? receivable.open).decimalString, receivable.open.decimalString,
                planned.claimed.decimalString, String(daysLate), line?.interest?.decimalString ?? "",
                line.map { "\($0.indemnity.decimalString) \($0.indemnity.currency.code)" } ?? "", demanded ? "yes" : "no",
            ])
        }
        return Self.csv(rows)
    }

    /// Only what happened (sent messages, tasks with an outcome, contacts by hand), oldest first.
    public func actionsCSV(_ task: PlannedTask) -> String {
        var rows = [Self.actionHeader]
        for action in task.priorActions {
            rows.append([action.on.iso8601, action.step, action.channel?.rawValue ?? "manual", action.detail ?? "",
                         action.invoices.joined(separator: " ")])
        }
        return Self.csv(rows)
    }

    public func summaryHTML(_ task: PlannedTask, today: CivilDate) -> String {
        let french = language == .french
        let e = AgedBalanceHTML.escapeText
        // French typography puts a space before the colon.
        let colon = french ? " :" : ":"
        let customer = task.customer.name ?? task.customer.externalID
        let title = task.kind == .legalAction
            ? (french ? "Dossier de recouvrement judiciaire" : "Legal recovery file")
            : (french ? "Dossier transmis au recouvrement" : "File handed over for collection")
        let money = { (amounts: [Money]) in e(amounts.isEmpty ? "—" : amounts.map { AmountFormat(self.language).string($0) }.joined(separator: " + ")) }
        var body: [String] = []
        body.append("<h1>\(e(title))</h1>")
        body.append("<p>\(e(french ? "Créancier" : "Creditor"))\(colon) <strong>\(e(creditor.legalName))</strong>\(creditor.siren.map { " — SIREN \(e($0))" } ?? "")"
                    + "\(creditor.rcs.map { " — \(e($0))" } ?? "")<br>\(creditor.addressLines.map(e).joined(separator: ", "))</p>")
        body.append("<p>\(e(french ? "Débiteur" : "Debtor"))\(colon) <strong>\(e(customer))</strong> (\(e(task.customer.externalID)))"
                    + (task.postalAddress.isEmpty ? "" : "<br>\(task.postalAddress.map(e).joined(separator: ", "))") + "</p>")
        if let procedure = task.proposedProcedure {
            body.append("<h2>\(e(french ? "Procédure proposée" : "Proposed procedure"))</h2>")
            body.append("<p><strong>\(e(LetterContextBuilder.procedureName(procedure, language: language)))</strong></p>")
            // The ceiling written as every amount is (U+202F between thousands, U+00A0 before €).
            let ceiling = AmountFormat(language).string(LegalProcedure.smallClaimsCeiling)
            body.append("<p>\(e(french ? "Seuil de la procédure simplifiée : \(ceiling) en principal et intérêts (art. R. 125-1 CPCE) ; au-delà, ou pour une créance en devise, injonction de payer." : "Ceiling of the simplified procedure: \(ceiling) in principal and interest (art. R125-1 CPCE); above it, or for a claim in another currency, an order for payment."))</p>")
        }
        body.append("<h2>\(e(french ? "Montants au " : "Amounts as of "))\(e(CivilDateText.long(today, language: language)))</h2>")
        body.append("<table>")
        if let breakdown = task.breakdown {
            body.append("<tr><th>\(e(french ? "Principal" : "Principal"))</th><td>\(money(breakdown.principal))</td></tr>")
            body.append("<tr><th>\(e(french ? "Pénalités de retard" : "Late-payment interest"))</th><td>\(money(breakdown.interest))</td></tr>")
            // The amount the calculator charges per late invoice, written as the letters write it.
            let each = AmountFormat(language).inSentence(LatePaymentTerms.french.recoveryIndemnity)
            let several = task.invoices.count > 1
            let indemnities = french ? "\(several ? "Indemnités forfaitaires" : "Indemnité forfaitaire") (\(each) par facture)"
                : "\(several ? "Fixed recovery indemnities" : "Fixed recovery indemnity") (\(each) per invoice)"
            body.append("<tr><th>\(e(indemnities))</th><td>\(money(breakdown.indemnities))</td></tr>")
            body.append("<tr class=\"total\"><th>Total</th><td>\(money(breakdown.total))</td></tr>")
        } else {
            body.append("<tr><th>\(e(french ? "Principal" : "Principal"))</th><td>\(money(ReminderContextBuilder.sumByCurrency(task.invoices.map(\.claimed))))</td></tr>")
        }
        body.append("</table>")
        if let breakdown = task.breakdown, !breakdown.isComplete {
            body.append("<p class=\"warning\">\(e(missingRatesWarning(breakdown.missingRates)))</p>")
        }
        let claimedLabel = french ? (task.invoices.count > 1 ? "Factures réclamées" : "Facture réclamée")
            : (task.invoices.count > 1 ? "Invoices claimed" : "Invoice claimed")
        let othersLabel = french
            ? (task.alsoOutstanding.count > 1 ? "Autres factures impayées (non réclamées ici)" : "Autre facture impayée (non réclamée ici)")
            : (task.alsoOutstanding.count > 1 ? "Other unpaid invoices (not claimed here)" : "Other unpaid invoice (not claimed here)")
        body.append("<p>\(e(claimedLabel))\(colon) \(e(task.invoices.map(\.receivable.number).joined(separator: ", ")))"
                    + (task.alsoOutstanding.isEmpty ? "" : "<br>\(e(othersLabel))\(colon) \(e(task.alsoOutstanding.map(\.receivable.number).joined(separator: ", ")))")
                    + "</p>")
        body.append("<p>\(e(french ? "Détail : invoices.csv (factures) et actions.csv (actions menées, avec leurs dates)." : "Details: invoices.csv (invoices) and actions.csv (actions taken, with their dates)."))</p>")
        return """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)">
            <head><meta charset="utf-8"><title>\(e(title)) — \(e(customer))</title>
            <style>
            @page { size: A4; margin: 18mm; }
            body { font-family: Arial, Helvetica, sans-serif; font-size: 10.5pt; color: #111; }
            h1 { font-size: 15pt; } h2 { font-size: 12pt; margin-top: 18px; }
            table { border-collapse: collapse; } th, td { padding: 4px 10px; border-bottom: 1px solid #ccc; text-align: left; }
            td { text-align: right; } tr.total th, tr.total td { font-weight: bold; border-top: 2px solid #333; }
            .warning { color: #a00; }
            </style>
            </head>
            <body>
            \(body.joined(separator: "\n"))
            </body>
            </html>

            """
    }

    /// The semesters as the letters name them and no configuration line: the dossier goes to a
    /// collection agency, which cannot act on a relance.toml key; the operator's task already says
    /// which setting to add (`Wording.missingRate`).
    func missingRatesWarning(_ missing: [MissingRate]) -> String {
        let periods = LetterContextBuilder.periods(missing.map(\.semester), language: language)
        // The amounts above are those of the semesters whose rate is known: say which are left out.
        guard language == .french else {
            return "Late-payment interest not computed for \(periods) (\(missing.count > 1 ? "rates" : "rate") not yet published): "
                + "the amounts above do not include it."
        }
        return "Pénalités de retard non calculées pour \(periods) (\(missing.count > 1 ? "taux manquants" : "taux manquant")) : "
            + "le montant ci-dessus n'en tient pas compte."
    }

    private static func csv(_ rows: [[String]]) -> String {
        rows.map { $0.map(AgedBalanceCSV.cell).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }
}
