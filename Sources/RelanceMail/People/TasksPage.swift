public import Foundation
public import RelanceCore
import Mustache

/// `tasks.html`: the open tasks as cards, in the creditor's language, for people who prefer a
/// browser to the CLI. Built from a context (a pure function of the tasks and the words) and
/// a compiled-in Mustache template.
public enum TasksPage {
    public struct Context: Sendable, Hashable {
        public struct Detail: Sendable, Hashable {
            public var label: String
            public var lines: [String]
        }

        public struct Card: Sendable, Hashable {
            public var number: String
            public var kind: String
            public var title: String
            public var opened: String
            public var due: String?
            public var details: [Detail]
            public var documentLink: String?
        }

        public var language: String
        public var title: String
        public var heading: String
        public var openedLabel: String
        public var dueLabel: String
        public var documentLabel: String
        public var cards: [Card]
    }

    public static func context(_ tasks: [WorkTask], creditorName: String, timeZone: TimeZone, words: any Wording) -> Context {
        let columns = words.taskColumns()
        let cards = tasks.sorted { $0.id < $1.id }.map { task in
            Context.Card(
                number: "#\(task.id)", kind: words.taskKind(task.kind), title: task.title,
                opened: words.date(CivilDate(task.createdAt, in: timeZone)), due: task.dueOn.map(words.date),
                details: TaskDetails.ordered(task.detail).map {
                    Context.Detail(label: words.detailLabel($0.key), lines: words.detailValue($0.key, $0.value).split(separator: "\n").map(String.init))
                },
                documentLink: task.documentPath.map { URL(fileURLWithPath: $0).absoluteString })
        }
        return Context(language: words.language.rawValue, title: words.tasksPageTitle(creditor: creditorName),
                       heading: words.openTasksHeading(count: tasks.count), openedLabel: columns.opened, dueLabel: columns.due,
                       documentLabel: words.documentToPrint(), cards: cards)
    }

    public static func html(_ context: Context) -> String { template.render(TasksPageView(context: context)) }

    /// The page as the renderer's reflection wrote it, before `TasksPageView`: kept to check the view against.
    static func htmlByReflection(_ context: Context) -> String { template.render(context) }

    private static let template: MustacheTemplate = {
        do { return try MustacheTemplate(string: source) } catch { fatalError("tasks.html's built-in template does not parse: \(error)") }
    }()

    static let source = #"""
<!DOCTYPE html>
<html lang="{{language}}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{title}}</title>
<style>
body{margin:0;background:#f1f3f5;font:15px/1.45 -apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:#1f2933}
main{max-width:860px;margin:0 auto;padding:16px 12px}
h1{font-size:21px;margin:4px 4px 2px}.sub{color:#6b7280;margin:0 4px 14px}
article{background:#fff;border:1px solid #e3e6ea;border-radius:8px;padding:12px 16px;margin-bottom:12px}
.top{display:flex;gap:8px;align-items:baseline;flex-wrap:wrap}
.kind{background:#e8eef5;color:#1f4e79;font-size:12px;font-weight:600;padding:1px 8px;border-radius:10px;white-space:nowrap}
.num{color:#9ca3af;font-size:13px}.title{font-weight:700;font-size:16px;flex-basis:100%}
.dates{color:#6b7280;font-size:13px;margin-top:2px}
dl{margin:8px 0 0;display:grid;grid-template-columns:max-content 1fr;gap:3px 12px;font-size:14px}
dt{color:#6b7280}dd{margin:0}dd div+div{margin-top:2px}
a.doc{display:inline-block;margin-top:8px;font-weight:600;color:#1f4e79}
@media (max-width:480px){dl{grid-template-columns:1fr}dt{margin-top:4px}}
</style></head>
<body><main>
<h1>{{title}}</h1>
<p class="sub">{{heading}}</p>
{{#cards}}
<article>
<div class="top"><span class="num">{{number}}</span><span class="kind">{{kind}}</span><span class="title">{{title}}</span></div>
<div class="dates">{{openedLabel}} {{opened}}{{#due}} · {{dueLabel}} {{.}}{{/due}}</div>
{{^empty(details)}}<dl>{{/empty(details)}}{{#details}}<dt>{{label}}</dt><dd>{{#lines}}<div>{{.}}</div>{{/lines}}</dd>{{/details}}{{^empty(details)}}</dl>{{/empty(details)}}
{{#documentLink}}<a class="doc" href="{{.}}">{{documentLabel}}</a>{{/documentLink}}
</article>
{{/cards}}
</main></body></html>
"""#
}

// The page's values by name, for the renderer: what its reflection (`Mirror`) found for each
// template name, an optional as its value or nil, any other name nil (the renderer then looks
// in the enclosing context, as before). Reflection was most of the page's cost, each field of
// each card looked up through `Mirror` and type metadata (`benchmarks/imap-poll.sh`). Views,
// not conformances of the public context: the renderer's module is not imported publicly.
struct TasksPageView: MustacheParent {
    let context: TasksPage.Context

    func child(named name: String) -> Any? {
        switch name {
        case "language": context.language
        case "title": context.title
        case "heading": context.heading
        case "openedLabel": context.openedLabel
        case "dueLabel": context.dueLabel
        case "documentLabel": context.documentLabel
        case "cards": context.cards.map(CardView.init)
        default: nil
        }
    }

    struct CardView: MustacheParent {
        let card: TasksPage.Context.Card

        func child(named name: String) -> Any? {
            switch name {
            case "number": card.number
            case "kind": card.kind
            case "title": card.title
            case "opened": card.opened
            case "due": card.due.map { $0 as Any }
            case "details": card.details.map(DetailView.init)
            case "documentLink": card.documentLink.map { $0 as Any }
            default: nil
            }
        }
    }

    struct DetailView: MustacheParent {
        let detail: TasksPage.Context.Detail

        func child(named name: String) -> Any? {
            switch name {
            case "label": detail.label
            case "lines": detail.lines
            default: nil
            }
        }
    }
}
