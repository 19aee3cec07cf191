import Testing
@testable import RelancePostgres

/// `[store] url`, `sslmode` and `sslrootcert`: parsed as libpq users expect, secrets refused.
@Suite struct PostgresSettingsTests {
    @Test func aFullURLIsParsedAndVerifiedTLSIsTheDefault() throws {
        let settings = try PostgresStoreSettings.parse(url: "postgresql://relance@db.example:6543/book")
        #expect(settings.host == "db.example" && settings.port == 6543 && settings.user == "relance" && settings.database == "book")
        #expect(settings.sslMode == .verifyFull)
        #expect(settings.redactedURL == "postgresql://relance@db.example:6543/book")
        #expect(try PostgresStoreSettings.parse(url: "postgres://r@[::1]/d").host == "::1")
        #expect(try PostgresStoreSettings.parse(url: "postgres://r@h/d").port == 5432)
    }

    @Test(arguments: ["disable", "require", "verify-ca", "verify-full"]) func libpqModesAreAccepted(_ mode: String) throws {
        #expect(try PostgresStoreSettings.parse(url: "postgresql://r@h/d", sslMode: mode).sslMode.rawValue == mode)
    }

    @Test(arguments: [
        ("postgresql://relance:secret@h/d", "password_credential"),
        ("mysql://r@h/d", "postgresql://"),
        ("postgresql://h/d", "no user"),
        ("postgresql://r@h", "no database"),
        ("postgresql://r@h/d?sslmode=disable", "settings of [store]"),
        ("postgresql://r@h:70000/d", "out of range"),
        ("postgresql://r@h/d\n", "control characters"),
    ]) func badURLsAreRefusedSayingWhatToDo(_ url: String, _ advice: String) {
        #expect { _ = try PostgresStoreSettings.parse(url: url) } throws: { error in
            guard let error = error as? PostgresStoreError else { return false }
            return error.code == .invalidSettings && error.description.contains(advice) && !error.description.contains("secret")
        }
    }

    @Test func downgradableModesAndAUselessRootCertificateAreRefused() {
        for mode in ["prefer", "allow", "VERIFY-FULL"] {
            #expect { _ = try PostgresStoreSettings.parse(url: "postgresql://r@h/d", sslMode: mode) } throws: {
                ($0 as? PostgresStoreError)?.context["setting"] == "[store] sslmode"
            }
        }
        #expect { _ = try PostgresStoreSettings.parse(url: "postgresql://r@h/d", sslMode: "require", rootCertificatePath: "/ca.pem") } throws: {
            ($0 as? PostgresStoreError)?.context["setting"] == "[store] sslrootcert"
        }
    }

    @Test func anUnreadableRootCertificateIsReportedAtOnce() throws {
        let settings = try PostgresStoreSettings.parse(url: "postgresql://r@h/d", rootCertificatePath: "/nonexistent/ca.pem")
        #expect { _ = try settings.clientConfiguration(applicationName: "test") } throws: {
            ($0 as? PostgresStoreError)?.context["setting"] == "[store] sslrootcert"
        }
    }

    @Test func migrationScriptsSplitAtTheirStatementsOnly() {
        let statements = SQLStatementSplitter.split("""
            -- a comment; with a semicolon
            CREATE TABLE a (t TEXT DEFAULT ';');
            CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1; $$;
            CREATE FUNCTION g() RETURNS int LANGUAGE plpgsql AS $body$ BEGIN RETURN 2; END $body$;
            /* block; comment */ SELECT "odd;name" FROM a WHERE t = $1
            """)
        #expect(statements.count == 4)
        #expect(statements[1].hasSuffix("$$ SELECT 1; $$"))
        #expect(statements[2].hasSuffix("END $body$"))
        #expect(statements[3].hasSuffix("= $1"))
        #expect(PostgresMigrations.all.map(\.number) == Array(1...PostgresMigrations.all.count))
        #expect(PostgresMigrations.all.allSatisfy { !$0.statements.isEmpty })
    }
}
