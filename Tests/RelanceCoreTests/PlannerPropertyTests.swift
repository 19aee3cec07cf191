import Testing
import RelanceTesting
import RelanceCore

/// Random ledgers lived through 120 days: every plan is applied (steps recorded), customers pay
/// or dispute at random, and the ladder's promises must hold every day.
@Suite struct PlannerPropertyTests {
    typealias F = Fixture
    static let calendar = FrenchBusinessCalendar()
    static let policy = Policy.standard

    struct World {
        var receivables: [Receivable] = []
        var customers: [Int64: CustomerState] = [:]
        var contactDays: [Int64: [CivilDate]] = [:]
        var stepsTaken: [Int64: [String]] = [:]
        var contacts = 0
        var tasks = 0
        var formalTasks = 0
    }

    static func ledger(_ rng: inout SplitMix64, start: CivilDate) -> World {
        var world = World()
        var invoiceID: Int64 = 0
        for id in 1...30 {
            let emails = rng.chance(15) ? [] : ["ap\(id)@customer\(id).example"]
            let customer = F.customer(Int64(id), "C\(id)", emails: emails)
            for _ in 0..<Int.random(in: 1...6, using: &rng) {
                invoiceID += 1
                let credit = rng.chance(10)
                let open = credit ? -Int64.random(in: 1_000...50_000, using: &rng) : Int64.random(in: 1_000...900_000, using: &rng)
                let due = start.adding(days: Int.random(in: -90...60, using: &rng))
                world.receivables.append(Receivable(invoiceID: invoiceID, number: "F-\(invoiceID)", customer: customer,
                                                    issued: due.adding(days: -30), due: due, open: F.euros(open), total: nil, history: []))
            }
            world.customers[Int64(id)] = CustomerState(invalidAddresses: rng.chance(5) ? Set(customer.emails) : [])
        }
        return world
    }

    @Test(arguments: [1, 7, 42, 2026, 31_337] as [UInt64])
    func theLadderKeepsItsPromisesOver120Days(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        let start = F.day("2025-01-06")
        var world = Self.ledger(&rng, start: start)

        for offset in 0..<120 {
            let today = start.adding(days: offset)
            let plan = Planner.plan(PlanningInput(creditor: F.creditor, today: today, policy: Self.policy,
                                                  receivables: world.receivables, customers: world.customers,
                                                  calendar: Self.calendar, terms: .french))
            var contactedToday: Set<Int64> = []
            let actions = plan.contacts.map { ($0.customer.id, $0.invoices, PolicyStep.Channel?.none) }
                + plan.tasks.map { ($0.customer.id, $0.allInvoices, PolicyStep.Channel?.some($0.step.channel)) }
            for (customer, invoices, channel) in actions {
                #expect(Self.calendar.isBusinessDay(today), "seed \(seed): contact on \(today), not a business day")
                #expect(contactedToday.insert(customer).inserted, "seed \(seed): two contacts for \(customer) on \(today)")
                if let last = world.contactDays[customer]?.last {
                    #expect(Self.calendar.adding(businessDays: Self.policy.minimumBusinessDaysBetweenContacts, to: last) <= today,
                            "seed \(seed): customer \(customer) contacted on \(last) and again on \(today)")
                }
                world.contactDays[customer, default: []].append(today)
                world.customers[customer]!.lastContact = today
                for invoice in invoices {
                    let id = invoice.receivable.invoiceID
                    #expect(!world.customers[customer]!.disputedInvoiceIDs.contains(id), "seed \(seed): disputed \(id) claimed on \(today)")
                    guard let index = world.receivables.firstIndex(where: { $0.invoiceID == id }) else {
                        Issue.record("seed \(seed): settled invoice \(id) claimed on \(today)")
                        continue
                    }
                    world.receivables[index].history.append(StepTaken(
                        step: invoice.step, on: today, messageState: .sent, channel: channel,
                        outcome: channel == nil ? nil : .noAnswer))
                    world.stepsTaken[id, default: []].append(invoice.step)
                }
            }
            world.contacts += plan.contacts.count
            world.tasks += plan.tasks.count
            world.formalTasks += plan.tasks.filter(\.step.channel.isFormal).count
            // Customers pay or dispute at random.
            world.receivables.removeAll { _ in rng.chance(2) }
            for receivable in world.receivables where rng.chance(1) {
                world.customers[receivable.customer.id]!.disputedInvoiceIDs.insert(receivable.invoiceID)
            }
        }

        // Every step reached in order: never twice, never backwards, and the only steps passed
        // over are courtesy reminders that came up after the due date.
        for (invoice, steps) in world.stepsTaken {
            let indices = steps.map { Self.policy.index(of: $0)! }
            var expected = 0
            for index in indices {
                while expected < index {
                    #expect(Self.isCourtesy(Self.policy.steps[expected]), "seed \(seed): invoice \(invoice) skipped \(Self.policy.steps[expected].name): \(steps)")
                    expected += 1
                }
                #expect(index == expected, "seed \(seed): invoice \(invoice) steps out of order: \(steps)")
                expected = index + 1
            }
        }
        // The run must exercise the ladder, not pass vacuously.
        #expect(world.contacts > 30)
        #expect(world.tasks > 5)
        #expect(world.formalTasks > 0)
    }

    static func isCourtesy(_ step: PolicyStep) -> Bool {
        if case .afterDue(let days) = step.trigger { return days < 0 }
        return false
    }
}
