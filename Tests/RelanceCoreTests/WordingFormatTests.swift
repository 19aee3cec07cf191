import Testing
import RelanceCore

/// One table per formatter: what a person reads, to the character.
@Suite struct WordingFormatTests {
    static let usd = Currency(code: "USD")!
    static let jpy = Currency(code: "JPY")!

    @Test(arguments: [
        (237_680, "EUR", Language.french, "2\u{202F}376,80\u{00A0}€"),
        (5, "EUR", .french, "0,05\u{00A0}€"),
        (-4_000, "EUR", .french, "\u{2212}40,00\u{00A0}€"),
        (123_456_789_01, "EUR", .french, "123\u{202F}456\u{202F}789,01\u{00A0}€"),
        (100_000, "USD", .french, "1\u{202F}000,00\u{00A0}USD"),
        (1_000, "JPY", .french, "1\u{202F}000\u{00A0}JPY"),
        (237_680, "EUR", .english, "€2,376.80"),
        (-4_000, "EUR", .english, "\u{2212}€40.00"),
        (100_000, "USD", .english, "$1,000.00"),
        (99, "GBP", .english, "£0.99"),
    ] as [(Int64, String, Language, String)])
    func amounts(minor: Int64, code: String, language: Language, expected: String) {
        let money = Money(minorUnits: minor, currency: Currency(code: code)!)
        #expect(AmountFormat(language).string(money) == expected)
        #expect(language.wording.amount(money) == expected)
    }

    /// One sign per reader: a person reads the minus sign U+2212, as the digest and the
    /// templates write it; what a program reads back keeps the hyphen-minus.
    @Test func peopleReadTheMinusSignProgramsTheHyphen() {
        let credit = Money(minorUnits: -120_000, currency: .euro)
        #expect(AmountFormat(.french).string(credit) == "\u{2212}1\u{202F}200,00\u{00A0}€")
        #expect(FrenchWording().amount(credit) == "\u{2212}1\u{202F}200,00\u{00A0}€")
        #expect(EnglishWording().amount(credit) == "\u{2212}€1,200.00")
        #expect(AmountFormat(.french).inSentence(Money(minorUnits: -4_000, currency: .euro)) == "\u{2212}40\u{00A0}€")
        #expect(AmountFormat(.english).total([credit, Money(minorUnits: -50, currency: Self.usd)]) == "\u{2212}€1,200.00 + \u{2212}$0.50")
        // Machine-read: the formatter's own form, CSV numbers, the decimal string.
        #expect(credit.formatted(locale: .french) == "-1\u{202F}200,00\u{00A0}€")
        #expect(credit.formatted(locale: .english) == "-€1,200.00")
        #expect(AmountFormat(.french).spreadsheetNumber(credit) == "-1200,00")
        #expect(SpreadsheetFormat(.standard).number(credit) == "-1200.00")
        #expect(credit.decimalString == "-1200.00")
    }

    @Test func totalsNeverAddCurrencies() {
        let format = AmountFormat(.french)
        let amounts = [Money(minorUnits: 100_000, currency: .euro), Money(minorUnits: 50, currency: Self.usd),
                       Money(minorUnits: 20_000, currency: .euro)]
        #expect(format.total(amounts) == "1\u{202F}200,00\u{00A0}€ + 0,50\u{00A0}USD")
        #expect(format.total([]) == "0,00\u{00A0}€")
        #expect(format.spreadsheetNumber(Money(minorUnits: 237_680, currency: .euro)) == "2376,80")
        #expect(AmountFormat(.english).spreadsheetNumber(Money(minorUnits: -237_680, currency: .euro)) == "-2376.80")
    }

