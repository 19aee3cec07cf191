import Foundation
import Logging
import RelanceCore
import RelanceDaemon
import RelanceMail
import RelanceStore
import RelanceTesting
import Testing

/// A store with one customer, two open invoices and one reminder sent to client@client.example.
struct PollerFixture {
    static let creditorID = CreditorID("acme")!
    static let customerAddress = "client@client.example"

    let store: AppDatabase
    let mailbox = InMemoryMailbox(folders: ["INBOX"])
    let clock = ManualWallClock("2026-11-30T14:00:00+01:00")
    let secret = ReferenceSecret(bytes: Array(repeating: 7, count: 32))!
    let customerID: Int64
    let messageID: Int64
    /// `relance.TOKEN@acme.example`, without brackets.
    let rfcMessageID: String
    /// `bounces+TOKEN@acme.example`.
    let verpAddress: String
    var settings = InboundSettings(moveHandledTo: nil)

    init() async throws {
        store = try AppDatabase.inMemory()
        let start = clock.now()
        try await store.registerCreditor(Self.creditorID, at: start)
        let items = ["F-1", "F-2"].map { number in
            OpenItem(customer: "C1", customerName: "Client SARL", invoice: number, issued: CivilDate(iso8601: "2026-09-01"),
                     due: CivilDate(iso8601: "2026-10-01"), open: Money(minorUnits: 123_456, currency: .euro),
                     emails: [Self.customerAddress])
        }
        _ = try await store.importSnapshot(
            ImportedFile(creditor: Self.creditorID, fileName: "open.csv", sha256: String(repeating: "a", count: 64), byteCount: 1, kind: "open-invoices"),
            ReceivableSnapshot(items: items, asOf: CivilDate(iso8601: "2026-11-27")!, isAuthoritative: true), at: start)
        let receivables = try await store.openReceivables(of: Self.creditorID)
        customerID = receivables[0].customer.id
        let secret = secret
        let draft = MessageDraft(creditor: Self.creditorID, customerID: customerID, step: "first-reminder",
                                 plannedOn: CivilDate(iso8601: "2026-11-30")!,
                                 invoices: receivables.map { InvoiceMention(invoiceID: $0.invoiceID, step: "first-reminder", open: $0.open) },
                                 to: [EmailAddress(Self.customerAddress)!])
        messageID = try #require(try await store.enqueue(draft, at: start) { id in
            let token = ReferenceToken.make(messageID: id, creditor: Self.creditorID, secret: secret)
            return ComposedMail(messageID: "<relance.\(token)@acme.example>",
                                envelopeFrom: EmailAddress("bounces+\(token)@acme.example")!, bytes: Array("Subject: x\r\n\r\nx\r\n".utf8))
        })
        let token = ReferenceToken.make(messageID: messageID, creditor: Self.creditorID, secret: secret)
        rfcMessageID = "relance.\(token)@acme.example"
        verpAddress = "bounces+\(token)@acme.example"
    }

    var creditor: CreditorConfiguration {
        CreditorConfiguration(id: Self.creditorID, legalName: "ACME SAS", senderName: "ACME", senderAddress: EmailAddress("compta@acme.example")!,
                              bounceAddress: EmailAddress("bounces@acme.example")!, verp: true, inbound: settings)
    }

    var poller: MailboxPoller {
        var logger = Logger(label: "poller-test")
        logger.logLevel = .critical
        return MailboxPoller(creditor: creditor, mailbox: mailbox, store: store, secret: secret, clock: clock, logger: logger)
    }

    func tasks() async throws -> [WorkTask] { try await store.tasks(of: Self.creditorID, state: .open) }

    func events(_ kind: String) async throws -> [NewEvent] {
        try await store.recentEvents(of: Self.creditorID, limit: 1_000).map(\.event).filter { $0.kind == kind }
    }
}

