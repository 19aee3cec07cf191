import ArgumentParser
import Foundation
import RelanceMail
import RelanceCore

struct InspectMailCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect-mail",
        abstract: "Classify email files (bounce, auto-reply, complaint, delivery report, reply, other); needs no store or configuration.",
        discussion: "With --json, prints one JSON object per file and line: file, kind, recipients, references, return_date, hints.")

    @Argument(help: ArgumentHelp("Email files (.eml, RFC 5322).", valueName: "file"))
    var files: [String]

    @Flag(help: "One JSON object per line.")
    var json = false

    func run() throws {
        var unreadable = false
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                FileHandle.standardError.write(Data("\(file): cannot read the file\n".utf8))
                unreadable = true
                continue
            }
            let result = InboundClassifier.classify(MIMEMessage.parse([UInt8](data)))
            if json {
                print(InspectMailReport(file: file, classification: result).jsonLine)
                // What was cut or skipped (a header over its limit…) goes beside the JSON, as import's warnings do.
                for defect in result.defects { FileHandle.standardError.write(Data("\(file): warning: \(defect)\n".printable.utf8)) }
                continue
            }
            print("\(file): \(result.kind.rawValue) — \(result.reason)".printable)
            for defect in result.defects { print("    warning: \(defect)".printable) }
            for recipient in result.recipients {
                print("    \(recipient.address ?? "?") \(recipient.status ?? "") \(recipient.permanent ? "permanent" : "temporary")\(recipient.wrongAddress ? ", wrong address" : "")".printable)
            }
            if let date = result.returnDate { print("    back on \(date)") }
            if !result.hints.isEmpty { print("    hints: \(result.hints.map(\.description).joined(separator: ", "))".printable) }
        }
        if unreadable { throw ExitCode.failure }
    }
}