    @Test(arguments: [
        ("2026-12-07", Language.french, "07/12/2026", "7\u{00A0}décembre\u{00A0}2026", "07/12", "lundi"),
        ("2026-11-01", .french, "01/11/2026", "1er\u{00A0}novembre\u{00A0}2026", "01/11", "dimanche"),
        ("2027-02-28", .french, "28/02/2027", "28\u{00A0}février\u{00A0}2027", "28/02", "dimanche"),
        ("2026-12-07", .english, "7 Dec 2026", "7 December 2026", "7 Dec", "Monday"),
        ("2027-05-14", .english, "14 May 2027", "14 May 2027", "14 May", "Friday"),
    ] as [(String, Language, String, String, String, String)])
    func dates(iso: String, language: Language, short: String, long: String, dayMonth: String, weekday: String) {
        let date = CivilDate(iso8601: iso)!
        let format = CivilDateFormat(language)
        #expect(format.short(date) == short)
        #expect(format.long(date) == long)
        #expect(format.dayAndMonth(date) == dayMonth)
        #expect(format.weekday(date) == weekday)
        #expect(language.wording.date(date) == short)
    }

    @Test(arguments: [
        ("courtesy-reminder", "rappel de courtoisie", "courtesy reminder"),
        ("first-reminder", "première relance", "first reminder"),
        ("second-reminder", "deuxième relance", "second reminder"),
        ("phone-call", "relance téléphonique", "phone call"),
        ("final-reminder", "dernière relance", "final reminder"),
        ("formal-letter", "lettre de relance", "reminder letter"),
        ("registered-letter", "lettre recommandée", "registered letter"),
        ("formal-notice", "mise en demeure", "formal notice"),
        ("legal-action", "action en justice", "legal action"),
        ("hand-off", "transmission au recouvrement", "hand-off to collection"),
        ("gentle-nudge", "gentle nudge", "gentle nudge"),
    ])
    func stepNames(step: String, french: String, english: String) {
        #expect(FrenchWording().stepName(step) == french)
        #expect(EnglishWording().stepName(step) == english)
    }

    @Test func everyBuiltInStepHasAName() {
        for policy in Policy.builtIn {
            for step in policy.steps {
                #expect(!FrenchWording().stepName(step.name).contains("-"), "\(step.name)")
                #expect(!EnglishWording().stepName(step.name).contains("-") || step.name == "hand-off", "\(step.name)")
            }
        }
    }

    @Test(arguments: [
        (94, "94 jours de retard", "94 days late"),
        (1, "1 jour de retard", "1 day late"),
        (0, "pas encore échue", "not yet due"),
        (-3, "pas encore échue", "not yet due"),
    ])
    func daysLate(days: Int, french: String, english: String) {
        #expect(FrenchWording().daysLate(days) == french)
        #expect(EnglishWording().daysLate(days) == english)
    }

