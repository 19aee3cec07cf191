import Foundation
import Testing
import RelanceCore
import RelanceDaemon

@Suite struct IngestConfigurationTests {
    static func load(_ text: String) throws(ConfigurationError) -> RelanceConfiguration {
        try ConfigurationLoader.parse(text, file: URL(fileURLWithPath: "/etc/relance/relance.toml"))
    }

    @Test func termsAndTheSafetyThresholdDefaultToTheLawAndTwentyPercent() throws {
        let creditor = try #require(try Self.load("""
            [creditors.acme]
            legal_name = "ACME SAS"
            sender = "compta@acme.example"
            """).creditors.first)
        #expect(creditor.defaultPaymentTermsDays == 30)
        #expect(creditor.massSettlementThresholdPercent == 20)
    }

    @Test func aCreditorOverridesTheSharedDefaults() throws {
        let configuration = try Self.load("""
            [defaults]
            default_payment_terms_days = 45
            mass_settlement_threshold_percent = 10

            [creditors.acme]
            legal_name = "ACME SAS"
            sender = "compta@acme.example"
            mass_settlement_threshold_percent = 50

            [creditors.beta]
            legal_name = "Beta SAS"
            sender = "compta@beta.example"
            """)
        let acme = try #require(configuration.creditor("acme"))
        let beta = try #require(configuration.creditor("beta"))
        #expect(acme.defaultPaymentTermsDays == 45)
        #expect(acme.massSettlementThresholdPercent == 50)
        #expect(beta.massSettlementThresholdPercent == 10)
    }

    @Test func aThresholdAboveOneHundredIsRefusedWithTheKey() {
        #expect {
            try Self.load("""
                [creditors.acme]
                legal_name = "ACME SAS"
                sender = "compta@acme.example"
                mass_settlement_threshold_percent = 150
                """)
        } throws: { error in
            "\(error)".contains("mass_settlement_threshold_percent")
        }
    }
}
