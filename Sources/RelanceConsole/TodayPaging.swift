import RelanceCore

/// Which of the open tasks Today shows. A big book has thousands open at once (a thousand calls
/// the morning a ladder reaches them): one page of all of them was 7.6 MB at 2,000 customers and
/// took seconds to render. Today shows the first few of each kind, in priority order, with how
/// many more there are; `?kind=call&page=2` pages through one kind. Pure: tested on its own.
///
/// It works from the number of open tasks of each kind and names the slices to fetch, so that
/// the store reads one page of each kind (`ConsolePagesStore.openTasks`), never every open task
/// with its call script: that read alone took more than a second at 10,000 customers.
struct TodayPaging {
    /// Tasks of each kind on Today itself.
    static let perKindOnToday = 20
    /// Tasks per page of one kind.
    static let perPage = 50

    /// Tasks of one kind to fetch: `limit` of them from `offset`, in the kind's order.
    struct Slice: Equatable {
        var kind: WorkTask.Kind
        var offset: Int
        var limit: Int
    }

    /// The tasks to show, in the order given (empty until the slices are fetched).
    var shown: [WorkTask] = []
    /// What to fetch, in the order shown.
    private(set) var slices: [Slice]
    /// Kinds with more open tasks than shown, with how many more (Today only).
    private(set) var more: [(kind: WorkTask.Kind, count: Int)]
    /// One kind's pages: the kind, this page (1-based), the number of pages, the total.
    private(set) var page: (kind: WorkTask.Kind, number: Int, count: Int, total: Int)?

    /// `counts` are the open tasks of each kind that has some, in the order of Today; `kind`
    /// and `page` come from the URL.
    init(counts: [(kind: WorkTask.Kind, count: Int)], kind: WorkTask.Kind?, page: Int?) {
        if let kind {
            let total = counts.first { $0.kind == kind }?.count ?? 0
            let pages = max(1, (total + Self.perPage - 1) / Self.perPage)
            let number = min(max(1, page ?? 1), pages)
            let offset = (number - 1) * Self.perPage
            slices = total > offset ? [Slice(kind: kind, offset: offset, limit: min(Self.perPage, total - offset))] : []
            more = []
            self.page = (kind, number, pages, total)
            return
        }
        slices = counts.filter { $0.count > 0 }.map { Slice(kind: $0.kind, offset: 0, limit: min($0.count, Self.perKindOnToday)) }
        more = counts.compactMap { kind, count in count > Self.perKindOnToday ? (kind, count - Self.perKindOnToday) : nil }
        self.page = nil
    }

    /// The counts as the store gives them, in Today's order of the kinds.
    init(counts: [WorkTask.Kind: Int], kind: WorkTask.Kind?, page: Int?) {
        self.init(counts: WorkTask.Kind.todayOrder.compactMap { kind in counts[kind].map { (kind, $0) } }, kind: kind, page: page)
    }

    /// `sorted` is every open task in priority order: each kind in the order it first appears.
    init(sorted: [WorkTask], kind: WorkTask.Kind?, page: Int?) {
        var counts: [(kind: WorkTask.Kind, count: Int)] = []
        for task in sorted {
            if let index = counts.firstIndex(where: { $0.kind == task.kind }) { counts[index].count += 1 } else { counts.append((task.kind, 1)) }
        }
        self.init(counts: counts, kind: kind, page: page)
        shown = slices.flatMap { slice in sorted.filter { $0.kind == slice.kind }.dropFirst(slice.offset).prefix(slice.limit) }
    }

    /// Fetches the slices (the store's `openTasks`), in order.
    mutating func fetch(_ read: (Slice) async throws -> [WorkTask]) async rethrows {
        shown = []
        for slice in slices { shown += try await read(slice) }
    }
}
