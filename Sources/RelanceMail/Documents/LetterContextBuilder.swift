import Foundation
public import RelanceCore

/// Builds the `ReminderContext` of a printed document (letter, registered letter, formal
/// notice) from a planned task: the email context of the demanded invoices, plus the
/// recipient's postal address and the `letter` group. Pure: `today` is an argument.
public enum LetterContextBuilder {
    public static func build(task: PlannedTask, language: Language, today: CivilDate, creditor: CreditorProfile) -> ReminderContext {
        let demand = task.demand
        var context = ReminderContextBuilder.build(
            language: language, today: today, creditor: creditor, customerID: task.customer.externalID,
            customerName: task.customer.name ?? task.customer.externalID, demand: demand,
            paymentReference: creditor.paymentReference.reference(customer: task.customer.externalID, invoices: task.invoices.map(\.receivable.number)),
            priorActions: task.priorActions.map { PriorAction(date: $0.on, description: PriorActionText.describe($0, language: language)) })
        // La Poste's layout (NF Z10-011): the postcode and the town on one line, in capitals.
        context.customer.addressLines = PostalAddress.letterLines(task.postalAddress)
        context.creditor.addressLines = PostalAddress.letterLines(creditor.addressLines)

        let lines = Dictionary(task.breakdown?.lines.map { ($0.invoice, $0) } ?? [], uniquingKeysWith: { first, _ in first })
        let demanded = ordered(task.invoices).map { invoice(of: $0, line: lines[$0.receivable.number], language: language, today: today) }
        let others = ordered(task.alsoOutstanding).map { invoice(of: $0, line: nil, language: language, today: today) }
        let principal = task.breakdown?.principal ?? ReminderContextBuilder.sumByCurrency(task.invoices.map(\.claimed))
        let interest = task.breakdown?.interest ?? []
        let indemnities = task.breakdown?.indemnities ?? []
        let total = task.breakdown?.total ?? principal
        let format = { (amounts: [Money]) in ReminderContextBuilder.joined(amounts, language: language) }
        if task.breakdown != nil {
            context.statutory = ReminderContext.Statutory(interest: format(interest), indemnity: format(indemnities), total: format(total))
        }
        context.letter = ReminderContext.Letter(
            demanded: demanded, alsoOutstanding: others,
            credits: demand.credits.map {
                ReminderContext.Letter.Credit(credit: $0.credit, invoice: $0.invoice, amount: AmountFormat(language).string($0.amount),
                                              date: $0.creditIssued.map { CivilDateText.short($0, language: language) },
                                              longDate: $0.creditIssued.map { CivilDateText.long($0, language: language) })
            },
            principal: format(principal), interest: format(interest), indemnities: format(indemnities), total: format(total),
            rates: rates(task.breakdown, language: language),
            missingRates: task.breakdown.flatMap { $0.isComplete ? nil : periods($0.missingRates.map(\.semester), language: language) },
            deadline: task.paymentDeadline.map { CivilDateText.long($0, language: language) },
            deadlineDays: task.paymentDeadline.map { String(today.days(until: $0)) },
            deadlineIn: task.paymentDeadline.map { ReminderContextBuilder.dayCount(today.days(until: $0), language: language) },
            procedure: task.proposedProcedure.map { procedureName($0, language: language) },
            place: place(from: creditor.addressLines))
        context.letter?.disputed = task.disputed.sorted { ($0.due?.daysSinceEpoch ?? .min, $0.number) < ($1.due?.daysSinceEpoch ?? .min, $1.number) }
            .map { invoice(of: PlannedInvoice(receivable: $0, step: "disputed", daysLate: 0), line: nil, language: language, today: today) }
        // The SEPA payment QR code for the whole amount asked (EPC069-12), when it is one amount in euros.
        context.letter?.paymentQR = PaymentQR.dataURI(
            creditor: creditor, total: total, customer: task.customer.externalID,
            invoices: ordered(task.invoices).map(\.receivable.number), language: language)
        return context
    }

    /// Oldest due date first, as a statement of account lists them; the number breaks ties.
    private static func ordered(_ invoices: [PlannedInvoice]) -> [PlannedInvoice] {
        let undated = CivilDate(year: 1, month: 1, day: 1)!
        return invoices.sorted {
            ($0.receivable.due ?? $0.receivable.issued ?? undated, $0.receivable.number)
                < ($1.receivable.due ?? $1.receivable.issued ?? undated, $1.receivable.number)
        }
    }

