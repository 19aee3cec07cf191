import Testing
import CCurl
@testable import CurlMail

@Suite("SMTP exchange read back from the transcript")
struct SMTPExchangeTests {
    private static func transcript(_ lines: [String]) -> [ProtocolLine] {
        lines.map { line in
            ProtocolLine(direction: line.hasPrefix("C: ") ? .client : .server, text: String(line.dropFirst(3)))
        }
    }

    static let mixedRecipients = transcript([
        "S: 220 mail.relance.test ESMTP Postfix",
        "C: EHLO relance.test",
        "S: 250-mail.relance.test",
        "S: 250 ENHANCEDSTATUSCODES",
        "C: MAIL FROM:<billing@relance.test> SIZE=120",
        "S: 250 2.1.0 Ok",
        "C: RCPT TO:<t05@relance.test>",
        "S: 250 2.1.5 Ok",
        "C: RCPT TO:<nobody@relance.test>",
        "S: 550 5.1.1 <nobody@relance.test>: Recipient address rejected: User unknown in virtual mailbox table",
        "C: RCPT TO:<tempfail@relance.test>",
        "S: 450 4.2.0 <tempfail@relance.test>: Recipient address rejected: try later",
        "C: DATA",
        "S: 354 End data with <CR><LF>.<CR><LF>",
        "S: 250 2.0.0 Ok: queued as 4dXyZ",
    ])

    @Test("each recipient gets the reply that followed its RCPT TO")
    func recipients() throws {
        let exchange = SMTPExchange(transcript: Self.mixedRecipients)
        #expect(exchange.recipients.map(\.recipient) == ["t05@relance.test", "nobody@relance.test", "tempfail@relance.test"])
        #expect(exchange.recipients.map(\.reply.code) == [250, 550, 450])
        #expect(exchange.recipients.map { $0.reply.enhancedStatus?.description } == ["2.1.5", "5.1.1", "4.2.0"])
        #expect(exchange.recipients.map(\.isAccepted) == [true, false, false])
        #expect(exchange.mailFromReply?.code == 250)
        #expect(exchange.dataReply?.description == "250 2.0.0 Ok: queued as 4dXyZ")
        #expect(exchange.lastReply == exchange.dataReply)
    }

    @Test("a reused connection starts directly with MAIL FROM, and the end-of-data dot belongs to DATA")
    func reusedConnection() {
        let exchange = SMTPExchange(transcript: Self.transcript([
            "C: MAIL FROM:<billing@relance.test>",
            "S: 250 2.1.0 Ok",
            "C: RCPT TO:<t05@relance.test>",
            "S: 250 2.1.5 Ok",
            "C: DATA",
            "S: 354 End data",
            "C: .",
            "S: 554 5.7.1 Message rejected: spam",
        ]))
        #expect(exchange.recipients.count == 1)
        #expect(exchange.dataReply?.code == 554)
        #expect(exchange.dataReply?.enhancedStatus?.description == "5.7.1")
    }

    @Test("a failure with every recipient refused names the permanent refusal and is not temporary")
    func allRefusedError() {
        let exchange = SMTPExchange(transcript: Self.transcript([
            "C: MAIL FROM:<billing@relance.test>", "S: 250 2.1.0 Ok",
            "C: RCPT TO:<tempfail@relance.test>", "S: 450 4.2.0 try later",
            "C: RCPT TO:<policy@relance.test>", "S: 550 5.7.1 refused by policy",
        ]))
        let error = SMTPError(curl: CurlFailure(code: CURLE_SEND_ERROR, errorBuffer: "RCPT failed: 550"), exchange: exchange, transcript: [])
        #expect(error.code == .allRecipientsRefused)
        #expect(error.serverReply?.enhancedStatus?.description == "5.7.1")
        #expect(error.recipients.count == 2)
        #expect(!error.isTemporary)
        #expect(error.curlMessage == "RCPT failed: 550")
    }

    @Test("a failure with every recipient refused temporarily is temporary")
    func allTemporarilyRefused() {
        let exchange = SMTPExchange(transcript: Self.transcript([
            "C: MAIL FROM:<billing@relance.test>", "S: 250 2.1.0 Ok",
            "C: RCPT TO:<tempfail@relance.test>", "S: 450 4.2.0 try later",
        ]))
        let error = SMTPError(curl: CurlFailure(code: CURLE_SEND_ERROR, errorBuffer: ""), exchange: exchange, transcript: [])
        #expect(error.code == .allRecipientsRefused)
        #expect(error.isTemporary)
        #expect(error.curlMessage?.isEmpty == false)  // falls back to curl_easy_strerror
    }

    @Test("a refused sender, a refused message, a lost connection after 421")
    func otherFailures() {
        let sender = SMTPExchange(transcript: Self.transcript(["C: MAIL FROM:<x@relance.test>", "S: 553 5.7.1 Sender not owned"]))
        #expect(SMTPError(curl: CurlFailure(code: CURLE_SEND_ERROR, errorBuffer: ""), exchange: sender, transcript: []).code == .senderRefused)

        let data = SMTPExchange(transcript: Self.transcript([
            "C: RCPT TO:<a@relance.test>", "S: 250 Ok", "C: DATA", "S: 354 go", "S: 452 4.3.1 Insufficient system storage",
        ]))
        let dataError = SMTPError(curl: CurlFailure(code: CURLE_WEIRD_SERVER_REPLY, errorBuffer: ""), exchange: data, transcript: [])
        #expect(dataError.code == .temporaryFailure && dataError.isTemporary)

        let closing = SMTPExchange(transcript: Self.transcript(["S: 421 4.3.2 Service shutting down"]))
        #expect(SMTPError(curl: CurlFailure(code: CURLE_RECV_ERROR, errorBuffer: ""), exchange: closing, transcript: []).code == .temporaryFailure)

        let empty = SMTPExchange(transcript: [])
        #expect(SMTPError(curl: CurlFailure(code: CURLE_PEER_FAILED_VERIFICATION, errorBuffer: ""), exchange: empty, transcript: []).code == .certificateUntrusted)
        #expect(SMTPError(curl: CurlFailure(code: CURLE_LOGIN_DENIED, errorBuffer: ""), exchange: empty, transcript: []).code == .authenticationFailed)
        #expect(SMTPError(curl: CurlFailure(code: CURLE_COULDNT_CONNECT, errorBuffer: ""), exchange: empty, transcript: []).code == .connectFailed)
    }

    @Test("the error description says what is wrong and what to do")
    func errorDescription() {
        let error = SMTPError(code: .invalidEnvelopeAddress, detail: "recipient \"a\\r\\n@b\": the address contains a line break")
        #expect(error.description.contains("line break"))
        #expect(error.description.contains("Correct the address"))
    }
}