@Suite struct MailboxPollerTests {
    @Test func aWrongAddressBounceMarksTheAddressAndOpensOneCallTaskHoweverManyBounces() async throws {
        let fixture = try await PollerFixture()
        await fixture.mailbox.deliver(SampleInboundMail.bounce(to: fixture.verpAddress, recipient: PollerFixture.customerAddress, id: "b1@mx"))
        await fixture.mailbox.deliver(SampleInboundMail.bounce(to: fixture.verpAddress, recipient: PollerFixture.customerAddress, id: "b2@mx"))
        let report = try await fixture.poller.poll()
        #expect(report.recorded == 2)
        #expect(report.failures.isEmpty)
        let tasks = try await fixture.tasks()
        #expect(tasks.count == 1)
        let task = try #require(tasks.first)
        #expect(task.kind == .call)
        #expect(task.customerID == fixture.customerID)
        #expect(task.detail["reason"] == "la boîte aux lettres n'existe pas")
        #expect(task.detail["bounced_address"] == PollerFixture.customerAddress)
        #expect(task.detail["amount_due"] == "2469.12 EUR")
        #expect(task.detail["invoices"] == "F-1, F-2")
        #expect(task.invoiceIDs.count == 2)
        let invalid = try await fixture.store.invalidAddresses(of: PollerFixture.creditorID)
        #expect(invalid.map(\.address.value) == [PollerFixture.customerAddress])

        // Polling again finds nothing new and changes nothing.
        let again = try await fixture.poller.poll()
        #expect(again.fetched == 0)
        #expect(try await fixture.tasks().count == 1)
    }

    @Test func anIdlePollIsOneStatusWhateverTheSizeOfTheMailbox() async throws {
        var costs: [Int] = []
        for size in [10, 1_000] {
            let fixture = try await PollerFixture()
            for index in 0..<size { await fixture.mailbox.deliver(SampleInboundMail.unrelated(id: "m\(index)@x")) }
            let first = try await fixture.poller.poll()
            #expect(first.ignored == size)
            await fixture.mailbox.resetCalls()
            _ = try await fixture.poller.poll()
            let calls = await fixture.mailbox.calls
            #expect(calls == ["state INBOX"])
            costs.append(calls.count)
            // One new message: the list of what is after the mark, one fetch, nothing put back.
            await fixture.mailbox.resetCalls()
            let uid = await fixture.mailbox.deliver(SampleInboundMail.unrelated(id: "new@x"))
            _ = try await fixture.poller.poll()
            #expect(await fixture.mailbox.calls == ["state INBOX", "list INBOX uids(from: \(uid))", "fetch INBOX [\(uid)]"])
        }
        #expect(costs[0] == costs[1])
    }

    @Test func aThousandNewMessagesAreFetchedInAFewBatchesAndStayUnread() async throws {
        let fixture = try await PollerFixture()
        for index in 0..<1_000 { await fixture.mailbox.deliver(SampleInboundMail.unrelated(id: "b\(index)@x"), seen: index % 3 == 0) }
        let report = try await fixture.poller.poll()
        #expect(report.fetched == 1_000)
        let fetches = await fixture.mailbox.calls.filter { $0.hasPrefix("fetch ") }
        #expect(fetches.count == 4)
        let messages = await fixture.mailbox.messages(in: "INBOX")
        #expect(messages.filter(\.seen).count == 334)
        #expect(messages.enumerated().allSatisfy { $0.element.seen == ($0.offset % 3 == 0) })
    }

    @Test func aMessageOverTheMaximumSizeIsReadCutAndCounted() async throws {
        var fixture = try await PollerFixture()
        fixture.settings.maximumMessageBytes = 4_096
        await fixture.mailbox.setMaximumMessageBytes(4_096)
        let big = SampleInboundMail.unrelated(id: "big@x") + "\n" + String(repeating: "0123456789abcdef\n", count: 1_000)
        await fixture.mailbox.deliver(big)
        let report = try await fixture.poller.poll()
        #expect(report.fetched == 1)
        #expect(report.truncated == 1)
    }