    @Test func noRawValueReachesAPerson() {
        for language in Language.allCases {
            let words = language.wording
            for kind in WorkTask.Kind.allCases {
                #expect(words.taskKind(kind) != kind.rawValue && !words.taskKind(kind).contains("-") || kind == .handOff && language == .english)
            }
            for bucket in AgingBucket.allCases { #expect(words.bucket(bucket) != bucket.rawValue) }
            for channel in PolicyStep.Channel.allCases { #expect(!words.channelPhrase(channel).contains("-")) }
            for key in TaskDetails.order {
                #expect(!words.detailLabel(key).contains("_") && words.detailLabel(key) != key, "\(key)")
            }
        }
    }

    /// Every stored detail key has a label of its own in French: none falls back to its English
    /// key made readable ("Announced" on a French check-payment task).
    @Test func everyDetailKeyHasAFrenchLabel() {
        for key in TaskDetails.order {
            let fallback = key.replacingOccurrences(of: "_", with: " ").prefix(1).uppercased()
                + key.replacingOccurrences(of: "_", with: " ").dropFirst()
            #expect(FrenchWording().detailLabel(key) != fallback || key == "note" || key == "document", "\(key)")
        }
    }

    @Test func outcomesAndHints() {
        let day = CivilDate(iso8601: "2027-01-15")!
        #expect(FrenchWording().outcome(.promisedToPay(on: day)) == "promesse de paiement pour le 15/01/2027")
        #expect(EnglishWording().outcome(.promisedToPay(on: day)) == "promised to pay on 15 Jan 2027")
        #expect(FrenchWording().outcome(.letterSent(trackingNumber: "1A2B")) == "lettre envoyée, n° de suivi 1A2B")
        // Recalled as a prior action, inside the step's parentheses: no parentheses in parentheses
        // (it read « lettre de relance (lettre envoyée (n° de suivi 1A2B)) »).
        let posted = PriorAction(on: CivilDate(iso8601: "2026-12-01")!, step: "formal-letter", channel: .letter, invoices: ["F-1"],
                                 detail: TaskOutcome.letterSent(trackingNumber: "1A2B").summary)
        #expect(FrenchWording().priorAction(posted) == "01/12/2026 : lettre de relance (lettre envoyée, n° de suivi 1A2B)")
        #expect(EnglishWording().priorAction(posted) == "1 Dec 2026: reminder letter (letter sent, tracking number 1A2B)")
        #expect(FrenchWording().detailValue("hints", "promise:2026-12-15, paid") == "promet de payer le 15/12/2026, dit avoir payé")
        #expect(FrenchWording().detailValue("amount_due", "2469.12 EUR") == "2\u{202F}469,12\u{00A0}€")
        #expect(EnglishWording().detailValue("amount_due", "2469.12 EUR, 3.00 USD") == "€2,469.12 + $3.00")
        // Codes stored by the import (identify-customer tasks) and the inbound reader (a complaint):
        // worded, never shown raw ("Motif : no-contact"); a reason in words passes through.
        #expect(FrenchWording().detailValue("reason", "no-contact") == "ni adresse de courriel ni téléphone dans les contacts")
        #expect(FrenchWording().detailValue("reason", "unresolved") == "l'acheteur ne correspond à aucun client connu")
        #expect(FrenchWording().detailValue("reason", "complaint") == "le client a signalé une relance comme spam")
        #expect(EnglishWording().detailValue("reason", "no-contact") == "neither an email address nor a phone number in the contacts")
        #expect(EnglishWording().detailValue("reason", "unresolved") == "the buyer matches no known customer")
        #expect(EnglishWording().detailValue("reason", "complaint") == "the customer reported a reminder as spam")
        #expect(FrenchWording().detailValue("reason", "adresse inconnue du serveur") == "adresse inconnue du serveur")
        let prior = PriorAction(on: CivilDate(iso8601: "2026-12-07")!, step: "phone-call", channel: .phone, invoices: ["F-1"],
                                detail: TaskOutcome.noAnswer.summary)
        #expect(FrenchWording().priorAction(prior) == "07/12/2026 : relance téléphonique (pas de réponse)")
        #expect(EnglishWording().priorAction(prior) == "7 Dec 2026: phone call (no answer)")
    }

    @Test(arguments: [
        (SpreadsheetFormat.Flavor.excelFrench, "Client; SARL", "\"Client; SARL\""),
        (.excelFrench, "Dupont, fils", "Dupont, fils"),
        (.standard, "Dupont, fils", "\"Dupont, fils\""),
        (.excelFrench, "=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""),
        (.excelFrench, "-12,50", "-12,50"),
        (.standard, "-12.50", "-12.50"),
        (.standard, "@SUM(A1)", "'@SUM(A1)"),
    ])
    func spreadsheetCells(flavor: SpreadsheetFormat.Flavor, value: String, expected: String) {
        #expect(SpreadsheetFormat(flavor).cell(value) == expected)
    }

    @Test func frenchExcelDocumentsHaveABOMSemicolonsAndCommas() {
        let french = SpreadsheetFormat.default(for: .french)
        #expect(french.flavor == .excelFrench)
        #expect(french.number(Money(minorUnits: 237_680, currency: .euro)) == "2376,80")
        #expect(french.document([["Client", "Reste dû"], ["Société Générale", "2376,80"]])
                == "\u{FEFF}Client;Reste dû\r\nSociété Générale;2376,80\r\n")
        let english = SpreadsheetFormat.default(for: .english)
        #expect(english.document([["a", "b"]]) == "a,b\r\n")
        #expect(english.number(Money(minorUnits: 237_680, currency: .euro)) == "2376.80")
    }
}
