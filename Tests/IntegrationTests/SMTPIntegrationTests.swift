import CurlMail
import Foundation
import Testing

/// SMTP against the real Postfix of scripts/mailstack.sh. Mailbox users: see CurlMailIntegrationSupport.swift.
@Suite("SMTP over libcurl against Postfix", .mailStack)
struct SMTPIntegrationTests {
    @Test("port 25 without TLS (explicit opt-in), read back over IMAP STARTTLS, unread again after removeSeen")
    func plainRelayAndReadBack() async throws {
        let stack = try MailStack.require()
        let recipient = stack.address("t01")
        let message = TestMessage(from: stack.address("alice"), to: recipient, subject: "plain relay")
        let smtp = try SMTPConnection(endpoint: stack.relay())
        let delivery = try await smtp.send(envelopeFrom: stack.address("alice"), recipients: [recipient], message: message.bytes)
        #expect(delivery.dataReply.code == 250)
        #expect(delivery.recipients.map(\.recipient) == [recipient])
        #expect(delivery.recipients.first?.reply.enhancedStatus?.description == "2.1.5")

        let imapLines = LockedLines()
        let imap = try IMAPClient(endpoint: stack.imap("t01"), log: { imapLines.append($0) })
        let uid = try await imap.waitForMessage(messageID: message.messageID)
        let status = try await imap.examine("INBOX")
        #expect(status.uidNext > uid && status.messages >= 1)
        #expect(try await imap.uidSearch("INBOX", criteria: "UID \(uid) UNSEEN") == [uid])

        let fetched = try await imap.fetch("INBOX", uidValidity: status.uidValidity, uid: uid)
        #expect(TestMessage.body(of: fetched) == message.body)
        #expect(String(decoding: fetched, as: UTF8.self).contains("Message-ID: \(message.messageID)"))
        #expect(try await imap.uidSearch("INBOX", criteria: "UID \(uid) SEEN") == [uid], "fetching BODY[] sets \\Seen")

        try await imap.removeSeen("INBOX", uid: uid)
        #expect(try await imap.uidSearch("INBOX", criteria: "UID \(uid) UNSEEN") == [uid])

        // One login for the reused connection, one for the throwaway connection of EXAMINE.
        let logins = imapLines.all.filter { $0.direction == .client && ($0.text.contains(" LOGIN ") || $0.text.contains(" AUTHENTICATE ")) }
        #expect(logins.count == 2, "\(logins)")
        #expect(imapLines.all.contains { $0.text == "STARTTLS" || $0.text.hasSuffix(" STARTTLS") })
    }

    @Test("port 587: STARTTLS verified against the test CA, AUTH, and no secret in the transcript")
    func submissionWithStartTLS() async throws {
        let stack = try MailStack.require()
        let lines = LockedLines()
        let smtp = try SMTPConnection(endpoint: stack.submission("t02"), log: { lines.append($0) })
        let message = TestMessage(from: stack.address("t02"), to: stack.address("t02"), subject: "submission")
        let delivery = try await smtp.send(envelopeFrom: stack.address("t02"), recipients: [stack.address("t02")], message: message.bytes)
        #expect(delivery.dataReply.code == 250 && delivery.dataReply.enhancedStatus?.description == "2.0.0")
        #expect(delivery.accepted.count == 1 && delivery.refused.isEmpty)

        let transcript = lines.all.map(\.description)
        #expect(transcript.contains("C: STARTTLS"))
        #expect(transcript.contains { $0.hasPrefix("C: AUTH ") && $0.hasSuffix("[credentials redacted]") })
        let everything = transcript.joined(separator: "\n")
        let plainSecret = Data("\0\(stack.address("t02"))\0\(stack.password)".utf8).base64EncodedString()
        #expect(!everything.contains(stack.password))
        #expect(!everything.contains(plainSecret))
        #expect(!everything.contains(Data(stack.password.utf8).base64EncodedString()))
        #expect(!everything.contains("end of test"), "message contents never reach the log")

        let imap = try IMAPClient(endpoint: stack.imap("t02"))
        _ = try await imap.waitForMessage(messageID: message.messageID)
    }

