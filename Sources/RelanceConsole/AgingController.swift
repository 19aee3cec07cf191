import Foundation
import Hummingbird
import RelanceCore
import RelanceDaemon

/// `/aging`: the aged balance of one of the user's creditors — the chart per currency, the
/// customers' buckets, a filter by customer and bucket — and `/aging.csv`, the same filtered
/// balance as the CLI's CSV (`AgedBalanceCSV`, the creditor's spreadsheet format: French Excel
/// for a French creditor). The page shows the store's sums (`AgedBalanceSummary`), the CSV the
/// whole `AgedBalance`, filtered by the same `AgedBalanceFilter`: the same figures. On a big
/// book the totals and chart are the whole (filtered) book's; the customers are listed largest
/// overdue first, a page at a time (`AgingPaging`); the CSV always holds them all.
struct AgingController {
    let environment: ConsoleEnvironment

    func addRoutes(to router: Router<ConsoleRequestContext>) {
        router.get("/aging") { request, context in try await page(request, context: context) }
        router.get("/aging.csv") { request, context in try await csv(request, context: context) }
    }

    /// What the query asks for: the creditor, the filter, the as-of date, and the query's values
    /// as the form shows them again.
    private func query(_ request: Request, context: ConsoleRequestContext, runtime: RelanceRuntime) throws
        -> (creditor: RelanceRuntime.CreditorRuntime, filter: AgedBalanceFilter, asOf: CivilDate, query: [String: String]) {
        let user = try context.requireUser()
        let parameters = request.formQuery
        let creditors = environment.creditors(of: user, in: runtime)
        let creditor = try parameters["creditor"].map { try environment.creditor($0, for: user, in: runtime) } ?? creditors.first
        guard let creditor else { throw HTTPError(.notFound) }
        let text = String((parameters["q"] ?? "").prefix(100)).trimmingCharacters(in: .whitespaces)
        let bucketCode = parameters["bucket"] ?? ""
        let bucket = AgingBucket(rawValue: bucketCode)
        let asOfText = parameters["asof"] ?? ""
        var asOf = runtime.today(for: creditor)
        if !asOfText.isEmpty {
            guard let date = OutcomeValues.date(asOfText) else {
                throw HTTPError(.badRequest, message: environment.words(for: context, in: runtime).unreadableDate(asOfText))
            }
            asOf = date
        }
        return (creditor, AgedBalanceFilter(customer: text, bucket: bucket), asOf,
                ["q": text, "bucket": bucket?.rawValue ?? "", "asof": asOf.iso8601, "creditor": creditor.configuration.id.rawValue])
    }

