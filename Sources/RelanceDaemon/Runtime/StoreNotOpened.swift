/// `RelanceRuntime.init` was asked to open a PostgreSQL book itself: only `RelanceRuntime.open`
/// (which connects, asynchronously) does; `init` opens the SQLite file or takes an open store.
/// Said, rather than opening the SQLite file in the PostgreSQL book's place.
public struct StoreNotOpened: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var url: String

    public var description: String {
        "\(file): [store] url = \"\(url)\" names a PostgreSQL book, which RelanceRuntime.open opens; nothing was opened"
    }
}
