import Testing
import CCurl
@testable import CurlMail

@Suite("IMAP response parser")
struct IMAPResponseParserTests {
    @Test("SEARCH results, including the empty one")
    func search() {
        #expect(IMAPResponseParser.parse(line: "* SEARCH 3 7 12") == .search([3, 7, 12]))
        #expect(IMAPResponseParser.parse(line: "* SEARCH") == .search([]))
        #expect(IMAPResponseParser.parse(line: "* search 4") == .search([4]))
        let responses = IMAPResponseParser.parse(text: "* SEARCH 1 2\r\n* SEARCH 9\r\nA003 OK Search completed\r\n")
        #expect(IMAPResponseParser.searchResults(in: responses) == [1, 2, 9])
    }

    @Test("a SEARCH with a non-numeric extension is not misread as UIDs")
    func searchExtension() {
        #expect(IMAPResponseParser.parse(line: "* SEARCH 2 5 (MODSEQ 917162500)") == .other("* SEARCH 2 5 (MODSEQ 917162500)"))
    }

    @Test("EXISTS, FETCH and conditions with response codes")
    func untagged() {
        #expect(IMAPResponseParser.parse(line: "* 17 EXISTS") == .exists(17))
        #expect(IMAPResponseParser.parse(line: "* 4 FETCH (UID 9 FLAGS ())") == .fetch(sequenceNumber: 4, attributes: "(UID 9 FLAGS ())"))
        #expect(IMAPResponseParser.parse(line: "* OK [UIDVALIDITY 1764370000] UIDs valid")
            == .untaggedCondition(IMAPCondition(status: .ok, code: .uidValidity(1_764_370_000), text: "UIDs valid")))
        #expect(IMAPResponseParser.parse(line: "* OK [UIDNEXT 42] Predicted next UID")
            == .untaggedCondition(IMAPCondition(status: .ok, code: .uidNext(42), text: "Predicted next UID")))
        #expect(IMAPResponseParser.parse(line: "* OK [PERMANENTFLAGS (\\Answered \\Seen \\*)] Flags permitted.")
            == .untaggedCondition(IMAPCondition(status: .ok, code: .other("PERMANENTFLAGS (\\Answered \\Seen \\*)"), text: "Flags permitted.")))
        #expect(IMAPResponseParser.parse(line: "* BYE Logging out") == .untaggedCondition(IMAPCondition(status: .bye, code: nil, text: "Logging out")))
        #expect(IMAPResponseParser.parse(line: "* 2 RECENT") == .other("* 2 RECENT"))
        #expect(IMAPResponseParser.parse(line: "* FLAGS (\\Answered \\Seen)") == .other("* FLAGS (\\Answered \\Seen)"))
    }

    @Test("tagged completions, APPENDUID, TRYCREATE, continuation")
    func tagged() {
        #expect(IMAPResponseParser.parse(line: "A004 OK [APPENDUID 1764370000 9] Append completed.")
            == .tagged(tag: "A004", condition: IMAPCondition(status: .ok, code: .appendUID(uidValidity: 1_764_370_000, uid: 9), text: "Append completed.")))
        #expect(IMAPResponseParser.parse(line: "A005 NO [TRYCREATE] Mailbox doesn't exist: Sent")
            == .tagged(tag: "A005", condition: IMAPCondition(status: .no, code: .tryCreate, text: "Mailbox doesn't exist: Sent")))
        #expect(IMAPResponseParser.parse(line: "A006 BAD Error in IMAP command") == .tagged(tag: "A006", condition: IMAPCondition(status: .bad, code: nil, text: "Error in IMAP command")))
        #expect(IMAPResponseParser.parse(line: "A002 OK [READ-ONLY] Examine completed")
            == .tagged(tag: "A002", condition: IMAPCondition(status: .ok, code: .readOnly, text: "Examine completed")))
        #expect(IMAPResponseParser.parse(line: "+ Ready for literal data") == .continuation("Ready for literal data"))
        #expect(IMAPResponseParser.parse(line: "A007 MAYBE") == .other("A007 MAYBE"))
    }

    @Test("STATUS with a quoted mailbox name")
    func status() {
        let response = IMAPResponseParser.parse(line: "* STATUS \"Envoy&AOk-s \\\"2026\\\"\" (MESSAGES 3 UIDNEXT 8 UIDVALIDITY 1764370000 UNSEEN 1)")
        #expect(response == .status(mailbox: "Envoy&AOk-s \"2026\"", attributes: [
            "MESSAGES": 3, "UIDNEXT": 8, "UIDVALIDITY": 1_764_370_000, "UNSEEN": 1,
        ]))
        #expect(IMAPResponseParser.parse(line: "* STATUS INBOX (MESSAGES 0)") == .status(mailbox: "INBOX", attributes: ["MESSAGES": 0]))
    }
}