    @Test("port 465: implicit TLS + AUTH, read back over IMAPS 993")
    func implicitTLS() async throws {
        let stack = try MailStack.require()
        let smtp = try SMTPConnection(endpoint: stack.smtps("t03"))
        let message = TestMessage(from: stack.address("t03"), to: stack.address("t03"), subject: "smtps")
        _ = try await smtp.send(envelopeFrom: stack.address("t03"), recipients: [stack.address("t03")], message: message.bytes)

        let imap = try IMAPClient(endpoint: stack.imap("t03", security: .implicitTLS))
        let uid = try await imap.waitForMessage(messageID: message.messageID)
        let status = try await imap.status("INBOX")
        let fetched = try await imap.fetch("INBOX", uidValidity: status.uidValidity, uid: uid)
        #expect(TestMessage.body(of: fetched) == message.body)
    }

    @Test("30 messages over one reused connection (587 STARTTLS + AUTH)")
    func reusedConnection() async throws {
        let stack = try MailStack.require()
        let lines = LockedLines()
        let smtp = try SMTPConnection(endpoint: stack.submission("t04"), log: { lines.append($0) })
        let messages = (1...30).map { TestMessage(from: stack.address("t04"), to: stack.address("t04"), subject: "batch \($0)") }
        // The first message pays for TCP, STARTTLS and AUTH; the rate is measured on the other 29.
        let clock = ContinuousClock()
        let first = try await smtp.send(envelopeFrom: stack.address("t04"), recipients: [stack.address("t04")], message: messages[0].bytes)
        #expect(first.dataReply.isPositive)
        let start = clock.now
        for message in messages.dropFirst() {
            let delivery = try await smtp.send(envelopeFrom: stack.address("t04"), recipients: [stack.address("t04")], message: message.bytes)
            #expect(delivery.dataReply.isPositive)
        }
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print("CurlMail: 29 messages after the first over one SMTP connection (587 STARTTLS + AUTH) in \(elapsed): \(Int(29 / seconds)) msg/s")

        let all = lines.all.map(\.text)
        #expect(all.filter { $0 == "STARTTLS" }.count == 1, "one TLS handshake for all 30 messages")
        #expect(all.filter { $0.hasPrefix("AUTH ") }.count == 1, "one login for all 30 messages")
        #expect(all.filter { $0.hasPrefix("MAIL FROM:") }.count == 30)

        let imap = try IMAPClient(endpoint: stack.imap("t04"))
        for message in messages { _ = try await imap.waitForMessage(messageID: message.messageID) }
    }

    @Test("several messages in one hand-over to the connection (587 STARTTLS + AUTH): one login, each delivered, a bad address refused before any byte of its transaction")
    func transactionsInOneHandOver() async throws {
        let stack = try MailStack.require()
        let lines = LockedLines()
        let smtp = try SMTPConnection(endpoint: stack.submission("t59"), log: { lines.append($0) })
        let messages = (1...5).map { TestMessage(from: stack.address("t59"), to: stack.address("t59"), subject: "hand-over \($0)") }
        let sender = stack.address("t59")
        let recipient = stack.address("t59")
        // The third one carries a line break in its recipient: refused, nothing of it written (not
        // even ahead, behind the second one's content). Each other envelope is written ahead.
        let envelopes = messages.indices.map { SMTPEnvelope(from: sender, to: [$0 == 2 ? recipient + "\r\nDATA" : recipient]) }
        let results = await smtp.withTransactions { transactions in
            messages.enumerated().map { index, message in
                transactions.send(envelopeFrom: sender, recipients: envelopes[index].recipients, message: message.bytes,
                                  thenStart: { index + 1 < envelopes.count ? envelopes[index + 1] : nil })
            }
        }
        #expect(results.count == 5)
        for (index, result) in results.enumerated() {
            switch result {
            case .success(let delivery):
                #expect(index != 2)
                #expect(delivery.dataReply.code == 250 && delivery.recipients.map(\.recipient) == [recipient])
            case .failure(let error):
                #expect(index == 2)
                #expect(error.code == .invalidEnvelopeAddress && error.curlCode == nil)
            }
        }
        let all = lines.all.map(\.text)
        #expect(all.filter { $0 == "STARTTLS" }.count == 1 && all.filter { $0.hasPrefix("AUTH ") }.count == 1)
        #expect(all.filter { $0.hasPrefix("MAIL FROM:") }.count == 4)
        #expect(!all.contains { $0.contains("DATA") && $0 != "DATA" })

        let imap = try IMAPClient(endpoint: stack.imap("t59"))
        for (index, message) in messages.enumerated() where index != 2 { _ = try await imap.waitForMessage(messageID: message.messageID) }
    }

