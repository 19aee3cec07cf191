import CurlMail
@testable import RelanceDaemon
import RelanceCore
import Testing

/// Whose problem each refusal is: only the five RFC 3463 "address is wrong" codes, in a
/// permanent reply, count against the customer. (Pure; lives here because it needs CurlMail.)
@Suite struct RecipientVerdictTests {
    static func reply(_ line: String) -> SMTPReply {
        var parser = SMTPReplyParser()
        return parser.consume(line)!
    }

    @Test(arguments: [
        ("250 2.1.5 Ok", RecipientReply.Verdict.accepted),
        ("550 5.1.1 <x@y>: Recipient address rejected: User unknown", .wrongAddress),
        ("550 5.1.2 Host unknown", .wrongAddress),
        ("553 5.1.3 Bad recipient address syntax", .wrongAddress),
        ("551 5.1.6 Mailbox has moved", .wrongAddress),
        ("550 5.2.1 Mailbox disabled", .wrongAddress),
        ("450 4.1.1 Recipient temporarily unverifiable", .temporary),
        ("450 4.2.0 Mailbox temporarily unavailable", .temporary),
        ("552 5.2.2 Mailbox full", .temporary),
        ("552 Mailbox full", .temporary),
        ("550 5.7.1 Relaying denied", .ourProblem),
        ("454 4.7.1 Relay access denied", .ourProblem),
        ("550 No such user here", .refused),
        ("554 5.0.0 Service unavailable", .refused),
        ("550 5.1.10 Null MX", .refused),
    ])
    func eachReplyGetsItsVerdict(line: String, verdict: RecipientReply.Verdict) {
        #expect(RecipientVerdicts.verdict(for: Self.reply(line)) == verdict)
    }

    static func replies(_ verdicts: RecipientReply.Verdict...) -> [RecipientReply] {
        verdicts.enumerated().map { RecipientReply(address: "a\($0.offset)@x.example", reply: "5xx", verdict: $0.element) }
    }

    @Test func whenNobodyAcceptedOnlyAddressRefusalsFailTheMessage() {
        #expect(RecipientVerdicts.outcomeWhenNobodyAccepted(Self.replies(.wrongAddress, .refused), reason: .reported("r"))
            == .recipientsRefused(reason: .reported("r"), recipients: Self.replies(.wrongAddress, .refused)))
        guard case .senderProblem = RecipientVerdicts.outcomeWhenNobodyAccepted(Self.replies(.refused, .refused), reason: .reported("r")) else {
            Issue.record("every recipient refused for no address reason must pause the outbox")
            return
        }
        guard case .senderProblem = RecipientVerdicts.outcomeWhenNobodyAccepted(Self.replies(.wrongAddress, .ourProblem), reason: .reported("r")) else {
            Issue.record("a policy refusal must pause the outbox")
            return
        }
        guard case .temporaryFailure = RecipientVerdicts.outcomeWhenNobodyAccepted(Self.replies(.wrongAddress, .temporary), reason: .reported("r")) else {
            Issue.record("a temporary refusal must make the message wait")
            return
        }
    }

    @Test func theArchiveAddressIsNotACustomerRecipient() {
        let results = [SMTPRecipientResult(recipient: "c@x.example", reply: Self.reply("250 2.1.5 Ok")),
                       SMTPRecipientResult(recipient: "Archive@Acme.example", reply: Self.reply("250 2.1.5 Ok"))]
        #expect(RecipientVerdicts.replies(results, excluding: "archive@acme.example").map(\.address) == ["c@x.example"])
    }
}
