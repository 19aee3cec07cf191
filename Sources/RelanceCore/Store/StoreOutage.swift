/// A failure that only says the store's server cannot be reached for the moment (PostgreSQL
/// restarting, the network cut): nothing is wrong with the work itself. The daemon's services try
/// it again within seconds (`ServiceLoop`), not after the long back-off meant for failures that
/// repeat (a full disk, a damaged file), so that the work resumes soon after the server does.
public protocol StoreOutage: Error {
    /// Whether this error is such an outage (an error type with codes says it per code).
    var isStoreOutage: Bool { get }
}
