/// The console's reads, narrowed so that a page costs the rows it shows, not the book: a book
/// of 10,000 customers and 100,000 invoices has thousands of open tasks and hundreds of
/// thousands of journal lines, and a page must answer within 100 ms (issue #14,
/// benchmarks/console-p95.sh). Each is the same as a whole-book read filtered (tested so).
public protocol ConsolePagesStore: Sendable {
    /// How many tasks of each kind the creditor has open (kinds with none are absent).
    func openTaskCounts(of creditor: CreditorID) async throws -> [WorkTask.Kind: Int]
    /// `limit` of the creditor's open tasks of one kind from `offset`, in Today's order
    /// (`WorkTask.Kind.todayOrder`): soonest due first, none last, then oldest first.
    func openTasks(of creditor: CreditorID, kind: WorkTask.Kind, offset: Int, limit: Int) async throws -> [WorkTask]
    /// One task, open or closed, of any creditor (the caller checks the user may see it).
    func task(id: Int64) async throws -> WorkTask?
    /// The live holds of one customer of the creditor (`liveHolds(of:)` filtered to it).
    func liveHolds(of creditor: CreditorID, customer: Int64) async throws -> [CustomerHold]
    /// The last `limit` entries of the customer's timeline (`events(ofCustomer:)`), oldest first.
    func events(ofCustomer customerID: Int64, last limit: Int) async throws -> [JournalEntry]
    /// The creditor's customers whose code, name or an address contains `text`, or who have an
    /// open invoice whose number contains it, ignoring case (as `String.lowercased()` folds it);
    /// by code, at most `limit`.
    func searchCustomers(of creditor: CreditorID, containing text: String, limit: Int) async throws -> [CustomerSearchHit]
    /// The codes in the creditor's books (`external_id`) of these customers, by id, in one read
    /// (a page of tasks links each to its customer); ids unknown are absent.
    func customerCodes(_ ids: Set<Int64>) async throws -> [Int64: String]
}

/// A customer found by the console's search, with what is open on its invoices.
public struct CustomerSearchHit: Sendable, Hashable {
    public var customerID: Int64
    public var externalID: String
    public var name: String?
    /// The open amounts of its open invoices summed per currency, by currency code
    /// (`Demand.sumByCurrency`); empty when nothing is open.
    public var openByCurrency: [Money]

    public init(customerID: Int64, externalID: String, name: String?, openByCurrency: [Money]) {
        self.customerID = customerID
        self.externalID = externalID
        self.name = name
        self.openByCurrency = openByCurrency
    }
}

extension WorkTask.Kind {
    /// Today's order of the kinds: calls first (they are made from a phone, during the day),
    /// then replies, letters, the rest.
    public static let todayOrder: [WorkTask.Kind] = [.call, .readReply, .letter, .registeredLetter, .formalNotice, .legalAction,
                                                      .handOff, .identifyCustomer, .reviewMessage, .fixConfiguration, .checkPayment]
}