    @Test("batches: many small messages per fetch, bytes bounded, a huge one alone, sizes capped at the maximum")
    func fetchBatches() {
        let small = (1...600).map { MailboxEntry(uid: UInt32($0), size: 5_000) }
        #expect(FetchBatches.plan(small, maximumMessageBytes: 25 << 20).map(\.count) == [250, 250, 100])
        let mixed = [MailboxEntry(uid: 1, size: 10 << 20), MailboxEntry(uid: 2, size: 10 << 20), MailboxEntry(uid: 3, size: 100 << 20),
                     MailboxEntry(uid: 4, size: 1_000)]
        #expect(FetchBatches.plan(mixed, maximumMessageBytes: 25 << 20) == [[1], [2], [3], [4]])
        #expect(FetchBatches.plan(mixed, maximumMessageBytes: 1 << 20) == [[1, 2, 3, 4]])
        #expect(FetchBatches.plan([], maximumMessageBytes: 1).isEmpty)
    }

    @Test func unrelatedMailIsLeftAsItWasAndNeverStored() async throws {
        let fixture = try await PollerFixture()
        let unread = await fixture.mailbox.deliver(SampleInboundMail.unrelated(id: "u1@x"), seen: false)
        let read = await fixture.mailbox.deliver(SampleInboundMail.unrelated(id: "u2@x"), seen: true)
        let report = try await fixture.poller.poll()
        #expect(report.ignored == 2)
        #expect(await fixture.mailbox.isSeen("INBOX", uid: unread) == false)
        #expect(await fixture.mailbox.isSeen("INBOX", uid: read) == true)
        #expect(try await fixture.events("mail.received").isEmpty)
        #expect(await fixture.mailbox.messages(in: "INBOX").count == 2)
        let mark = try #require(try await fixture.store.mailboxMark(of: PollerFixture.creditorID, folder: "INBOX"))
        #expect(mark.lastUID == read)
    }

    @Test func aReplyPausesTheCustomerAndOpensAReadTaskWithItsExcerptAndHints() async throws {
        var fixture = try await PollerFixture()
        fixture.settings.replyPauseDays = 10
        await fixture.mailbox.deliver(SampleInboundMail.reply(
            from: "someone@client.example", inReplyTo: fixture.rfcMessageID,
            text: "Bonjour, nous réglerons la facture le 15/12/2026. Cordialement"))
        let report = try await fixture.poller.poll()
        #expect(report.recorded == 1)
        let holds = try await fixture.store.liveHolds(of: PollerFixture.creditorID)
        #expect(Set(holds.map(\.kind)) == [.reply, .promise])
        #expect(holds.first { $0.kind == .reply }?.until == CivilDate(iso8601: "2026-12-10"))
        #expect(holds.first { $0.kind == .promise }?.until == CivilDate(iso8601: "2026-12-15"))
        let task = try #require(try await fixture.tasks().first)
        #expect(task.kind == .readReply)
        #expect(task.detail["excerpt"]?.contains("nous réglerons") == true)
        #expect(task.detail["hints"] == "promise:2026-12-15")
        #expect(task.detail["excerpt"]?.contains("Rappel : la facture") == false)   // the quoted reminder is cut
    }

    @Test func aReplyFromAKnownContactWithoutReferencesIsOurs() async throws {
        var fixture = try await PollerFixture()
        fixture.settings.replyPauseDays = nil
        fixture.settings.promisePauses = false
        await fixture.mailbox.deliver(SampleInboundMail.reply(from: "Client@Client.example", inReplyTo: nil,
                                                              text: "Nous avons déjà payé cette facture par virement."))
        _ = try await fixture.poller.poll()
        let holds = try await fixture.store.liveHolds(of: PollerFixture.creditorID)
        #expect(holds.map(\.kind) == [.reply])
        #expect(holds.first?.until == nil)
        let task = try #require(try await fixture.tasks().first)
        #expect(task.detail["hints"] == "paid")
        #expect(task.detail["from"] == "client@client.example")
    }

    @Test func aTokenThatDoesNotVerifyActsOnNothing() async throws {
        let fixture = try await PollerFixture()
        let forged = "relance.aaaaaaaaaaaaaaaaaaaaaaaa@acme.example"
        await fixture.mailbox.deliver(SampleInboundMail.reply(from: "stranger@else.example", inReplyTo: forged, text: "Stop."))
        await fixture.mailbox.deliver(SampleInboundMail.bounce(to: "bounces+bbbbbbbbbbbbbbbbbbbbbbbb@acme.example",
                                                               recipient: PollerFixture.customerAddress, id: "b9@mx"))
        let report = try await fixture.poller.poll()
        #expect(report.recorded == 2)
        #expect(try await fixture.tasks().isEmpty)
        #expect(try await fixture.store.liveHolds(of: PollerFixture.creditorID).isEmpty)
        #expect(try await fixture.store.invalidAddresses(of: PollerFixture.creditorID).isEmpty)
        let received = try await fixture.events("mail.received")
        #expect(received.allSatisfy { $0.summary.contains("does not verify") && $0.customerID == nil })
    }

