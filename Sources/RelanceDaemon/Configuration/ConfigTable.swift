import TOMLKit

/// A TOML table read with its dotted key path in hand, so that every error names the key
/// and the file. Unknown keys are refused: a misspelt `smtp.prot` silently ignored would
/// send mail to the wrong place.
struct ConfigTable {
    let table: TOMLTable
    let path: String
    let file: String

    func key(_ name: String) -> String { path.isEmpty ? name : "\(path).\(name)" }

    func error(_ name: String, _ message: String) -> ConfigurationError {
        ConfigurationError(file: file, key: key(name), message)
    }

    func string(_ name: String) throws(ConfigurationError) -> String? {
        guard let value = table[name] else { return nil }
        guard let text = value.string else { throw error(name, "must be a string in quotes, found \(value.type)") }
        return text
    }

    func requiredString(_ name: String, hint: String) throws(ConfigurationError) -> String {
        guard let text = try string(name), !text.isEmpty else { throw error(name, "is missing: \(hint)") }
        return text
    }

    func int(_ name: String, in range: ClosedRange<Int>) throws(ConfigurationError) -> Int? {
        guard let value = table[name] else { return nil }
        guard let number = value.int else { throw error(name, "must be a whole number, found \(value.type)") }
        guard range.contains(number) else { throw error(name, "must be between \(range.lowerBound) and \(range.upperBound), found \(number)") }
        return number
    }

    func double(_ name: String, in range: ClosedRange<Double>) throws(ConfigurationError) -> Double? {
        guard let value = table[name] else { return nil }
        guard let number = value.double ?? value.int.map(Double.init) else { throw error(name, "must be a number, found \(value.type)") }
        guard range.contains(number) else { throw error(name, "must be between \(range.lowerBound) and \(range.upperBound), found \(number)") }
        return number
    }

    func bool(_ name: String) throws(ConfigurationError) -> Bool? {
        guard let value = table[name] else { return nil }
        guard let flag = value.bool else { throw error(name, "must be true or false, found \(value.type)") }
        return flag
    }

    func strings(_ name: String) throws(ConfigurationError) -> [String]? {
        guard let value = table[name] else { return nil }
        guard let array = value.array else { throw error(name, "must be a list of strings like [\"a\", \"b\"], found \(value.type)") }
        var result: [String] = []
        for element in array {
            guard let text = element.string else { throw error(name, "must hold only strings, found \(element.type)") }
            result.append(text)
        }
        return result
    }

    func subtable(_ name: String) throws(ConfigurationError) -> ConfigTable? {
        guard let value = table[name] else { return nil }
        guard let inner = value.table else { throw error(name, "must be a table ([\(key(name))]), found \(value.type)") }
        return ConfigTable(table: inner, path: key(name), file: file)
    }

    /// Refuses keys the program does not know, and any key that looks like a secret.
    func refuseUnknownKeys(_ known: Set<String>) throws(ConfigurationError) {
        for name in table.keys.sorted() {
            let lower = name.lowercased()
            if lower.contains("password") && !lower.hasSuffix("_credential") || lower == "secret" || lower == "token" {
                throw error(name, """
                    secrets never go in the configuration file. Name a credential instead \
                    (e.g. password_credential = "smtp-password") and provide it with systemd's LoadCredential= \
                    or the environment variable RELANCE_CREDENTIAL_SMTP_PASSWORD.
                    """)
            }
            guard known.contains(name) else {
                throw error(name, "is not a known setting here; known settings: \(known.sorted().joined(separator: ", "))")
            }
        }
    }
}