@Suite("IMAP mailbox status")
struct IMAPMailboxStatusTests {
    @Test("from the responses of EXAMINE")
    func fromExamine() throws {
        let responses = IMAPResponseParser.parse(text: """
            * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)\r
            * OK [PERMANENTFLAGS ()] Read-only mailbox.\r
            * 5 EXISTS\r
            * 0 RECENT\r
            * OK [UIDVALIDITY 1764370000] UIDs valid\r
            * OK [UIDNEXT 6] Predicted next UID\r
            A003 OK [READ-ONLY] Examine completed (0.001 + 0.000 secs).\r

            """)
        let status = try #require(IMAPMailboxStatus(selectResponses: responses))
        #expect(status == IMAPMailboxStatus(uidValidity: 1_764_370_000, uidNext: 6, messages: 5))
    }

    @Test("missing UIDNEXT gives nil rather than a guess")
    func incomplete() {
        let responses = IMAPResponseParser.parse(text: "* 5 EXISTS\r\n* OK [UIDVALIDITY 3] ok\r\n")
        #expect(IMAPMailboxStatus(selectResponses: responses) == nil)
        #expect(IMAPMailboxStatus(statusResponses: IMAPResponseParser.parse(text: "* STATUS INBOX (MESSAGES 2 UIDNEXT 3)")) == nil)
    }

    @Test("from a STATUS response")
    func fromStatus() throws {
        let responses = IMAPResponseParser.parse(text: "* STATUS INBOX (MESSAGES 2 UIDNEXT 3 UIDVALIDITY 7 UNSEEN 1)\r\nA002 OK done\r\n")
        #expect(IMAPMailboxStatus(statusResponses: responses) == IMAPMailboxStatus(uidValidity: 7, uidNext: 3, messages: 2, unseen: 1))
    }
}

@Suite("IMAP exchange and error classification")
struct IMAPExchangeTests {
    private func transcript(_ lines: [String]) -> [ProtocolLine] {
        lines.map { ProtocolLine(direction: $0.hasPrefix("C: ") ? .client : .server, text: String($0.dropFirst(3))) }
    }

    @Test("a refused SELECT (which libcurl reports as a login error) is a missing mailbox")
    func selectRefused() {
        let exchange = IMAPExchange(transcript: transcript([
            "C: A001 LOGIN [credentials redacted]", "S: A001 OK Logged in",
            "C: A002 SELECT Nope", "S: A002 NO Mailbox doesn't exist: Nope",
        ]))
        let error = IMAPError(curl: CurlFailure(code: CURLE_LOGIN_DENIED, errorBuffer: "Select failed"), exchange: exchange, transcript: [])
        #expect(error.code == .mailboxNotFound)
        #expect(error.serverResponse?.text == "Mailbox doesn't exist: Nope")
    }

    @Test("a refused LOGIN is an authentication failure")
    func loginRefused() {
        let exchange = IMAPExchange(transcript: transcript([
            "C: A001 LOGIN [credentials redacted]", "S: A001 NO [AUTHENTICATIONFAILED] Authentication failed.",
        ]))
        let error = IMAPError(curl: CurlFailure(code: CURLE_LOGIN_DENIED, errorBuffer: ""), exchange: exchange, transcript: [])
        #expect(error.code == .authenticationFailed)
    }

    @Test("a UIDVALIDITY other than the expected one, or a missing UID")
    func fetchFailures() {
        let exchange = IMAPExchange(transcript: transcript([
            "C: A002 SELECT INBOX", "S: * OK [UIDVALIDITY 99] UIDs valid", "S: A002 OK [READ-WRITE] Select completed",
        ]))
        let changed = IMAPError(curl: CurlFailure(code: CURLE_REMOTE_FILE_NOT_FOUND, errorBuffer: ""), exchange: exchange, transcript: [], expectedUIDValidity: 98)
        #expect(changed.code == .uidValidityChanged)
        let missing = IMAPError(curl: CurlFailure(code: CURLE_REMOTE_FILE_NOT_FOUND, errorBuffer: ""), exchange: exchange, transcript: [], expectedUIDValidity: 99)
        #expect(missing.code == .messageNotFound)
    }

    @Test("APPENDUID is read from the APPEND completion")
    func appendUID() {
        let exchange = IMAPExchange(transcript: transcript([
            "C: A003 APPEND Sent (\\Seen) {120}", "S: + Ready for literal data", "S: A003 OK [APPENDUID 5 12] Append completed.",
        ]))
        #expect(exchange.appendUID?.uidValidity == 5 && exchange.appendUID?.uid == 12)
        #expect(exchange.lastFailure == nil)
    }
}
