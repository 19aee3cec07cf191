public import Logging
import RelanceCore

/// Wraps the real log handler so that every message and metadata value is written with its
/// control characters escaped (`PrintableText`): imported names, file names and mail subjects
/// reach the log, and a raw line break in one would forge a log record of its own.
public struct EscapingLogHandler<Wrapped: LogHandler>: LogHandler {
    public var wrapped: Wrapped

    public init(_ wrapped: Wrapped) { self.wrapped = wrapped }

    public var logLevel: Logger.Level {
        get { wrapped.logLevel }
        set { wrapped.logLevel = newValue }
    }

    public var metadataProvider: Logger.MetadataProvider? {
        get { wrapped.metadataProvider }
        set { wrapped.metadataProvider = newValue }
    }

    public var metadata: Logger.Metadata {
        get { wrapped.metadata }
        set { wrapped.metadata = Self.escape(newValue) }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { wrapped[metadataKey: key] }
        set { wrapped[metadataKey: key] = newValue.map(Self.escape) }
    }

    public func log(event: LogEvent) {
        var event = event
        event.message = "\(PrintableText.escape(event.message.description))"
        event.metadata = event.metadata.map(Self.escape)
        wrapped.log(event: event)
    }

    static func escape(_ metadata: Logger.Metadata) -> Logger.Metadata {
        metadata.reduce(into: [:]) { result, entry in result[PrintableText.escape(entry.key)] = escape(entry.value) }
    }

    static func escape(_ value: Logger.Metadata.Value) -> Logger.Metadata.Value {
        switch value {
        case .string(let text): .string(PrintableText.escape(text))
        case .stringConvertible(let convertible): .string(PrintableText.escape(convertible.description))
        case .array(let values): .array(values.map(escape))
        case .dictionary(let dictionary): .dictionary(escape(dictionary))
        }
    }
}