    @Test("an envelope written ahead and then not followed by its content delivers nothing (587 STARTTLS + AUTH)")
    func envelopeAheadNotFollowed() async throws {
        let stack = try MailStack.require()
        let lines = LockedLines()
        let smtp = try SMTPConnection(endpoint: stack.submission("t60"), log: { lines.append($0) })
        let imap = try IMAPClient(endpoint: stack.imap("t60"))
        let before = try await imap.status("INBOX").messages
        let address = stack.address("t60")
        let first = TestMessage(from: address, to: address, subject: "ahead 1")
        let last = TestMessage(from: address, to: address, subject: "ahead 3")
        let results = await smtp.withTransactions { transactions in
            // The second message's envelope goes behind the first one's content; the caller then
            // sends another message instead: the connection is dropped and opened again.
            [transactions.send(envelopeFrom: address, recipients: [address], message: first.bytes,
                               thenStart: { SMTPEnvelope(from: address, to: [stack.address("t60+ahead")]) }),
             transactions.send(envelopeFrom: address, recipients: [address], message: last.bytes)]
        }
        for result in results { #expect((try? result.get())?.dataReply.code == 250) }
        #expect(lines.all.filter { $0.text.hasPrefix("AUTH ") }.count == 2, "the connection with a transaction begun ahead is not reused")
        _ = try await imap.waitForMessage(messageID: first.messageID)
        _ = try await imap.waitForMessage(messageID: last.messageID)
        // The abandoned transaction (to t60+ahead, which lands in t60 too) delivered nothing.
        #expect(try await imap.status("INBOX").messages == before + 2)
    }

    /// A sender whose right to a message lapsed (a claim another daemon may have taken over on a
    /// shared book) must not finish sending it: past its hand-over deadline the content's end is
    /// not written, the transaction is abandoned, and nothing is delivered; the next message goes.
    @Test("past its hand-over deadline a message is abandoned before its content's end, nothing delivered (587 STARTTLS + AUTH)")
    func handOverDeadlinePassed() async throws {
        let stack = try MailStack.require()
        let lines = LockedLines()
        let smtp = try SMTPConnection(endpoint: stack.submission("t44"), log: { lines.append($0) })
        let imap = try IMAPClient(endpoint: stack.imap("t44"))
        let before = try await imap.status("INBOX").messages
        let address = stack.address("t44")
        let late = TestMessage(from: address, to: address, subject: "late")
        let next = TestMessage(from: address, to: address, subject: "after the late one")
        let results = await smtp.withTransactions { transactions in
            [transactions.send(envelopeFrom: address, recipients: [address], message: late.bytes, handOverBy: .now - .seconds(1)),
             transactions.send(envelopeFrom: address, recipients: [address], message: next.bytes)]
        }
        #expect(results.count == 2)
        if case .failure(let error) = results[0] {
            #expect(error.code == .handOverDeadlinePassed)
        } else {
            Issue.record("the late message was sent: \(results[0])")
        }
        #expect((try? results[1].get())?.dataReply.code == 250)
        // The server had opened DATA for the late one; the connection was dropped, not reused.
        #expect(lines.all.filter { $0.text == "DATA" }.count == 2)
        #expect(lines.all.filter { $0.text.hasPrefix("AUTH ") }.count == 2, "the connection with an abandoned DATA is not reused")
        _ = try await imap.waitForMessage(messageID: next.messageID)
        #expect(try await imap.status("INBOX").messages == before + 1, "the late message must not arrive")
    }

    /// The same deadline through `SMTPConnection.send` (one message, its own hop to the connection).
    @Test("a single send past its hand-over deadline delivers nothing (587 STARTTLS + AUTH)")
    func singleSendPastHandOverDeadline() async throws {
        let stack = try MailStack.require()
        let smtp = try SMTPConnection(endpoint: stack.submission("t44"))
        let address = stack.address("t44")
        let late = TestMessage(from: address, to: address, subject: "late, alone")
        do {
            let delivery = try await smtp.send(envelopeFrom: address, recipients: [address], message: late.bytes,
                                               handOverBy: .now - .seconds(1))
            Issue.record("the late message was sent: \(delivery.dataReply)")
        } catch {
            #expect(error.code == .handOverDeadlinePassed)
        }
    }

    @Test("a wrong password is an authentication error")
    func wrongPassword() async throws {
        let stack = try MailStack.require()
        let smtp = try SMTPConnection(endpoint: stack.submission("t05", password: "not-the-password"))
        let message = TestMessage(from: stack.address("t05"), to: stack.address("t05"), subject: "wrong password")
        let error = try await #require(throws: SMTPError.self) {
            try await smtp.send(envelopeFrom: stack.address("t05"), recipients: [stack.address("t05")], message: message.bytes)
        }
        #expect(error.code == .authenticationFailed)
        #expect(error.serverReply?.code == 535)
        #expect(!error.isTemporary)
        #expect(!error.transcript.map(\.text).joined().contains("not-the-password"))
    }

