/// A problem with a dropped file itself (not with its content).
public struct IntakeError: Error, Sendable, Hashable, CustomStringConvertible {
    public struct Code: Sendable, Hashable, RawRepresentable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        public static let unreadable = Code(rawValue: "unreadable")
        public static let notRegular = Code(rawValue: "not-regular")
        public static let tooLarge = Code(rawValue: "too-large")
        public static let moveFailed = Code(rawValue: "move-failed")
        public static let rejected = Code(rawValue: "rejected")
        public static let missingDropFolder = Code(rawValue: "missing-drop-folder")
    }

    public var code: Code
    public var file: String
    public var message: String

    public init(_ code: Code, file: String, _ message: String) {
        self.code = code
        self.file = file
        self.message = message
    }

    public var description: String { "\(file): \(message) [\(code)]" }
}
