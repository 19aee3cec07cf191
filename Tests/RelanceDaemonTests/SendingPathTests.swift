import Foundation
import Testing
import RelanceCore
import RelanceDaemon

/// The pure parts of the sending path: crash point settings and the rate limit.
@Suite struct SendingPathTests {
    @Test(arguments: [
        ("after-data", CrashPoints.Point.afterData), ("before-connect:3", .beforeConnect),
        ("after-mail-from:x", .afterMailFrom), ("", nil), ("after-everything", nil), (nil, nil),
    ] as [(String?, CrashPoints.Point?)])
    func aCrashPointIsArmedOnlyByItsExactName(setting: String?, armed: CrashPoints.Point?) {
        #expect(CrashPoints(setting: setting).armed == armed)
    }

    @Test func aPointOtherThanTheArmedOneIsHarmless() {
        let points = CrashPoints(setting: "after-data:1")
        for point in CrashPoints.Point.allCases where point != .afterData { points.reach(point) }
        #expect(points.armed == .afterData)   // still alive
    }

    /// Counts deliveries and when they started.
    actor RecordingTransport: MailTransport {
        var starts: [ContinuousClock.Instant] = []
        func deliver(_ message: OutboxMessage) async -> DeliveryOutcome {
            starts.append(.now)
            return .delivered(serverReply: "250 ok")
        }
    }

    @Test func aRateLimitSpacesAttemptsEvenlyEvenWhenCallersRace() async throws {
        let base = RecordingTransport()
        let paced = PacedTransport(base, messagesPerMinute: 1_200)   // one every 50 ms
        let message = OutboxMessage(id: 1, creditor: CreditorID("acme")!, customerID: 1, step: "s", messageID: "<a@b>",
                                    envelopeFrom: EmailAddress("a@b.example")!, recipients: [], bytes: [], attempts: 1, queuedAt: Date())
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<5 { group.addTask { _ = await paced.deliver(message) } }
        }
        let starts = await base.starts.sorted()
        #expect(starts.count == 5)
        // Five attempts take about four intervals (200 ms), however the callers raced; a burst
        // would take none. The margin absorbs the hop from the limiter to the transport.
        let span = try #require(starts.last) - (try #require(starts.first))
        #expect(span >= .milliseconds(150), "span: \(span)")
    }
}
