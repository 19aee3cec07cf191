import Foundation
import NIOSSL
package import PostgresNIO

extension PostgresStoreSettings {
    /// PostgresNIO's configuration: TLS as `sslmode` says, the CA file read now so that a
    /// missing or unreadable one is reported at start, not at the first query.
    package func clientConfiguration(applicationName: String) throws(PostgresStoreError) -> PostgresClient.Configuration {
        var configuration = PostgresClient.Configuration(host: host, port: port, username: user, password: password,
                                                         database: database, tls: try tlsConfiguration().map { .require($0) } ?? .disable)
        configuration.options.additionalStartupParameters = [("application_name", applicationName)]
        configuration.options.connectTimeout = .seconds(10)
        return configuration
    }

    /// nil: no TLS (`disable`). Every other mode requires TLS: never a silent plain-text fallback.
    func tlsConfiguration() throws(PostgresStoreError) -> TLSConfiguration? {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.minimumTLSVersion = .tlsv12
        switch sslMode {
        case .disable: return nil
        case .require: tls.certificateVerification = .none
        case .verifyCA: tls.certificateVerification = .noHostnameVerification
        case .verifyFull: tls.certificateVerification = .fullVerification
        }
        if let rootCertificatePath {
            do {
                let certificates = try NIOSSLCertificate.fromPEMFile(rootCertificatePath)
                guard !certificates.isEmpty else { throw PostgresStoreError(.invalidSettings, "no certificate in the file") }
                tls.trustRoots = .certificates(certificates)
            } catch {
                throw PostgresStoreError(.invalidSettings,
                    "sslrootcert \(rootCertificatePath.printableForError) is not a readable PEM file of CA certificates (\(error))",
                    context: ["setting": "[store] sslrootcert"])
            }
        }
        return tls
    }
}
