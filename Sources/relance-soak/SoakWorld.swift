import Foundation
import RelanceTesting
import RelanceCore

/// The simulated world of the soak: customers, their invoices, and what happens each day
/// (new invoices, payments, disputes, replies, bounces, mail server outages), drawn from a
/// seeded generator so a run can be repeated exactly.
struct SoakWorld {
    struct Invoice {
        var number: String
        var customer: Int
        var issued: CivilDate
        var due: CivilDate
        var cents: Int64
        var disputed = false
    }

    var generator: SplitMix64
    let customers: Int
    var open: [String: Invoice] = [:]
    var nextInvoice = 1
    /// Customers whose address bounced: their address is wrong from then on.
    var wrongAddresses = Set<Int>()

    init(seed: UInt64, customers: Int, start: CivilDate) {
        generator = SplitMix64(seed: seed)
        self.customers = customers
        // A realistic opening book: about one open invoice per customer, some already late.
        for customer in 0..<customers where Double.random(in: 0..<1, using: &generator) < 0.9 {
            let issued = start.adding(days: -Int.random(in: 10...90, using: &generator))
            addInvoice(customer: customer, issued: issued)
        }
    }

    mutating func addInvoice(customer: Int, issued: CivilDate) {
        let number = String(format: "F%07d", nextInvoice)
        nextInvoice += 1
        open[number] = Invoice(number: number, customer: customer, issued: issued, due: issued.adding(days: 30),
                               cents: Int64.random(in: 5_000...500_000, using: &generator))
    }

    /// One day passes: invoices are issued and paid, a few are disputed. Returns the disputes.
    mutating func advance(to day: CivilDate) -> [String] {
        for _ in 0..<(customers / 60) {
            addInvoice(customer: Int.random(in: 0..<customers, using: &generator), issued: day)
        }
        for number in open.keys.sorted() {
            let invoice = open[number]!
            let late = invoice.due.days(until: day)
            // Most pay around the due date; late payers pay a little every day.
            let chance = late < -5 ? 0.005 : late < 10 ? 0.06 : 0.03
            if Double.random(in: 0..<1, using: &generator) < chance { open[number] = nil }
        }
        var disputes: [String] = []
        for number in open.keys.sorted() where !open[number]!.disputed && Double.random(in: 0..<1, using: &generator) < 0.0005 {
            open[number]!.disputed = true
            disputes.append(number)
        }
        return disputes
    }

    func email(of customer: Int) -> String { "compta\(customer)@client\(customer % 97).example" }

    /// The aged-balance export the accountant would drop that day.
    func export(asOf day: CivilDate) -> String {
        var lines = ["Balance âgée au \(String(format: "%02d/%02d/%04d", day.day, day.month, day.year))",
                     "Code client;Raison sociale;Email;N° facture;Date facture;Échéance;Reste dû"]
        for invoice in open.values.sorted(by: { $0.number < $1.number }) {
            lines.append("C\(invoice.customer);Client \(invoice.customer);\(email(of: invoice.customer));\(invoice.number);"
                + "\(Self.french(invoice.issued));\(Self.french(invoice.due));\(invoice.cents / 100),\(String(format: "%02d", invoice.cents % 100))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func french(_ date: CivilDate) -> String { String(format: "%02d/%02d/%04d", date.day, date.month, date.year) }
}
