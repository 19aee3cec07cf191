import ArgumentParser
import Foundation
import HummingbirdBcrypt
import RelanceCore
import RelanceDaemon

/// `relance user`: the web console's users. Passwords are read from standard input (never an
/// argument, which `ps` and shell history would show) and kept as bcrypt hashes.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Add, list, remove the web console's users, or change a password.",
        subcommands: [Add.self, List.self, Remove.self, Password.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a user (or change their creditors); the password is read from standard input.",
            discussion: "Example: printf '%s\\n' 'a long passphrase' | relance user add marie --creditor acme")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "The user name: lower-case letters, digits and . _ @ -") var name: String
        @Option(help: ArgumentHelp("A creditor the user may see (repeat for several).", valueName: "id")) var creditor: [String] = []
        @Flag(help: "Every creditor, including those added later.") var allCreditors = false

        func run() async throws {
            let context = try await CommandContext(options: options)
            try await context.runtime.prepare()
            guard ConsoleUser.isValidName(name) else { throw Failure("user name \"\(name)\": use lower-case letters, digits and . _ @ - (64 at most)") }
            guard allCreditors || !creditor.isEmpty else { throw Failure("say which creditors the user sees: --creditor ID (repeatable) or --all-creditors") }
            let creditors = try Set(creditor.map { try context.creditorID($0) })
            let password = try readPassword()
            let hash = Bcrypt.hash(password, cost: 12)
            try await context.runtime.store.saveConsoleUser(ConsoleUser(name: name, passwordHash: hash, allCreditors: allCreditors, creditors: creditors),
                                                            at: context.runtime.clock.now())
            print("User \(name) saved; sees \(allCreditors ? "every creditor" : creditors.sorted().map(\.rawValue).joined(separator: ", ")).")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the users and the creditors each sees.")
        @OptionGroup var options: GlobalOptions

        func run() async throws {
            let context = try await CommandContext(options: options)
            let users = try await context.runtime.store.consoleUsers()
            if users.isEmpty { print("No user: add one with relance user add NAME --creditor ID.") }
            for user in users {
                print("\(user.name): \(user.allCreditors ? "every creditor" : user.creditors.sorted().map(\.rawValue).joined(separator: ", "))")
            }
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a user; their open sessions end at their next request.")
        @OptionGroup var options: GlobalOptions
        @Argument var name: String

        func run() async throws {
            let context = try await CommandContext(options: options)
            guard try await context.runtime.store.removeConsoleUser(named: name, at: context.runtime.clock.now()) else {
                throw Failure("no user \"\(name)\" (relance user list)")
            }
            print("User \(name) removed.")
        }
    }

    struct Password: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "passwd", abstract: "Change a user's password (read from standard input).")
        @OptionGroup var options: GlobalOptions
        @Argument var name: String

        func run() async throws {
            let context = try await CommandContext(options: options)
            guard var user = try await context.runtime.store.consoleUser(named: name) else { throw Failure("no user \"\(name)\" (relance user list)") }
            user.passwordHash = Bcrypt.hash(try readPassword(), cost: 12)
            try await context.runtime.store.saveConsoleUser(user, at: context.runtime.clock.now())
            print("Password of \(name) changed.")
        }
    }
}

/// The first line of standard input, at least 12 characters: a passphrase, not a word.
private func readPassword() throws -> String {
    guard let line = readLine(strippingNewline: true), !line.isEmpty else {
        throw Failure("no password on standard input: printf '%s\\n' 'the passphrase' | relance user …")
    }
    guard line.count >= 12 else { throw Failure("the password is too short: use at least 12 characters (a passphrase)") }
    guard line.utf8.count <= 72 else { throw Failure("the password is too long for bcrypt: 72 bytes at most") }
    return line
}
