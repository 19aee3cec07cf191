import Foundation
import Testing
import RelanceCore
import RelanceDaemon

/// Issue #11: an ECB rate that is really the penalty rate is refused with the reason; a step
/// may count business days.
@Suite struct PenaltiesAndStepsConfigurationTests {
    static let creditor = """
        [creditors.acme]
        legal_name = "ACME SAS"
        sender = "compta@acme.example"
        """

    @Test func theLegalPenaltyRateTypedAsTheECBRateIsRefused() {
        do {
            _ = try ConfigurationLoader.parse(Self.creditor + "\n[penalties]\necb_rates = { \"2026-S2\" = 12.40 }\n",
                                              file: URL(fileURLWithPath: "/etc/relance/relance.toml"))
            Issue.record("12.40 % was accepted as an ECB rate")
        } catch {
            #expect(error.key.hasSuffix("ecb_rates.2026-S2"), "\(error.key)")
            #expect(error.message.contains("ECB main refinancing rate itself"))
            #expect(error.message.contains("adds the 10 points"))
            #expect(error.message.contains("= 2.40"))
        }
    }

    @Test func aPlausibleECBRateIsUsed() throws {
        let configuration = try ConfigurationLoader.parse(Self.creditor + "\n[penalties]\necb_rates = { \"2099-S1\" = 2.15 }\n",
                                                          file: URL(fileURLWithPath: "/etc/relance/relance.toml"))
        let terms = try #require(configuration.creditors.first).terms
        #expect(try terms.annualRate(for: Semester("2099-S1")!).get().basisPoints == 1215)
    }

    @Test func aStepCanWaitBusinessDays() throws {
        let configuration = try ConfigurationLoader.parse(Self.creditor + """

            policy = "business"
            [policies.business]
            [[policies.business.steps]]
            name = "first-reminder"
            after_due_days = 5
            [[policies.business.steps]]
            name = "second-reminder"
            after_previous_business_days = 7
            """, file: URL(fileURLWithPath: "/etc/relance/relance.toml"))
        let policy = try #require(configuration.creditors.first).policy
        #expect(policy.steps.map(\.trigger) == [.afterDue(days: 5), .afterPreviousBusinessDays(days: 7)])
    }

    @Test func twoTriggersOnOneStepAreRefused() {
        #expect(throws: ConfigurationError.self) {
            try ConfigurationLoader.parse(Self.creditor + """

                policy = "business"
                [policies.business]
                [[policies.business.steps]]
                name = "first-reminder"
                after_previous_days = 5
                after_previous_business_days = 7
                """, file: URL(fileURLWithPath: "/etc/relance/relance.toml"))
        }
    }
}