    private static func invoice(of planned: PlannedInvoice, line: StatutoryBreakdown.Line?, language: Language,
                                today: CivilDate) -> ReminderContext.Letter.Invoice {
        let receivable = planned.receivable
        let amount = receivable.total ?? receivable.open
        let days = line?.daysLate ?? receivable.due.map { max(0, $0.days(until: today)) } ?? planned.daysLate
        return ReminderContext.Letter.Invoice(
            number: receivable.number,
            issued: receivable.issued.map { CivilDateText.short($0, language: language) },
            due: receivable.due.map { CivilDateText.short($0, language: language) },
            amount: AmountFormat(language).string(amount), open: AmountFormat(language).string(receivable.open),
            claimed: AmountFormat(language).string(planned.claimed), daysLate: String(days),
            lateBy: ReminderContextBuilder.dayCount(days, language: language),
            interest: line?.interest.map(AmountFormat(language).string), indemnity: line.map { AmountFormat(language).string($0.indemnity) },
            isPartlyPaid: amount.currency == receivable.open.currency && amount.minorUnits != receivable.open.minorUnits,
            hasCredit: planned.claimed != receivable.open)
    }

    /// Each distinct rate once, in the order of the late periods.
    static func rates(_ breakdown: StatutoryBreakdown?, language: Language) -> [ReminderContext.Letter.Rate] {
        var seen: Set<String> = []
        var rates: [ReminderContext.Letter.Rate] = []
        let segments = (breakdown?.lines ?? []).flatMap(\.segments).sorted { $0.from < $1.from }
        for segment in segments where seen.insert("\(segment.semester)|\(segment.annualRateBasisPoints)").inserted {
            rates.append(ReminderContext.Letter.Rate(
                semester: semesterName(segment.semester, language: language),
                rate: percent(segment.annualRateBasisPoints, language: language),
                basis: basis(segment, language: language)))
        }
        return rates
    }

    /// `12,15 %` / `12.15%`: basis points printed without floating point.
    static func percent(_ basisPoints: Int, language: Language) -> String {
        let whole = basisPoints / 100
        let fraction = basisPoints % 100
        let digits = fraction < 10 ? "0\(fraction)" : String(fraction)
        return language == .french ? "\(whole),\(digits)\u{00A0}%" : "\(whole).\(digits)%"
    }

    /// The wording's name for a half-year (`2e semestre 2026`), shared with the tasks' details.
    static func semesterName(_ semester: Semester, language: Language) -> String {
        language.wording.semesterName(semester)
    }

    /// `le 2e semestre 2026 et le 1er semestre 2027` / `the second half of 2026 and the first half
    /// of 2027`: semesters as a sentence names them after "pour" / "for" — a customer's letter
    /// does not show the configuration's `2026-S2`. Each semester once (two tables may lack the same one).
    static func periods(_ semesters: [Semester], language: Language) -> String {
        var seen: Set<Semester> = []
        let names = semesters.filter { seen.insert($0).inserted }
            .map { (language == .french ? "le " : "the ") + semesterName($0, language: language) }
        guard let last = names.last, names.count > 1 else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + (language == .french ? " et " : " and ") + last
    }

    /// The calculator explains each rate in English (`LatePaymentTerms`); a letter states
    /// the legal basis in its own language, from the kind of rate applied.
    private static func basis(_ segment: InterestSegment, language: Language) -> String {
        let start = CivilDateText.long(CivilDate(year: segment.semester.year, month: segment.semester.half == 1 ? 1 : 7, day: 1)!,
                                       language: language)
        let french = language == .french
        if segment.rateExplanation.hasPrefix("contractual") {
            return french ? "taux contractuel prévu par nos conditions générales de vente" : "contractual rate stated in our terms of sale"
        }
        if segment.rateExplanation.hasPrefix("3 ×") {
            return french
                ? "trois fois le taux de l'intérêt légal, minimum légal"
                : "three times the French legal interest rate, the legal minimum"
        }
        return french
            ? "taux de refinancement de la Banque centrale européenne en vigueur au \(start), majoré de 10 points"
            : "European Central Bank main refinancing rate in force on \(start), plus 10 percentage points"
    }

    static func procedureName(_ procedure: LegalProcedure, language: Language) -> String {
        switch (procedure, language) {
        case (.smallClaims, .french): "procédure simplifiée de recouvrement des petites créances (art. L. 125-1 du Code des procédures civiles d'exécution), par un commissaire de justice"
        case (.smallClaims, .english): "simplified small-claims recovery procedure (art. L125-1 of the French Code of Civil Enforcement Procedures), through a commissaire de justice"
        case (.orderForPayment, .french): "injonction de payer devant le tribunal de commerce (art. 1405 et suivants du Code de procédure civile)"
        case (.orderForPayment, .english): "order for payment (injonction de payer) before the commercial court (art. 1405 ff. of the French Code of Civil Procedure)"
        }
    }

    /// `69002 Lyon` → `Lyon`; `75008 Paris CEDEX 08` → `Paris`: the town a French letter is dated from.
    static func place(from addressLines: [String]) -> String? {
        guard let last = addressLines.compactMap(ReminderContextBuilder.nonEmpty).last else { return nil }
        var town = Substring(last).drop { $0.isNumber || $0 == " " }
        if let cedex = town.range(of: " CEDEX", options: .caseInsensitive) { town = town[..<cedex.lowerBound] }
        let trimmed = String(town).trimmingSpaces()
        return trimmed.isEmpty ? nil : trimmed
    }
}