    private func page(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let runtime = await environment.current()
        let words = environment.words(for: context, in: runtime)
        let wording = words.language.wording
        let (creditor, filter, asOf, query) = try query(request, context: context, runtime: runtime)
        let id = creditor.configuration.id
        // The store's sums, not the whole book aged on each request (`AgedBalanceSummary`: the
        // same figures; the CSV, a download, still ages every invoice).
        let balance = AgedBalanceSummary(rows: try await runtime.store.agingRows(of: id, asOf: asOf), asOf: asOf, filter: filter)
        let buckets = AgingBucket.allCases
        func cells(_ totals: BucketTotals) -> [[String: String]] {
            buckets.map { bucket in
                let amount = totals.amount(bucket)
                return ["amount": amount.isZero ? "" : words.money(amount), "late": bucket != .notDue && bucket != .credit && !amount.isZero ? "late" : ""]
            }
        }
        let paging = AgingPaging(balance.customers, page: request.formQuery["page"].flatMap { Int($0) })
        let shown = paging.shown
        let rows: [[String: Any]] = shown.flatMap { aging in
            aging.totals.map { totals -> [String: Any] in
                ["code": aging.externalID, "name": aging.name ?? "", "url": CustomersController.url(creditor: id, code: aging.externalID),
                 "cells": cells(totals), "total": words.money(totals.totalAmount), "invoices": aging.invoices,
                 "received": totals.received == 0 ? "" : words.money(totals.receivedAmount)]
            }
        }
        func encoded(_ query: [String: String]) -> String {
            query.sorted { $0.key < $1.key }
                .map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
        }
        let csvQuery = encoded(query)
        // The other pages keep the filters.
        func pageURL(_ number: Int) -> String { "/aging?" + encoded(query.merging(["page": String(number)]) { $1 }) }
        let page: [String: Any] = [
            "asOf": wording.agingAsOf(balance.asOf), "asof": query["asof"] ?? "", "q": query["q"] ?? "",
            "creditors": environment.creditors(of: user, in: runtime).map {
                ["id": $0.configuration.id.rawValue, "name": $0.configuration.legalName, "selected": $0.configuration.id == id]
            },
            "manyCreditors": environment.creditors(of: user, in: runtime).count > 1,
            "buckets": buckets.map { ["code": $0.rawValue, "label": wording.bucket($0), "selected": $0.rawValue == query["bucket"]] },
            "headings": buckets.map { ["label": wording.bucket($0)] },
            "charts": balance.totals.map { ["svg": AgedBalanceHTML.chart($0, language: words.language)] },
            "rows": rows, "hasRows": !rows.isEmpty,
            "totals": balance.totals.map {
                ["label": wording.agingTotal(currency: $0.currency), "cells": cells($0), "total": words.money($0.totalAmount),
                 "received": $0.received == 0 ? "" : words.money($0.receivedAmount)]
            },
            "hasReceived": balance.totals.contains { $0.received != 0 },
            // The digest's figure: what is overdue, credits told apart rather than deducted.
            "overdueLines": balance.totals.map {
                ["line": wording.labelled("\(wording.overdueLabel()) (\($0.currency.code))", words.money($0.overdueAmount))
                    + ($0.creditAmount.isZero ? "" : " · " + wording.unappliedCredits(words.money($0.creditAmount)))]
            },
            // Received at the bank, not yet lettered: apart from the buckets, so they agree with the plan.
            "receivedLines": balance.totals.filter { $0.received != 0 }.map {
                ["line": wording.labelled("\(wording.receivedAwaitingLedger()) (\($0.currency.code))", words.money($0.receivedAmount))
                    + " · " + wording.labelled(wording.ledgerTotal(currency: $0.currency), words.money($0.ledgerAmount))]
            },
            "pageHeading": paging.count > 1 ? words.agingPageHeading(first: paging.first, last: paging.last, total: paging.total,
                                                                     page: paging.number, pages: paging.count) : "",
            "previousURL": paging.number > 1 ? pageURL(paging.number - 1) : "",
            "nextURL": paging.number < paging.count ? pageURL(paging.number + 1) : "",
            "csvURL": "/aging.csv?" + csvQuery,
            "columns": ["customer": wording.agingColumns().customer, "total": wording.agingColumns().total,
                        "received": wording.receivedColumn()],
        ]
        return environment.pages.render("aging", title: words.aging, words: words, session: context.session, user: user.name, context: page)
    }

    private func csv(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let runtime = await environment.current()
        let (creditor, filter, asOf, _) = try query(request, context: context, runtime: runtime)
        let configuration = creditor.configuration
        let whole = AgedBalance(receivables: try await BankAwareReceivables.read(configuration.id, from: runtime.store), asOf: asOf)
        let balance = filter.apply(to: whole)
        let text = AgedBalanceCSV.render(balance, format: configuration.spreadsheet, language: configuration.language)
        let name = "\(configuration.language == .french ? "balance-agee" : "aged-balance")-\(configuration.id.rawValue)-\(balance.asOf.iso8601).csv"
        return Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"\(name)\""],
                        body: .init(byteBuffer: .init(string: text)))
    }
}
