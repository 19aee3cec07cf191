import Foundation
import Testing
@testable import RelanceMail

/// Agreement with Sisimai's verdicts on its public corpus of real bounces, auto-replies and
/// feedback reports (Fixtures/bounces, BSD 2-Clause). The thresholds are the issue's.
@Suite("Inbound corpus agreement with Sisimai")
struct InboundCorpusTests {
    struct Verdict: Decodable {
        let status: String
        let reason: String
        let hard: Bool
    }

    struct Expected: Decodable {
        let samples: [String: [Verdict]?]
    }

    static func corpusDirectory() throws -> URL {
        let url = try #require(Bundle.module.url(forResource: "bounces", withExtension: nil, subdirectory: "Fixtures"))
        return url
    }

    static func expectedKind(_ reason: String) -> InboundKind {
        switch reason {
        case "vacation": .autoreply
        case "feedback": .complaint
        case "delivered": .deliveryReport
        default: .bounce
        }
    }

    /// Delay warnings, read by hand (`Action: delayed`, or Gmail's "THIS IS A WARNING MESSAGE
    /// ONLY … will be retried"): Sisimai calls them bounces ("expired"); Relance reports them as
    /// delivery reports, because nothing has failed yet and no customer must be called for them.
    static let delayNotices: Set<String> = [
        "lhost-messagingserver-07.eml", "lhost-opensmtpd-06.eml", "lhost-sendmail-29.eml", "lhost-sendmail-55.eml",
        "rfc3464-07.eml", "rfc3464-09.eml", "rfc3464-55.eml", "rhost-outlook-06.eml", "lhost-gmail-08.eml", "lhost-gmail-17.eml",
    ]

    /// Where Relance reads a recipient differently from Sisimai on purpose, with the reason;
    /// left out of the wrong-address figures and printed. Zoho's "Invalid Address … 550
    /// Requested action not taken: mailbox unavailable" is Exchange's wording for a mailbox
    /// that does not exist; Sisimai files it as "filtered".
    static let deliberateDifferences: Set<String> = ["lhost-zoho-03.eml"]

    /// Sisimai's own codes (x.0.9xx) and empty codes are not RFC 3463 statuses.
    static func isRFCStatus(_ status: String) -> Bool {
        let parts = status.split(separator: ".")
        guard parts.count == 3, let detail = Int(parts[2]) else { return false }
        return !(parts[1] == "0" && detail >= 900)
    }

    @Test("kind, wrong-address and status agreement reach the issue's thresholds")
    func agreement() throws {
        let directory = try Self.corpusDirectory()
        let expected = try JSONDecoder().decode(Expected.self, from: Data(contentsOf: directory.appendingPathComponent("expected.json")))
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".eml") }.sorted()
        #expect(files.count == expected.samples.count)

        var kindTotal = 0, kindAgree = 0
        var specialWrong: [String] = []
        var replies: [String] = []
        var hardTotal = 0, hardFound = 0, wrongCalls = 0, wrongCallsHard = 0
        var statusTotal = 0, statusAgree = 0
        var unparsed: [String] = []
        var mismatches: [String] = []

        for file in files {
            let bytes = try [UInt8](Data(contentsOf: directory.appendingPathComponent(file)))
            let message = MIMEMessage.parse(bytes)
            let result = InboundClassifier.classify(message)
            if result.kind == .reply { replies.append(file) }
            guard let verdicts = expected.samples[file] ?? nil, let first = verdicts.first else {
                if message.isUnreadable || result.kind == .other { unparsed.append("\(file): \(result.reason)") }
                continue
            }
            let wantedKind = Self.delayNotices.contains(file) ? .deliveryReport : Self.expectedKind(first.reason)
            kindTotal += 1
            if result.kind == wantedKind {
                kindAgree += 1
            } else {
                mismatches.append("kind \(file): want \(wantedKind.rawValue) got \(result.kind.rawValue) (\(result.reason))")
                if wantedKind != .bounce { specialWrong.append(file) }
            }
            guard wantedKind == .bounce else { continue }
            if Self.deliberateDifferences.contains(file) {
                print("inbound corpus: deliberate difference \(file): \(result.recipients.map { "\($0.cause.rawValue) \($0.status ?? "-")" })")
                continue
            }
            for (index, verdict) in verdicts.enumerated() {
                // Delay notices are delivery reports here but bounces for Sisimai: their
                // recipients are still compared.
                let mine = result.recipients.isEmpty ? nil : result.recipients[min(index, result.recipients.count - 1)]
                let wrong = mine?.wrongAddress ?? false
                if verdict.hard {
                    hardTotal += 1
                    if wrong { hardFound += 1 }
                }
                if wrong {
                    wrongCalls += 1
                    if verdict.hard { wrongCallsHard += 1 }
                }
                if wrong != verdict.hard {
                    mismatches.append("hard \(file)#\(index): sisimai \(verdict.hard) (\(verdict.reason)) mine \(wrong) (\(mine.map { "\($0.cause.rawValue) \($0.status ?? "-") \($0.diagnostic ?? "")" } ?? "none"))")
                }
                if Self.isRFCStatus(verdict.status) {
                    statusTotal += 1
                    if mine?.status == verdict.status {
                        statusAgree += 1
                    } else {
                        mismatches.append("status \(file)#\(index): sisimai \(verdict.status) mine \(mine?.status ?? "none")")
                    }
                }
            }
        }

        func rate(_ part: Int, _ whole: Int) -> Double { whole == 0 ? 1 : Double(part) / Double(whole) }
        let kindRate = rate(kindAgree, kindTotal)
        let recall = rate(hardFound, hardTotal)
        let precision = rate(wrongCallsHard, wrongCalls)
        let statusRate = rate(statusAgree, statusTotal)
        print("inbound corpus: kind \(kindAgree)/\(kindTotal) = \(String(format: "%.1f", kindRate * 100))%")
        print("inbound corpus: wrong-address recall \(hardFound)/\(hardTotal) = \(String(format: "%.1f", recall * 100))%, precision \(wrongCallsHard)/\(wrongCalls) = \(String(format: "%.1f", precision * 100))%")
        print("inbound corpus: RFC 3463 status \(statusAgree)/\(statusTotal) = \(String(format: "%.1f", statusRate * 100))%")
        print("inbound corpus: files without verdict that did not classify: \(unparsed.count); called reply: \(replies.count)")
        for line in mismatches { print("  " + line) }

        #expect(kindRate >= 0.97)
        #expect(specialWrong.isEmpty, "every auto-reply, complaint and delivery report must be recognised: \(specialWrong)")
        #expect(replies.isEmpty, "no corpus file is a human reply: \(replies)")
        #expect(recall >= 0.95)
        #expect(precision >= 0.95)
        #expect(statusRate >= 0.90)
        #expect(unparsed.isEmpty, "files without a verdict must still parse: \(unparsed)")
    }
}
