import RelanceCore

/// Which of the open tasks Today shows. A big book has thousands open at once (a thousand calls
/// the morning a ladder reaches them): one page of all of them was 7.6 MB at 2,000 customers and
/// took seconds to render. Today shows the first few of each kind, in priority order, with how
/// many more there are; `?kind=call&page=2` pages through one kind. Pure: tested on its own.
struct TodayPaging {
    /// Tasks of each kind on Today itself.
    static let perKindOnToday = 20
    /// Tasks per page of one kind.
    static let perPage = 50

    /// The tasks to show, in the order given.
    var shown: [WorkTask]
    /// Kinds with more open tasks than shown, with how many more (Today only).
    var more: [(kind: WorkTask.Kind, count: Int)]
    /// One kind's pages: the kind, this page (1-based), the number of pages, the total.
    var page: (kind: WorkTask.Kind, number: Int, count: Int, total: Int)?

    /// `sorted` is every open task in priority order; `kind` and `page` come from the URL.
    init(sorted: [WorkTask], kind: WorkTask.Kind?, page: Int?) {
        if let kind {
            let ofKind = sorted.filter { $0.kind == kind }
            let pages = max(1, (ofKind.count + Self.perPage - 1) / Self.perPage)
            let number = min(max(1, page ?? 1), pages)
            shown = Array(ofKind.dropFirst((number - 1) * Self.perPage).prefix(Self.perPage))
            more = []
            self.page = (kind, number, pages, ofKind.count)
            return
        }
        var counts: [WorkTask.Kind: Int] = [:]
        var order: [WorkTask.Kind] = []
        shown = []
        for task in sorted {
            if counts[task.kind] == nil { order.append(task.kind) }
            counts[task.kind, default: 0] += 1
            if counts[task.kind]! <= Self.perKindOnToday { shown.append(task) }
        }
        more = order.compactMap { kind in
            let extra = counts[kind]! - Self.perKindOnToday
            return extra > 0 ? (kind, extra) : nil
        }
        self.page = nil
    }
}
