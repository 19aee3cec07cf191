import RelanceCore
import RelanceDaemon
import Testing

/// The one reading of a typed outcome, shared by `relance tasks done` and the console's form.
@Suite("Outcome input")
struct OutcomeInputTests {
    @Test("a promise reads French and ISO dates and French amounts; blank fields are absent")
    func promise() throws {
        let french = try OutcomeInput(outcome: "promised", date: "15/01/2027", amount: "1 092,50", note: "  ").parsed()
        #expect(french == .promisedToPay(on: CivilDate(iso8601: "2027-01-15")!, amount: Money(minorUnits: 109_250, currency: .euro)))
        let form = try OutcomeInput(outcome: "promised", date: "2027-01-15", amount: "").parsed()
        #expect(form == .promisedToPay(on: CivilDate(iso8601: "2027-01-15")!, amount: nil))
    }

    @Test("each mistake names its field and what it held", arguments: [
        (OutcomeInput(outcome: "promised"), OutcomeInputError.Problem.missing, "date", nil as String?),
        (OutcomeInput(outcome: "promised", date: "31/02/2027"), .unreadableDate, "date", "31/02/2027"),
        (OutcomeInput(outcome: "promised", date: "15/01/2027", amount: "beaucoup"), .unreadableAmount, "amount", "beaucoup"),
        (OutcomeInput(outcome: "new-address", email: "not an address"), .notAnEmail, "email", "not an address"),
        (OutcomeInput(outcome: "letter-posted", date: "2026-12-07", acknowledged: "soon"), .unreadableDate, "acknowledged", "soon"),
        (OutcomeInput(outcome: "promise"), .unknownOutcome, "outcome", "promise"),
    ])
    func mistakes(input: OutcomeInput, problem: OutcomeInputError.Problem, field: String, value: String?) {
        #expect(throws: OutcomeInputError(problem, field: field, value: value, outcome: input.outcome)) { try input.parsed() }
    }

    @Test("the CLI's wording names the option")
    func cliWording() {
        let error = OutcomeInputError(.unreadableDate, field: "date", value: "31/02/2027", outcome: "promised")
        #expect(error.description == "--date 31/02/2027: expected a date as DD/MM/YYYY or YYYY-MM-DD")
    }

    @Test("invoices typed in one field split on commas and semicolons; a note is the dispute's reason or the payment's means")
    func otherOutcomes() throws {
        #expect(try OutcomeInput(outcome: "dispute", invoices: ["FA-1, FA 2;"], note: "prix").parsed() == .dispute(invoices: ["FA-1", "FA 2"], reason: "prix"))
        #expect(try OutcomeInput(outcome: "dispute-resolved", invoices: ["FA-1"], note: "avoir").parsed()
            == .disputeResolved(invoices: ["FA-1"], note: "avoir"))
        #expect(try OutcomeInput(outcome: "dispute-resolved").parsed() == .disputeResolved(invoices: [], note: nil))
        #expect(try OutcomeInput(outcome: "paid", note: "virement").parsed() == .paid(on: nil, means: "virement"))
        #expect(try OutcomeInput(outcome: "letter-posted", date: "07/12/2026", tracking: "1A234").parsed()
            == .letterPosted(on: CivilDate(iso8601: "2026-12-07")!, trackingNumber: "1A234", acknowledgedOn: nil))
        #expect(try OutcomeInput(outcome: "new-address", email: "ap@client.example").parsed() == .newAddress(EmailAddress("ap@client.example")!))
    }
}
