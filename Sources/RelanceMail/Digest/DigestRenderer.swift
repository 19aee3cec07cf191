public import RelanceCore

/// The digest as a plain-text and an HTML body, in French or English. Written in code rather
/// than templates: it is for the creditor's own people, and its structure is the product.
public enum DigestRenderer {
    public static func subject(_ content: DigestContent, language: Language) -> String {
        let work = content.calls.count + content.replies.count + content.letters.count + content.otherTasks.count
        switch language {
        case .french:
            return work == 0 ? "Relance — \(content.creditorName) — rien à faire aujourd'hui (\(content.day))"
                : "Relance — \(content.creditorName) — \(work) tâche(s) pour aujourd'hui (\(content.day))"
        case .english:
            return work == 0 ? "Relance — \(content.creditorName) — nothing to do today (\(content.day))"
                : "Relance — \(content.creditorName) — \(work) task(s) for today (\(content.day))"
        }
    }

    public static func text(_ content: DigestContent, language: Language) -> String {
        var lines: [String] = []
        for (title, items) in sections(content, language: language) where !items.isEmpty {
            lines.append(title)
            lines.append(String(repeating: "-", count: title.count))
            for item in items {
                lines.append("* \(item.title)")
                lines.append(contentsOf: item.details.map { "    \($0)" })
            }
            lines.append("")
        }
        if !content.hasWork {
            lines.insert(language == .french ? "Rien à faire aujourd'hui.\n" : "Nothing to do today.\n", at: 0)
        }
        lines.append(language == .french ? "Balance âgée" : "Aged balance")
        for totals in content.totals {
            let buckets = AgingBucket.allCases.map { "\(label($0, language)): \(totals.amount($0).formatted(locale: language))" }
            lines.append("  \(totals.currency.code) — \(buckets.joined(separator: " · ")) — total \(totals.totalAmount.formatted(locale: language))")
        }
        if content.totals.isEmpty { lines.append(language == .french ? "  Aucune créance ouverte." : "  Nothing open.") }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func html(_ content: DigestContent, language: Language) -> String {
        var html = "<!DOCTYPE html><html lang=\"\(language.rawValue)\"><head><meta charset=\"utf-8\"></head><body style=\"font-family:sans-serif\">\n"
        if !content.hasWork { html += "<p>\(language == .french ? "Rien à faire aujourd'hui." : "Nothing to do today.")</p>\n" }
        for (title, items) in sections(content, language: language) where !items.isEmpty {
            html += "<h2>\(AgedBalanceHTML.escapeText(title))</h2><ul>\n"
            for item in items {
                html += "<li>\(AgedBalanceHTML.escapeText(item.title))"
                if !item.details.isEmpty {
                    html += "<br><small>" + item.details.map(AgedBalanceHTML.escapeText).joined(separator: "<br>") + "</small>"
                }
                html += "</li>\n"
            }
            html += "</ul>\n"
        }
        html += "<h2>\(language == .french ? "Balance âgée" : "Aged balance")</h2><table>\n"
        for totals in content.totals {
            for bucket in AgingBucket.allCases {
                html += "<tr><td>\(totals.currency.code) \(AgedBalanceHTML.escapeText(label(bucket, language)))</td>"
                html += "<td style=\"text-align:right\">\(AgedBalanceHTML.escapeText(totals.amount(bucket).formatted(locale: language)))</td></tr>\n"
            }
        }
        return html + "</table></body></html>\n"
    }

    static func sections(_ content: DigestContent, language: Language) -> [(String, [DigestContent.Line])] {
        let french = language == .french
        return [
            (french ? "Tâches en retard" : "Overdue tasks", content.overdueTasks),
            (french ? "Appels à passer" : "Calls to make", content.calls),
            (french ? "Réponses à lire" : "Replies to read", content.replies),
            (french ? "Courriers à imprimer et envoyer" : "Letters to print and send", content.letters),
            (french ? "Autres tâches" : "Other tasks", content.otherTasks),
            (french ? "Envoyé depuis le dernier point" : "Sent since the last digest", content.sent),
            (french ? "Réglé depuis le dernier point" : "Settled since the last digest", content.settled),
        ]
    }

    static func label(_ bucket: AgingBucket, _ language: Language) -> String {
        guard language == .french else { return bucket.title }
        switch bucket {
        case .notDue: return "non échu"
        case .late1to30: return "1 à 30 j"
        case .late31to60: return "31 à 60 j"
        case .late61to90: return "61 à 90 j"
        case .over90: return "plus de 90 j"
        case .credit: return "avoirs"
        }
    }
}
