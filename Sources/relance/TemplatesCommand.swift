import ArgumentParser
import Foundation
import RelanceDaemon
import RelanceMail

struct TemplatesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates",
        abstract: "Work with the mail templates.",
        subcommands: [Check.self])

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Check every template: syntax, unknown variables, missing templates (file and line for each problem).")

        @Argument(help: ArgumentHelp("The templates folder.", valueName: "folder"))
        var folder = "mail-templates"

        func run() async throws {
            let files = try TemplateLoader.files(in: URL(fileURLWithPath: folder))
            var problems = TemplateChecker(requiredDocuments: TemplateChecker.defaultDocumentNames).check(files: files)
            do {
                _ = try TemplateRenderer(files: files)
            } catch {
                problems += error.problems
            }
            guard problems.isEmpty else {
                for problem in problems { print(problem) }
                throw ExitCode.failure
            }
            print("\(files.count) template files in \(folder): no problem found")
        }
    }
}
