import RelanceCore
import Testing

/// A first load's journal lines are written into one string (issue #17): word for word what the
/// interpolated, mapped and joined version wrote, kept here as the reference, over the cases
/// the line distinguishes — one invoice or several, shared or differing sources, no source, no
/// due date, several currencies, more invoices than a line lists.
@Suite struct FrenchOpenedInvoicesWordingTests {
    private let words = FrenchWording()

    /// `FrenchWording.invoicesOpened` as it was written before (ea40c67^).
    private func reference(_ invoices: [OpenedInvoice], file: String) -> String {
        let total = totals(invoices).map(words.amount).joined(separator: " + ")
        let shared = sharedSource(invoices)
        let listed = invoices.prefix(OpenedInvoice.listedPerLine).map { invoice in
            let due = invoice.due.map { "échéance \(words.date($0))" } ?? "échéance inconnue"
            let source = shared == nil ? invoice.source.map { ", source : \(referenceDueSource($0))" } ?? "" : ""
            return "\(invoice.number) (\(words.amount(invoice.open)), \(due)\(source))"
        }.joined(separator: ", ")
        let more = invoices.count - min(invoices.count, OpenedInvoice.listedPerLine)
        let sharedText = shared.flatMap { $0 }.map { " (source \(invoices.count > 1 ? "des échéances" : "de l'échéance") : \(referenceDueSource($0)))" } ?? ""
        let opened = invoices.count > 1 ? "\(invoices.count) factures ouvertes" : "1 facture ouverte"
        return "\(opened) pour \(total)\(sharedText), \(invoices.count > 1 ? "lues" : "lue") dans \(file) : \(listed)"
            + (more > 0 ? " et \(more) \(more > 1 ? "autres" : "autre")." : ".")
    }

    private func totals(_ invoices: [OpenedInvoice]) -> [Money] {
        var totals: [Money] = []
        for invoice in invoices {
            if let at = totals.firstIndex(where: { $0.currency == invoice.open.currency }) {
                totals[at].minorUnits += invoice.open.minorUnits
            } else {
                totals.append(invoice.open)
            }
        }
        return totals
    }

    private func sharedSource(_ invoices: [OpenedInvoice]) -> String?? {
        guard let first = invoices.first, invoices.allSatisfy({ $0.source == first.source }) else { return nil }
        return .some(first.source)
    }

    /// `FrenchWording.dueSource` with the rule read as it was (`hasPrefix(prefix + " (")`).
    private func referenceDueSource(_ source: String) -> String {
        func rule(_ source: String, _ prefix: String) -> (days: Int, endOfMonth: Bool)? {
            guard source.hasPrefix(prefix + " ("), source.hasSuffix(")") else { return nil }
            let inner = source.dropFirst(prefix.count + 2).dropLast()
            guard let days = inner.split(separator: " ").first.flatMap({ Int($0) }) else { return nil }
            return (days, inner.hasSuffix("end of month"))
        }
        func terms(_ rule: (days: Int, endOfMonth: Bool)) -> String {
            rule.endOfMonth ? "\(rule.days) jours fin de mois" : "\(rule.days) jours"
        }
        let earlier = source.hasSuffix(DueDateSource.earlierImportSuffix)
        let base = earlier ? String(source.dropLast(DueDateSource.earlierImportSuffix.count)) : source
        let said: String
        if let rule = rule(base, DueDateSource.customerTermsPrefix) {
            said = "conditions de paiement du client (\(terms(rule)))"
        } else if let rule = rule(base, DueDateSource.creditorDefaultPrefix) {
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

    static let sources: [String?] = [
        "creditor default (30 days)", "customer terms (45 days end of month)", "customer terms (60 days) (earlier import)",
        "due-date column", "BT-9", "BT-20 terms text", nil, "customer terms", "customer terms (", "customer terms ()",
        "customer terms (x days)", "customer termsX (30 days)", "customer terms\u{301} (30 days)", "creditor default (+7 days)",
        "creditor default (30 days", "créancier (30 jours)", "customer terms x30 days)", "creditor default  7 days)",
    ]

    @Test func aDueDatesSourceReadsAsItDid() {
        for source in Self.sources.compactMap({ $0 }) {
            #expect(words.dueSource(source) == referenceDueSource(source), "\(source)")
        }
    }

    @Test func theLineIsWordForWordTheInterpolatedOne() throws {
        let euro = Currency.euro
        let usd = try #require(Currency(code: "USD"))
        let day = try #require(CivilDate(year: 2026, month: 11, day: 3))
        func invoice(_ index: Int, source: String?, due: Bool = true, currency: Currency = euro) -> OpenedInvoice {
            OpenedInvoice(number: "F26-\(index)", open: Money(minorUnits: Int64(index) * 123_457 - 500, currency: currency),
                          due: due ? day.adding(days: index) : nil, source: source)
        }
        var cases: [[OpenedInvoice]] = [[]]
        for source in Self.sources {
            for count in [1, 2, 3, 20, 21, 22, 45] {
                cases.append((0..<count).map { invoice($0, source: source, due: $0 % 4 != 1) })
            }
        }
        // Sources that differ from invoice to invoice, one missing; two currencies.
        for count in [2, 5, 21, 30] {
            cases.append((0..<count).map { invoice($0, source: Self.sources[$0 % Self.sources.count], due: $0 % 3 != 0,
                                                   currency: $0 % 2 == 0 ? euro : usd) })
        }
        for invoices in cases {
            for file in ["FEC-1000000.txt", "grand livre 2026 (clôture).txt", ""] {
                #expect(words.invoicesOpened(invoices, file: file) == reference(invoices, file: file), "\(invoices.count) invoices")
            }
        }
    }

    @Test func aTaskKindReadsLowercasedAsItDid() {
        for kind in WorkTask.Kind.allCases {
            #expect(words.taskOpened(id: 12, kind: kind, title: "T") == "Tâche n°\u{00A0}12 (\(words.taskKind(kind).lowercased())) : T")
        }
    }
}
