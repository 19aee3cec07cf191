import Foundation
import Testing

/// The environment check: when these fail, every other integration test would fail for a
/// reason that has nothing to do with Relance.
@Suite(.mailStack) struct MailStackTests {
    @Test func everyPortAcceptsConnections() throws {
        let stack = try MailStack.require()
        for (name, port) in stack.ports {
            #expect(LoopbackProbe.answers(host: stack.host, port: port), "\(name) port \(stack.host):\(port) is closed")
        }
    }

    @Test func smtpPortsGreetWith220() throws {
        let stack = try MailStack.require()
        for port in [stack.smtpPort, stack.smtpRejectPort, stack.submissionPort] {
            let greeting = LoopbackProbe.greeting(host: stack.host, port: port)
            #expect(greeting?.hasPrefix("220 ") == true, "port \(port) greeted with \(greeting ?? "nothing")")
        }
    }

    @Test func imapGreetsWithOK() throws {
        let stack = try MailStack.require()
        let greeting = try #require(LoopbackProbe.greeting(host: stack.host, port: stack.imapPort))
        #expect(greeting.hasPrefix("* OK"), "greeting was \(greeting)")
    }

    @Test func factsPointAtTheTestDomainAndExistingFiles() throws {
        let stack = try MailStack.require()
        #expect(stack.address("t05") == "t05@\(stack.domain)")
        #expect(FileManager.default.fileExists(atPath: stack.caFile), "CA file \(stack.caFile) is missing")
        #expect(FileManager.default.fileExists(atPath: "\(stack.maildir)/t05/new"), "Maildir \(stack.maildir)/t05 is missing")
    }
}