    @Test("without the private CA the certificate is not trusted")
    func untrustedCertificate() async throws {
        let stack = try MailStack.require()
        let smtp = try SMTPConnection(endpoint: stack.smtps("t06", trustTestCA: false))
        let message = TestMessage(from: stack.address("t06"), to: stack.address("t06"), subject: "no CA")
        let error = try await #require(throws: SMTPError.self) {
            try await smtp.send(envelopeFrom: stack.address("t06"), recipients: [stack.address("t06")], message: message.bytes)
        }
        #expect(error.code == .certificateUntrusted)
        #expect(error.curlMessage?.contains("certificate") == true)
        #expect(error.description.contains("ca_file"))

        let startTLS = try SMTPConnection(endpoint: stack.submission("t06", trustTestCA: false))
        let viaStartTLS = try await #require(throws: SMTPError.self) {
            try await startTLS.send(envelopeFrom: stack.address("t06"), recipients: [stack.address("t06")], message: message.bytes)
        }
        #expect(viaStartTLS.code == .certificateUntrusted)
    }

    @Test("port 2525: an unknown recipient gets 550 5.1.1 while the other is delivered")
    func unknownRecipientRefusedAtRCPT() async throws {
        let stack = try MailStack.require()
        let smtp = try SMTPConnection(endpoint: stack.relay(port: stack.smtpRejectPort))
        let unknown = stack.address("nobody-here")
        let message = TestMessage(from: stack.address("alice"), to: stack.address("t07"), subject: "unknown recipient")
        let delivery = try await smtp.send(
            envelopeFrom: stack.address("alice"), recipients: [unknown, stack.address("t07")], message: message.bytes)
        let refused = try #require(delivery.result(for: unknown))
        #expect(refused.reply.code == 550)
        #expect(refused.reply.enhancedStatus?.description == "5.1.1")
        #expect(!refused.isAccepted)
        #expect(delivery.result(for: stack.address("t07"))?.isAccepted == true)
        #expect(delivery.accepted.map(\.recipient) == [stack.address("t07")])

        let imap = try IMAPClient(endpoint: stack.imap("t07"))
        _ = try await imap.waitForMessage(messageID: message.messageID)
    }

    @Test("tempfail@ is refused with 450 4.2.0, reported as temporary")
    func temporaryRefusal() async throws {
        let stack = try MailStack.require()
        let smtp = try SMTPConnection(endpoint: stack.relay())
        let tempfail = stack.address("tempfail")
        let message = TestMessage(from: stack.address("alice"), to: stack.address("t08"), subject: "tempfail")
        let delivery = try await smtp.send(
            envelopeFrom: stack.address("alice"), recipients: [stack.address("t08"), tempfail], message: message.bytes)
        let refused = try #require(delivery.result(for: tempfail))
        #expect(refused.reply.code == 450 && refused.reply.enhancedStatus?.description == "4.2.0")
        #expect(refused.reply.isTemporaryFailure)
        #expect(delivery.result(for: stack.address("t08"))?.isAccepted == true)

        // The same connection, tempfail@ alone: nobody accepted it, so the send fails, temporarily.
        let error = try await #require(throws: SMTPError.self) {
            try await smtp.send(envelopeFrom: stack.address("alice"), recipients: [tempfail], message: message.bytes)
        }
        #expect(error.code == .allRecipientsRefused)
        #expect(error.isTemporary)
        #expect(error.serverReply?.enhancedStatus?.description == "4.2.0")

        // And the connection still works afterwards.
        let again = try await smtp.send(envelopeFrom: stack.address("alice"), recipients: [stack.address("t08")], message: message.bytes)
        #expect(again.dataReply.isPositive)
    }

    @Test("policy@ is refused with 550 5.7.1, permanently; full@ with 552 5.2.2")
    func policyRefusal() async throws {
        let stack = try MailStack.require()
        let smtp = try SMTPConnection(endpoint: stack.relay(port: stack.smtpRejectPort))
        let message = TestMessage(from: stack.address("alice"), to: stack.address("t09"), subject: "policy")
        let error = try await #require(throws: SMTPError.self) {
            try await smtp.send(envelopeFrom: stack.address("alice"), recipients: [stack.address("policy")], message: message.bytes)
        }
        #expect(error.code == .allRecipientsRefused)
        #expect(!error.isTemporary)
        #expect(error.serverReply?.code == 550 && error.serverReply?.enhancedStatus?.description == "5.7.1")
        #expect(error.recipients.map(\.recipient) == [stack.address("policy")])

        let mixed = try await smtp.send(
            envelopeFrom: stack.address("alice"), recipients: [stack.address("policy"), stack.address("t09")], message: message.bytes)
        #expect(mixed.result(for: stack.address("policy"))?.reply.enhancedStatus?.description == "5.7.1")
        #expect(mixed.result(for: stack.address("t09"))?.isAccepted == true)

        let full = try await smtp.send(
            envelopeFrom: stack.address("alice"), recipients: [stack.address("full"), stack.address("t09")], message: message.bytes)
        let fullReply = try #require(full.result(for: stack.address("full"))?.reply)
        #expect(fullReply.code == 552 && fullReply.enhancedStatus?.description == "5.2.2")
    }

    @Test("an envelope address with CR LF is refused before any byte is sent", arguments: [
        "t10@relance.test>\r\nRCPT TO:<t10@relance.test", "t10@relance.test\n", "t10@relance.test\0", "<t10@relance.test>", "t10 @relance.test",
    ])
    func injectionRefused(address: String) async throws {
        let stack = try MailStack.require()
        let imap = try IMAPClient(endpoint: stack.imap("t10"))
        let before = try await imap.status("INBOX")
        let lines = LockedLines()
        let smtp = try SMTPConnection(endpoint: stack.relay(), log: { lines.append($0) })
        let message = TestMessage(from: stack.address("alice"), to: stack.address("t10"), subject: "injection")
        let asRecipient = try await #require(throws: SMTPError.self) {
            try await smtp.send(envelopeFrom: stack.address("alice"), recipients: [stack.address("t10"), address], message: message.bytes)
        }
        #expect(asRecipient.code == .invalidEnvelopeAddress)
        #expect(asRecipient.curlCode == nil)
        let asSender = try await #require(throws: SMTPError.self) {
            try await smtp.send(envelopeFrom: address, recipients: [stack.address("t10")], message: message.bytes)
        }
        #expect(asSender.code == .invalidEnvelopeAddress)
        #expect(lines.all.isEmpty, "not even a connection was opened")
        #expect(try await imap.status("INBOX").messages == before.messages)
    }
}
