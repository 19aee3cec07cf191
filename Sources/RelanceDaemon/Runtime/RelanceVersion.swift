/// This build's version, as `relance --version` prints it and as a daemon sharing a PostgreSQL
/// book shows itself in `relance status` (so that a half-upgraded set of daemons is seen).
public enum RelanceVersion {
    public static let current = "0.1.0"
}
