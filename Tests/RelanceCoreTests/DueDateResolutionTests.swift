import Testing
import RelanceCore

@Suite struct DueDateResolutionTests {
    static func date(_ iso: String) -> CivilDate { CivilDate(iso8601: iso)! }

    @Test func theStatedDateWinsWhenAlone() {
        let resolution = DueDateResolution(issued: Self.date("2026-09-01"), explicit: [.init(source: "BT-9", date: Self.date("2026-09-20"))],
                                           customerTerms: nil, defaultTerms: PaymentTermsRule(days: 30))
        #expect(resolution.due == Self.date("2026-09-20"))
        #expect(resolution.source == "BT-9")
        #expect(resolution.disagreement.isEmpty)
    }

    /// Issue #11: the invoice's own due date is the legal one; later terms must not erase days
    /// of interest. The disagreement is kept for the event and the plan.
    @Test func theStatedDateWinsOverLaterTerms() {
        let resolution = DueDateResolution(issued: Self.date("2026-09-01"), explicit: [.init(source: "BT-9", date: Self.date("2026-09-20"))],
                                           customerTerms: PaymentTermsRule(days: 45), defaultTerms: PaymentTermsRule(days: 30))
        #expect(resolution.due == Self.date("2026-09-20"))
        #expect(resolution.source == "BT-9")
        #expect(resolution.disagreement.map(\.date) == [Self.date("2026-09-20"), Self.date("2026-10-16")])
    }

    @Test func termsFillOnlyAMissingDueDate() {
        let resolution = DueDateResolution(issued: Self.date("2026-09-01"), explicit: [],
                                           customerTerms: PaymentTermsRule(days: 45), defaultTerms: PaymentTermsRule(days: 30))
        #expect(resolution.due == Self.date("2026-10-16"))
        #expect(resolution.source?.hasPrefix("customer terms") == true)
        #expect(resolution.disagreement.isEmpty)
    }

    @Test func aCreditNoteGetsNoDueDateFromTerms() {
        let resolution = DueDateResolution(issued: Self.date("2026-09-01"), explicit: [],
                                           customerTerms: PaymentTermsRule(days: 45), defaultTerms: PaymentTermsRule(days: 30), isCredit: true)
        #expect(resolution.due == nil)
        #expect(resolution.disagreement.isEmpty)
    }

    @Test func theDefaultOnlyWhenNothingElseSpeaks() {
        let issued = Self.date("2026-01-31")
        let resolution = DueDateResolution(issued: issued, explicit: [], customerTerms: nil, defaultTerms: PaymentTermsRule(days: 30))
        #expect(resolution.due == Self.date("2026-03-02"))
        #expect(DueDateResolution(issued: nil, explicit: [], customerTerms: nil, defaultTerms: PaymentTermsRule(days: 30)).due == nil)
    }

    @Test(arguments: [
        ("2026-01-15", "2026-03-16", false),  // 60 days exactly
        ("2026-01-15", "2026-03-31", false),  // 75 days, but 45 days end of month: 1 March → 31 March
        ("2026-01-15", "2026-04-01", true),   // past both
        ("2026-01-20", "2026-03-31", false),  // 70 days, but 45 days end of month: 6 March → 31 March
        ("2026-01-20", "2026-04-01", true),   // past both
        ("2026-02-20", "2026-04-30", false),  // 45 days end of month: 6 April → 30 April
    ])
    func legalCaps(issued: String, due: String, beyond: Bool) {
        #expect(PaymentTermsRule.isBeyondLegalCap(due: Self.date(due), issued: Self.date(issued)) == beyond)
    }

    @Test func termsRoundTripThroughTheirStoredForm() {
        for terms in [PaymentTermsRule(days: 30), PaymentTermsRule(days: 45, endOfMonth: true), PaymentTermsRule(days: 0)] {
            #expect(PaymentTermsRule(stored: terms.stored) == terms)
        }
        #expect(PaymentTermsRule(stored: "thirty") == nil)
    }

    @Test func identifiersShareTheirSIREN() {
        #expect(BusinessIdentifier("552 100 554")?.siren == "552100554")
        #expect(BusinessIdentifier("552 100 554 00013")?.siren == "552100554")
        #expect(BusinessIdentifier("fr40 552100554")?.siren == "552100554")
        #expect(BusinessIdentifier("DE123456789")?.siren == nil)
        #expect(BusinessIdentifier(" . ") == nil)
    }
}