    @Test func anAutoReplyWithAReturnDateWaitsForIt() async throws {
        let fixture = try await PollerFixture()
        await fixture.mailbox.deliver(SampleInboundMail.autoReply(from: PollerFixture.customerAddress, inReplyTo: fixture.rfcMessageID,
                                                                  back: "14/12/2026"))
        _ = try await fixture.poller.poll()
        let holds = try await fixture.store.liveHolds(of: PollerFixture.creditorID)
        #expect(holds.map(\.kind) == [.away])
        #expect(holds.first?.until == CivilDate(iso8601: "2026-12-14"))
        #expect(try await fixture.tasks().isEmpty)
    }

    @Test func aComplaintStopsEmailsAndOpensATask() async throws {
        let fixture = try await PollerFixture()
        await fixture.mailbox.deliver(SampleInboundMail.complaint(originalMessageID: fixture.rfcMessageID, recipient: PollerFixture.customerAddress))
        _ = try await fixture.poller.poll()
        let holds = try await fixture.store.liveHolds(of: PollerFixture.creditorID)
        #expect(holds.map(\.kind) == [.complaint])
        #expect(holds.first?.until == nil)
        #expect(try await fixture.tasks().map(\.kind) == [.call])
    }

    @Test func temporaryBouncesOpenACallTaskOnlyAtTheConfiguredCount() async throws {
        var fixture = try await PollerFixture()
        fixture.settings.temporaryBouncesBeforeCall = 3
        for index in 1...2 {
            await fixture.mailbox.deliver(SampleInboundMail.bounce(to: fixture.verpAddress, recipient: PollerFixture.customerAddress,
                                                                   status: "5.2.2", diagnostic: "552 5.2.2 Mailbox full", id: "full\(index)@mx"))
        }
        _ = try await fixture.poller.poll()
        #expect(try await fixture.tasks().isEmpty)
        #expect(try await fixture.store.invalidAddresses(of: PollerFixture.creditorID).isEmpty)
        #expect(try await fixture.events("mail.bounce-temporary").count == 2)
        await fixture.mailbox.deliver(SampleInboundMail.bounce(to: fixture.verpAddress, recipient: PollerFixture.customerAddress,
                                                               status: "5.2.2", diagnostic: "552 5.2.2 Mailbox full", id: "full3@mx"))
        _ = try await fixture.poller.poll()
        let task = try #require(try await fixture.tasks().first)
        #expect(task.kind == .call)
        #expect(task.detail["temporary_bounces"] == "3")
    }

    @Test func aNewUIDValidityRescansRecentMailWithoutActingTwice() async throws {
        let fixture = try await PollerFixture()
        await fixture.mailbox.deliver(SampleInboundMail.reply(from: PollerFixture.customerAddress, inReplyTo: fixture.rfcMessageID,
                                                              text: "Nous regardons.", id: "r1@client"))
        await fixture.mailbox.deliver(SampleInboundMail.unrelated(id: "u1@x"))
        _ = try await fixture.poller.poll()
        let before = try await fixture.store.liveHolds(of: PollerFixture.creditorID).count
        #expect(try await fixture.tasks().count == 1)

        await fixture.mailbox.renumber("INBOX")
        await fixture.mailbox.deliver(SampleInboundMail.bounce(to: fixture.verpAddress, recipient: PollerFixture.customerAddress, id: "b1@mx"))
        let report = try await fixture.poller.poll()
        #expect(report.fetched == 3)
        #expect(report.duplicates == 1)
        #expect(report.recorded == 1)
        #expect(try await fixture.tasks().count == 2)   // the read task, and the new call task
        #expect(try await fixture.store.liveHolds(of: PollerFixture.creditorID).count == before)
        let state = try await fixture.mailbox.state(of: "INBOX")
        let mark = try #require(try await fixture.store.mailboxMark(of: PollerFixture.creditorID, folder: "INBOX"))
        #expect(mark.uidValidity == state.uidValidity)
        #expect(mark.lastUID == 3)
    }

