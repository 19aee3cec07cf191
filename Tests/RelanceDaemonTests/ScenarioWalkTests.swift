import Foundation
import Testing
import RelanceCore
import RelanceDaemon
import RelanceMail
import RelanceTesting

/// Issue #11, "Done means": whole scenarios. One export and one contacts file, then every day
/// from 12 October 2026 to 29 January 2027 goes through `runOnce` with the clock set to 10:00
/// in Paris, as `relance run --once --now DAY` would, on the built-in French ladder:
/// - C1 owes two invoices and holds a 180,00 € credit note, set against the older one: every
///   email, letter and notice shows the credit and demands what the plan claims;
/// - C2 disputes one of its two invoices on the phone: nothing demands it afterwards, and the
///   formal documents list it as "contestée";
/// - C3 comes in mid-ladder through the contacts file (a registered letter already sent): it
///   gets no email, its next step is the formal notice, which recalls the registered letter.
@Suite(.serialized) struct ScenarioWalkTests {
    static let acme = CreditorID("acme")!
    static func euros(_ cents: Int64) -> String { Money(minorUnits: cents, currency: .euro).formatted(locale: .french) }

    static let settings = """
        address = ["3 quai de la Fosse", "44000 Nantes"]
        siren = "123 456 782"
        rcs = "RCS Nantes 123 456 782"
        language = "fr"

        [penalties]
        ecb_rates = { "2026-S2" = 2.15, "2027-S1" = 2.15 }
        """

    /// The accountant's weekly export, dated: the ledger never goes stale during the walk.
    static func export(asOf day: String) -> String { "Balance âgée au \(day)\n" + rows }

    static let rows = """
        customer;name;email;invoice;issue_date;due_date;amount
        C1;Brasserie du Port;compta@brasserie.example;F-100;01/09/2026;01/10/2026;1092,00
        C1;Brasserie du Port;compta@brasserie.example;F-120;20/09/2026;20/10/2026;500,00
        C1;Brasserie du Port;compta@brasserie.example;AV-7;10/10/2026;;-180,00
        C2;Garage Martin;compta@garage.example;F-200;01/09/2026;01/10/2026;800,00
        C2;Garage Martin;compta@garage.example;F-210;05/09/2026;05/10/2026;400,00
        C3;Hôtel des Ducs;compta@hotel.example;F-300;15/08/2026;15/09/2026;2500,00

        """

    static let contacts = """
        Code client;Raison sociale;Email;Téléphone;Adresse;Étape atteinte;Dernier contact
        C1;Brasserie du Port;compta@brasserie.example;02 40 00 00 01;1 rue du Port, 44000 Nantes;;
        C2;Garage Martin;compta@garage.example;02 40 00 00 02;2 rue des Garages, 44100 Nantes;;
        C3;Hôtel des Ducs;compta@hotel.example;02 40 00 00 03;3 place du Château, 44000 Nantes;registered-letter;02/11/2026

        """

    struct Email { var day: String; var to: String; var text: String }
    struct Document { var day: String; var customer: String; var step: String; var html: String }

    struct Walk {
        var emails: [Email] = []
        var documents: [Document] = []
        var plans: [String: Plan] = [:]
        var disputeTask: Int64?
    }

    /// Every calendar day of the walk: weekends and holidays included, as the daemon lives them.
    static func days(from start: String, to end: String) -> [String] {
        var day = CivilDate(iso8601: start)!
        var days: [String] = []
        while day <= CivilDate(iso8601: end)! { days.append(day.iso8601); day = day.adding(days: 1) }
        return days
    }

    static func walk() async throws -> (Walk, DaemonFixture, RelanceRuntime) {
        let fixture = try DaemonFixture(extraCreditorSettings: settings)
        try fixture.drop("contacts.csv", contacts)
        fixture.clock.set(to: try Date("2026-10-12T10:00:00+02:00", strategy: .iso8601))
        let runtime = try fixture.runtime()
        var walk = Walk()
        var seen: Set<String> = []
        for day in days(from: "2026-10-12", to: "2027-01-29") {
            fixture.clock.set(to: try Date("\(day)T10:00:00+01:00", strategy: .iso8601))
            if CivilDate(iso8601: day)!.isoWeekday == 1 { try fixture.drop("balance-\(day).csv", export(asOf: day)) }
            let report = try await runtime.runOnce()
            let planning = report.planning[acme]
            #expect(planning?.failures.isEmpty ?? true, "\(day): \(planning?.failures ?? [])")
            walk.plans[day] = planning?.plan
            for name in fixture.workspace.files(in: "outbox/acme").sorted() where seen.insert(name).inserted {
                let bytes = Array(try fixture.workspace.read("outbox/acme/\(name)").utf8)
                let message = MIMEMessage.parse(bytes)
                let text = try #require(message.root.allParts.first { $0.contentType == "text/plain" }?.text)
                walk.emails.append(Email(day: day, to: message.headers["To"] ?? "", text: text))
            }
            for url in planning?.documents ?? [] where url.pathExtension == "html" {
                let name = url.deletingPathExtension().lastPathComponent
                let customer = String(name.prefix { $0 != "-" })
                walk.documents.append(Document(day: day, customer: customer, step: String(name.dropFirst(customer.count + 1)),
                                               html: try String(contentsOf: url, encoding: .utf8)))
            }
            // People do their part: calls get an outcome the next day. C2 disputes F-210.
            let c2 = try await runtime.store.customerID(external: "C2", of: acme)
            for task in try await runtime.store.tasks(of: acme, state: .open) where task.kind == .call {
                let isC2 = task.customerID != nil && task.customerID == c2
                let outcome: TaskOutcome = isC2 && walk.disputeTask == nil ? .dispute(invoices: ["F-210"]) : .noAnswer
                try await PeopleActions(runtime: runtime).recordOutcome(outcome, onTask: task.id, by: "walk", channel: .cli)
                if case .dispute = outcome { walk.disputeTask = task.id }
            }
            // Letters count as sent once a person records them posted: here, the day they are written.
            for task in try await runtime.store.tasks(of: acme, state: .open) where [.letter, .registeredLetter, .formalNotice].contains(task.kind) {
                let today = CivilDate(runtime.clock.now(), in: TimeZone(identifier: "Europe/Paris")!)
                try await PeopleActions(runtime: runtime).recordOutcome(.letterPosted(on: today, trackingNumber: "1A00000000001",
                                                                                      acknowledgedOn: nil),
                                                                        onTask: task.id, by: "walk", channel: .cli)
            }
        }
        return (walk, fixture, runtime)
    }

