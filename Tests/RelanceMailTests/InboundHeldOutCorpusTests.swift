import Foundation
import Testing
@testable import RelanceMail

/// A second public collection of real bounces, apart from Sisimai's (Fixtures/bounces-flufl:
/// GNU Mailman's flufl.bounce test data, Apache-2.0), labelled by hand by category. It checks
/// the classifier on shapes its rules were not written from, and reports per category, because
/// one overall figure hides a category that fails whole (delay warnings, "mailbox unavailable").
@Suite("Inbound held-out corpus (flufl.bounce) by category")
struct InboundHeldOutCorpusTests {
    struct Labels: Decodable {
        let labels: [String: String]
    }

    /// Categories whose recipients' addresses are wrong: the reaction is a phone-call task.
    static let wrongAddressCategories: Set<String> = ["unknown-user", "unknown-domain"]

    static func expectedKinds(_ category: String) -> Set<InboundKind> {
        switch category {
        case "delayed": [.deliveryReport]
        case "reply": [.reply]
        // A list's moderation notice or a program's auto-reply: anything but a reply or a bounce.
        case "not-a-reply": [.autoreply, .other, .deliveryReport]
        default: [.bounce]
        }
    }

    @Test("every category reaches its bar; no machine's message is called a human reply")
    func agreementByCategory() throws {
        let directory = try #require(Bundle.module.url(forResource: "bounces-flufl", withExtension: nil, subdirectory: "Fixtures"))
        let labels = try JSONDecoder().decode(Labels.self, from: Data(contentsOf: directory.appendingPathComponent("labels.json"))).labels
        var total: [String: Int] = [:], kindAgree: [String: Int] = [:], wrongAgree: [String: Int] = [:]
        var hardTotal = 0, hardFound = 0, wrongCalls = 0, wrongCallsRight = 0
        var falseReplies: [String] = []
        var misses: [String] = []

        for (file, category) in labels.sorted(by: { $0.key < $1.key }) {
            let bytes = try [UInt8](Data(contentsOf: directory.appendingPathComponent(file)))
            let result = InboundClassifier.classify(MIMEMessage.parse(bytes))
            total[category, default: 0] += 1
            let kindRight = Self.expectedKinds(category).contains(result.kind)
            if kindRight { kindAgree[category, default: 0] += 1 } else {
                misses.append("kind \(file) [\(category)]: got \(result.kind.rawValue) (\(result.reason))")
            }
            if result.kind == .reply && category != "reply" { falseReplies.append(file) }
            guard result.kind == .bounce || Self.expectedKinds(category).contains(.bounce) else { continue }
            let expectedWrong = Self.wrongAddressCategories.contains(category)
            let calledWrong = result.kind == .bounce && result.recipients.contains(where: \.wrongAddress)
            if expectedWrong { hardTotal += 1; if calledWrong { hardFound += 1 } }
            if calledWrong { wrongCalls += 1; if expectedWrong { wrongCallsRight += 1 } }
            if calledWrong == expectedWrong { wrongAgree[category, default: 0] += 1 } else {
                let detail = result.recipients.map { "\($0.address ?? "?") \($0.cause.rawValue) \($0.status ?? "-")" }.joined(separator: ", ")
                misses.append("address \(file) [\(category)]: wrong=\(calledWrong) (\(detail))")
            }
        }

        func percent(_ part: Int, _ whole: Int) -> String { String(format: "%.1f%%", whole == 0 ? 100 : Double(part) * 100 / Double(whole)) }
        for category in total.keys.sorted() {
            let count = total[category]!
            let address = Self.expectedKinds(category).contains(.bounce) ? "\(wrongAgree[category] ?? 0)/\(count)" : "n/a"
            print("held-out \(category): \(count) files, kind \(percent(kindAgree[category] ?? 0, count)), right wrong-address verdict \(address)")
        }
        print("held-out: wrong-address recall \(hardFound)/\(hardTotal) = \(percent(hardFound, hardTotal)), precision \(wrongCallsRight)/\(wrongCalls) = \(percent(wrongCallsRight, wrongCalls))")
        for line in misses { print("  " + line) }

        let kindTotal = total.values.reduce(0, +), kindRight = kindAgree.values.reduce(0, +)
        #expect(falseReplies.isEmpty, "machines' messages called human replies: \(falseReplies)")
        #expect(Double(kindRight) / Double(kindTotal) >= 0.97)
        #expect(Double(hardFound) / Double(hardTotal) >= 0.95)
        #expect(Double(wrongCallsRight) / Double(max(wrongCalls, 1)) >= 0.95)
        #expect(kindAgree["delayed"] == total["delayed"], "delay warnings are delivery reports, not bounces")
    }

    /// The same files with CRLF and bare-CR line ends (as some mail stores and Windows tools
    /// keep them) must get the same verdicts.
    @Test("line ends change no verdict")
    func lineEnds() throws {
        let directory = try #require(Bundle.module.url(forResource: "bounces-flufl", withExtension: nil, subdirectory: "Fixtures"))
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".eml") }
        var differences: [String] = []
        func verdict(_ bytes: [UInt8]) -> String {
            let result = InboundClassifier.classify(MIMEMessage.parse(bytes))
            return "\(result.kind.rawValue) \(result.recipients.map { "\($0.address ?? "?")=\($0.wrongAddress)" })"
        }
        for file in files.sorted() {
            let lf = try [UInt8](Data(contentsOf: directory.appendingPathComponent(file))).filter { $0 != 13 }
            let crlf = lf.flatMap { $0 == 10 ? [13, 10] : [$0] }
            let cr = lf.map { $0 == 10 ? 13 : $0 }
            let expected = verdict(lf)
            for (name, bytes) in [("CRLF", crlf), ("CR", cr)] where verdict(bytes) != expected {
                differences.append("\(file) \(name): \(verdict(bytes)) instead of \(expected)")
            }
        }
        #expect(differences.isEmpty, "\(differences)")
    }
}