    @Test func aLostMarkNeverRepeatsAReaction() async throws {
        let fixture = try await PollerFixture()
        await fixture.mailbox.deliver(SampleInboundMail.reply(from: PollerFixture.customerAddress, inReplyTo: fixture.rfcMessageID,
                                                              text: "Nous regardons.", id: "r1@client"))
        _ = try await fixture.poller.poll()
        // As if the process had died before the mark moved: the message is read again.
        let state = try await fixture.mailbox.state(of: "INBOX")
        try await fixture.store.saveMailboxMark(MailboxMark(folder: "INBOX", uidValidity: state.uidValidity, lastUID: 0,
                                                            polledAt: fixture.clock.now()), of: PollerFixture.creditorID)
        let again = try await fixture.poller.poll()
        #expect(again.fetched == 1)
        #expect(again.duplicates == 1)
        #expect(try await fixture.tasks().count == 1)
        #expect(try await fixture.store.liveHolds(of: PollerFixture.creditorID).count == 1)
    }

    @Test func aServerThatIsDownIsReportedAndTheNextPollResumes() async throws {
        let fixture = try await PollerFixture()
        await fixture.mailbox.deliver(SampleInboundMail.bounce(to: fixture.verpAddress, recipient: PollerFixture.customerAddress))
        await fixture.mailbox.setFailure(MailboxError(.authentication, "the IMAP server refused the credentials"))
        let failed = try await fixture.poller.poll()
        #expect(failed.failures["INBOX"]?.code == .authentication)
        #expect(try await fixture.store.mailboxMark(of: PollerFixture.creditorID, folder: "INBOX") == nil)
        await fixture.mailbox.setFailure(nil)
        let report = try await fixture.poller.poll()
        #expect(report.recorded == 1)
        #expect(try await fixture.tasks().count == 1)
    }

    @Test func handledBouncesMoveToTheConfiguredFolderButRepliesStay() async throws {
        var fixture = try await PollerFixture()
        fixture.settings.moveHandledTo = "Relance"
        await fixture.mailbox.deliver(SampleInboundMail.bounce(to: fixture.verpAddress, recipient: PollerFixture.customerAddress))
        await fixture.mailbox.deliver(SampleInboundMail.reply(from: PollerFixture.customerAddress, inReplyTo: fixture.rfcMessageID, text: "Vu."))
        await fixture.mailbox.deliver(SampleInboundMail.unrelated())
        let report = try await fixture.poller.poll()
        #expect(report.moved == 1)
        #expect(await fixture.mailbox.messages(in: "INBOX").count == 2)
        #expect(await fixture.mailbox.messages(in: "Relance").count == 1)
        // Idle afterwards: the move does not make the next poll read anything.
        await fixture.mailbox.resetCalls()
        _ = try await fixture.poller.poll()
        #expect(await fixture.mailbox.calls == ["state INBOX"])
    }

    @Test func aFirstPollLooksBackOnlyAFewDays() async throws {
        var fixture = try await PollerFixture()
        fixture.settings.lookBackDays = 7
        await fixture.mailbox.deliver(SampleInboundMail.reply(from: PollerFixture.customerAddress, inReplyTo: nil, text: "Ancien message.", id: "old@c"),
                                      on: CivilDate(iso8601: "2026-06-01")!)
        await fixture.mailbox.deliver(SampleInboundMail.reply(from: PollerFixture.customerAddress, inReplyTo: nil, text: "Nouveau message.", id: "new@c"),
                                      on: CivilDate(iso8601: "2026-11-29")!)
        let report = try await fixture.poller.poll()
        #expect(report.fetched == 1)
        #expect(try await fixture.tasks().count == 1)
        let mark = try #require(try await fixture.store.mailboxMark(of: PollerFixture.creditorID, folder: "INBOX"))
        #expect(mark.lastUID == 2)
    }
}
