import Foundation
import Testing
import RelanceCore
import RelanceDaemon
import RelanceTesting

@Suite struct ConfigurationLoaderTests {
    static let file = URL(fileURLWithPath: "/etc/relance/relance.toml")

    static func load(_ text: String) throws(ConfigurationError) -> RelanceConfiguration {
        try ConfigurationLoader.parse(text, file: file)
    }

    static let minimal = """
        [creditors.acme]
        legal_name = "ACME SAS"
        sender = "compta@acme.example"
        """

    @Test func theBundledExampleLoads() throws {
        let configuration = try ConfigurationLoader.load(from: RepositoryPaths.examples.appendingPathComponent("relance.toml"))
        let creditor = try #require(configuration.creditor("atelier-dupont"))
        #expect(creditor.active)
        #expect(creditor.verp)
        #expect(creditor.smtp == nil)
        #expect(creditor.policy.name == "standard")
        #expect(configuration.storeFile.path.hasSuffix("examples/work/state/relance.sqlite"))
    }

    @Test func defaultsAreSafe() throws {
        let configuration = try Self.load(Self.minimal)
        let creditor = try #require(configuration.creditors.first)
        #expect(!creditor.active)   // review mode until a person says otherwise
        #expect(creditor.bounceAddress == creditor.senderAddress)
        #expect(creditor.timeZone == "Europe/Paris")
        #expect(configuration.storeFile.path == "/var/lib/relance/relance.sqlite")
    }

    @Test func sharedDefaultsApplyUnlessACreditorOverrides() throws {
        let configuration = try Self.load("""
            [defaults]
            language = "en"
            [defaults.smtp]
            host = "smtp.example.com"
            username = "relance"
            password_credential = "smtp-password"
            [creditors.a]
            legal_name = "A"
            sender = "a@a.example"
            [creditors.b]
            legal_name = "B"
            sender = "b@b.example"
            language = "fr"
            [creditors.b.smtp]
            host = "smtp.b.example"
            security = "tls"
            """)
        let a = try #require(configuration.creditor("a"))
        let b = try #require(configuration.creditor("b"))
        #expect(a.language == .english)
        #expect(a.smtp?.host == "smtp.example.com")
        #expect(a.smtp?.port == 587)
        #expect(b.language == .french)
        #expect(b.smtp?.port == 465)
        // Several creditors: each has its own drop subfolder.
        #expect(a.dropSubfolder == "a")
        #expect(configuration.dropFolder(of: b).lastPathComponent == "b")
    }

    @Test(arguments: [
        ("[creditors.acme]\nlegal_name = \"A\"\n", "creditors.acme.sender", "is missing"),
        (minimal + "\nsender_nmae = \"x\"\n", "creditors.acme.sender_nmae", "not a known setting"),
        (minimal + "\n[creditors.acme.smtp]\nhost = \"smtp.example.com\"\npassword = \"hunter2\"\n", "creditors.acme.smtp.password", "secrets never go in the configuration file"),
        (minimal + "\n[creditors.acme.smtp]\nhost = \"smtp.example.com\"\nsecurity = \"plain\"\n", "creditors.acme.smtp.security", "only allowed for a server on this machine"),
        (minimal + "\ntime_zone = \"Paris\"\n", "creditors.acme.time_zone", "unknown time zone"),
        (minimal + "\npolicy = \"harsh\"\n", "creditors.acme.policy", "no policy named \"harsh\""),
        ("[creditors.acme]\nlegal_name = \"A\"\nsender = \"compta@acme\"\n", "creditors.acme.sender", "domain"),
        ("stable_after_seconds = \"five\"\n" + minimal, "stable_after_seconds", "must be a number"),
    ])
    func aWrongSettingNamesTheKeyAndTheFile(text: String, key: String, message: String) {
        #expect {
            _ = try Self.load(text)
        } throws: { error in
            let error = error as! ConfigurationError
            return error.key == key && error.description.contains(message) && error.description.hasPrefix("/etc/relance/relance.toml")
        }
    }

    @Test func invalidTOMLGivesTheLine() {
        #expect {
            _ = try Self.load("drop_folder = \"x\"\n[creditors.acme\nlegal_name = 1\n")
        } throws: { error in
            (error as! ConfigurationError).line == 2
        }
    }

    @Test func secretsComeFromCredentialsOrTheEnvironment() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.write("creds/smtp-password", "from-systemd\n")
        let systemd = SecretStore(environment: ["CREDENTIALS_DIRECTORY": workspace.root.appendingPathComponent("creds").path])
        #expect(try systemd.secret(named: "smtp-password") == "from-systemd")
        let environment = SecretStore(environment: ["RELANCE_CREDENTIAL_SMTP_PASSWORD": "from-env"])
        #expect(try environment.secret(named: "smtp-password") == "from-env")
        #expect(throws: SecretError.self) { try SecretStore(environment: [:]).secret(named: "smtp-password") }
    }
}
