public import RelanceCore

/// Builds a `ReminderContext` from domain values, formatting every amount and date for the
/// message's language. Pure: `today` is an argument, not the clock.
public enum ReminderContextBuilder {
    public static func build(language: Language, today: CivilDate, creditor: CreditorProfile,
                             customerID: String, customerName: String, invoices: [OpenItem],
                             paymentReference: String, priorActions: [PriorAction] = [],
                             statutory: StatutoryAmounts? = nil, allocations: [CreditAllocation] = []) -> ReminderContext {
        build(language: language, today: today, creditor: creditor, customerID: customerID, customerName: customerName,
              demand: Demand(items: invoices, allocations: allocations), paymentReference: paymentReference,
              priorActions: priorActions, statutory: statutory)
    }

    /// The context of what `demand` asks for: every figure a template prints comes from it.
    public static func build(language: Language, today: CivilDate, creditor: CreditorProfile,
                             customerID: String, customerName: String, demand: Demand,
                             paymentReference: String, priorActions: [PriorAction] = [],
                             statutory: StatutoryAmounts? = nil, brokenPromise: PromiseNotKept? = nil) -> ReminderContext {
        let credit = { (allocation: CreditAllocation) in
            ReminderContext.Credit(number: allocation.credit,
                                   date: allocation.creditIssued.map { CivilDateText.short($0, language: language) },
                                   invoice: allocation.invoice, amount: AmountFormat(language).string(allocation.amount))
        }
        // `Demand` lists them oldest due date first, as a statement of account does.
        let rows = demand.lines.map { line -> ReminderContext.Invoice in
            let item = line.item
            let delay = item.due.map { $0.days(until: today) } ?? 0
            let amount = item.total ?? item.open
            return ReminderContext.Invoice(
                number: item.invoice,
                issued: item.issued.map { CivilDateText.short($0, language: language) },
                due: item.due.map { CivilDateText.short($0, language: language) },
                amount: AmountFormat(language).string(amount),
                open: AmountFormat(language).string(item.open),
                daysLate: String(max(0, delay)),
                daysUntilDue: String(max(0, -delay)),
                lateBy: dayCount(max(0, delay), language: language),
                dueIn: dayCount(max(0, -delay), language: language),
                isOverdue: delay > 0,
                isPartlyPaid: amount.currency == item.open.currency && amount.minorUnits != item.open.minorUnits,
                claimed: AmountFormat(language).string(line.claimed),
                credits: line.credits.map(credit)
            )
        }
        let openByCurrency = demand.net
        var context = ReminderContext(
            creditor: ReminderContext.Creditor(
                legalName: creditor.legalName,
                addressLines: creditor.addressLines.filter { !$0.trimmingSpaces().isEmpty },
                siren: nonEmpty(creditor.siren),
                vatNumber: nonEmpty(creditor.vatNumber),
                iban: nonEmpty(creditor.iban).map(groupedIBAN),
                bic: nonEmpty(creditor.bic),
                phone: nonEmpty(creditor.phone),
                email: creditor.email?.value,
                signature: creditor.signature,
                rcs: nonEmpty(creditor.rcs),
                legalMention: LegalMention.line(form: nonEmpty(creditor.legalForm), capital: creditor.shareCapital,
                                                rcs: nonEmpty(creditor.rcs), language: language)
            ),
            customer: ReminderContext.Customer(id: customerID, name: customerName),
            invoices: rows,
            credits: demand.credits.map(credit),
            totals: ReminderContext.Totals(
                open: joined(openByCurrency, language: language),
                currency: openByCurrency.map(\.currency.code).joined(separator: ", "),
                invoiceCount: String(rows.count),
                severalInvoices: rows.count > 1,
                beforeCredits: joined(demand.open, language: language),
                credited: joined(demand.credited, language: language),
                hasCredits: demand.hasCredits,
                severalCredits: Set(demand.credits.map(\.credit)).count > 1
            ),
            paymentReference: paymentReference,
            priorActions: priorActions.sorted { $0.date < $1.date }.map {
                ReminderContext.PriorAction(date: CivilDateText.long($0.date, language: language), description: $0.description)
            },
            statutory: statutory.map { amounts in
                ReminderContext.Statutory(
                    interest: joined(sumByCurrency(amounts.interest), language: language),
                    indemnity: AmountFormat(language).string(amounts.indemnity),
                    total: joined(sumByCurrency(demand.net + amounts.interest + [amounts.indemnity]), language: language)
                )
            },
            today: CivilDateText.long(today, language: language),
            // The amount the calculator charges per late invoice, so that a letter's sentence and its sums agree.
            recoveryIndemnity: AmountFormat(language).inSentence(LatePaymentTerms.french.recoveryIndemnity)
        )
        context.brokenPromise = brokenPromise.map {
            ReminderContext.BrokenPromise(date: CivilDateText.long($0.promisedFor, language: language),
                                          amount: $0.amount.map(AmountFormat(language).string))
        }
        return context
    }

    /// One amount per currency, in currency-code order; amounts of different currencies are never added.
    static func sumByCurrency(_ amounts: [Money]) -> [Money] { Demand.sumByCurrency(amounts) }

    static func joined(_ amounts: [Money], language: Language) -> String {
        amounts.isEmpty ? AmountFormat(language).string(Money.zero(.euro))
            : amounts.map { AmountFormat(language).string($0) }.joined(separator: " + ")
    }

    /// `1 jour`, `2 jours`; `1 day`, `2 days` (French uses the singular for 0 and 1).
    static func dayCount(_ days: Int, language: Language) -> String {
        switch language {
        case .french: days <= 1 ? "\(days) jour" : "\(days) jours"
        case .english: days == 1 ? "1 day" : "\(days) days"
        }
    }

    static func nonEmpty(_ text: String?) -> String? {
        guard let trimmed = text?.trimmingSpaces(), !trimmed.isEmpty else { return nil }
        return trimmed
    }

    /// `FR76 3000 6000 0112 3456 7890 189`: the grouping printed on every French RIB.
    static func groupedIBAN(_ iban: String) -> String {
        // An IBAN is ASCII: grouped from its bytes, without walking Characters and their
        // white-space property (a visible part of building every reminder's context, issue #17).
        guard iban.isASCII else { return groupedIBANByCharacter(iban) }
        var grouped: [UInt8] = []
        grouped.reserveCapacity(iban.utf8.count + iban.utf8.count / 4)
        var inGroup = 0
        // ASCII's white space: tab to carriage return, and the space.
        for byte in iban.utf8 where !(byte == 0x20 || (0x09...0x0D).contains(byte)) {
            if inGroup == 4 {
                grouped.append(0x20)
                inGroup = 0
            }
            grouped.append((0x61...0x7A).contains(byte) ? byte - 0x20 : byte)
            inGroup += 1
        }
        return String(decoding: grouped, as: UTF8.self)
    }

    /// `groupedIBAN` for any text: upper-cased, white space removed, then groups of four characters.
    static func groupedIBANByCharacter(_ iban: String) -> String {
        let compact = iban.uppercased().filter { !$0.isWhitespace }
        var groups: [String] = []
        var index = compact.startIndex
        while index < compact.endIndex {
            let end = compact.index(index, offsetBy: 4, limitedBy: compact.endIndex) ?? compact.endIndex
            groups.append(String(compact[index..<end]))
            index = end
        }
        return groups.joined(separator: " ")
    }
}