    @Test func aWalkThroughTheLadderDemandsWhatThePlanClaims() async throws {
        let (walk, fixture, runtime) = try await Self.walk()
        defer { withExtendedLifetime(fixture) {} }

        // C1: every email shows the credit note and the net, as the plan of that day claims.
        let c1 = walk.emails.filter { $0.to.contains("brasserie") }
        #expect(c1.count >= 3, "\(c1.map(\.day))")
        for email in c1 {
            let contact = try #require(walk.plans[email.day]?.contacts.first { $0.customer.externalID == "C1" })
            let net = contact.demand.net.map { $0.formatted(locale: .french) }.joined(separator: " + ")
            // An email about F-100 shows the credit set against it; one about F-120 alone has none.
            let aboutF100 = contact.invoices.contains { $0.receivable.number == "F-100" }
            #expect(contact.demand.hasCredits == aboutF100)
            #expect(email.text.contains("avoir n°\u{00A0}AV-7 du 10/10/2026 déduit : −\(Self.euros(18_000))") == aboutF100, "\(email.day)")
            #expect(email.text.contains("reste à régler sur cette facture : \(Self.euros(91_200))") == aboutF100, "\(email.day)")
            #expect(email.text.contains("restant dû : \(net)") || email.text.contains("Montant total : \(net)"), "\(email.day): \(net)\n\(email.text)")
            #expect(Demand.sumByCurrency(contact.invoices.map(\.claimed)) == contact.demand.net)
        }
        let c1Letters = walk.documents.filter { $0.customer == "C1" }
        #expect(Set(c1Letters.map(\.step)).isSuperset(of: ["formal-letter", "registered-letter", "formal-notice"]), "\(c1Letters.map(\.step))")
        for letter in c1Letters {
            #expect(letter.html.contains("AV-7 du 10/10/2026"), "\(letter.step)")
            #expect(letter.html.contains(Self.euros(91_200)), "\(letter.step)")
        }
        // The aged balance says the same: 1 412,00 € net, the credit on its own line, never late.
        let aging = AgedBalance(receivables: try await runtime.store.openReceivables(of: Self.acme).filter { $0.customer.externalID == "C1" },
                                asOf: CivilDate(iso8601: "2027-01-29")!)
        #expect(aging.totals.first?.totalAmount.formatted(locale: .french) == Self.euros(141_200))
        #expect(aging.customers[0].invoices.first { $0.receivable.number == "AV-7" }?.bucket == .credit)

        // C2: once disputed on the phone, F-210 is demanded by nothing, and listed as contestée.
        #expect(walk.disputeTask != nil)
        let c2Letters = walk.documents.filter { $0.customer == "C2" }
        #expect(!c2Letters.isEmpty)
        for letter in c2Letters {
            #expect(letter.html.contains("<td>F-210</td>") && letter.html.contains("<td>contestée</td>"), "\(letter.step)")
            #expect(letter.html.contains(Self.euros(80_000)))
            #expect(!letter.html.contains("<td class=\"num\">\(Self.euros(40_000))</td><td class=\"num\">"), "\(letter.step) demands F-210")
        }
        let disputeDay = try #require(walk.plans.keys.sorted().first { day in
            (walk.plans[day]?.decisions ?? []).contains { $0.customer == "C2" && $0.rule == .disputed }
        })
        for email in walk.emails where email.to.contains("garage") && email.day >= disputeDay {
            #expect(!email.text.contains("F-210"), "\(email.day): an email demands the disputed invoice")
        }
        for (day, plan) in walk.plans where day >= disputeDay {
            for task in plan.tasks where task.customer.externalID == "C2" {
                #expect(!task.allInvoices.contains { $0.receivable.number == "F-210" }, "\(day): \(task.step.name) demands F-210")
            }
        }

        // C3: brought in at the registered letter; no email, the formal notice recalls the letter.
        #expect(walk.emails.filter { $0.to.contains("hotel") }.isEmpty, "\(walk.emails.filter { $0.to.contains("hotel") }.map(\.day))")
        let c3 = walk.documents.filter { $0.customer == "C3" }
        #expect(c3.first?.step == "formal-notice", "\(c3.map(\.step))")
        let notice = try #require(c3.first)
        #expect(notice.html.contains("le 2\u{00A0}novembre\u{00A0}2026 : lettre recommandée avec accusé de réception"), "\(notice.html)")
        #expect(!notice.html.contains("prise de contact"))
    }
}
