/// A setting that stops start-up: names the file, the key, what is wrong and what to do.
public struct ConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    /// The dotted key, such as `creditors.acme.smtp.port`; empty for the whole file.
    public var key: String
    public var message: String
    public var line: Int?
    public var column: Int?

    public init(file: String, key: String, _ message: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.key = key
        self.message = message
        self.line = line
        self.column = column
    }

    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        return key.isEmpty ? "\(location): \(message)" : "\(location): \(key): \(message)"
    }
}
