/// The console's page templates (Mustache). They ship inside the program so that the console
/// needs no files of its own; the words come from `ConsoleWording` through `w`.
enum ConsoleTemplates {
    static let all: [String: String] = [
        "layout": layout, "login": login, "today": today, "customers": customers, "customer": customer,
        "aging": aging, "imports": imports, "health": health, "mail": mail, "mailMessage": mailMessage, "receipts": receipts,
    ]

    static let layout = """
        <!doctype html>
        <html lang="{{w.lang}}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}} · {{w.appTitle}}</title>
        <link rel="stylesheet" href="/static/console.css">
        </head>
        <body>
        {{#signedIn}}
        <header class="bar">
          <a class="brand" href="/">{{w.appTitle}}</a>
          <nav><a href="/">{{w.today}}</a><a href="/customers">{{w.customers}}</a><a href="/aging">{{w.aging}}</a><a href="/receipts">{{w.receipts}}</a><a href="/imports">{{w.imports}}</a><a href="/mail">{{w.mail}}</a><a href="/health">{{w.health}}</a></nav>
          <form method="post" action="/logout" class="signout"><input type="hidden" name="csrf" value="{{csrf}}">
            <span class="who">{{user}}</span><button type="submit">{{w.signOut}}</button></form>
        </header>
        {{/signedIn}}
        <main>
        {{{body}}}
        </main>
        </body>
        </html>
        """

    static let login = """
        <section class="narrow card">
          <h1>{{w.appTitle}}</h1>
          {{#message}}<p class="alert">{{message}}</p>{{/message}}
          <form method="post" action="/login">
            <input type="hidden" name="next" value="{{next}}">
            <label>{{w.userName}}<input name="username" autocomplete="username" autocapitalize="none" required value="{{username}}"></label>
            <label>{{w.password}}<input name="password" type="password" autocomplete="current-password" required></label>
            <button type="submit" class="primary">{{w.signIn}}</button>
          </form>
        </section>
        """

    static let today = """
        <h1>{{w.today}}</h1>
        {{#creditors}}
        <section>
          <h2>{{name}}</h2>
          {{#pageHeading}}<p class="paging"><a href="/">{{w.backToToday}}</a></p><h3>{{pageHeading}}</h3>{{/pageHeading}}
          {{^hasTasks}}<p class="quiet">{{w.noTask}}</p>{{/hasTasks}}
          {{#tasks}}
          <article class="card task" id="task-{{id}}">
            <p class="kind">{{kind}}{{#due}} · {{due}}{{/due}}</p>
            <h3>{{#customerURL}}<a href="{{customerURL}}">{{title}}</a>{{/customerURL}}{{^customerURL}}{{title}}{{/customerURL}}</h3>
            {{#hasPhones}}<p class="phones">{{w.phones}}{{w.colon}} {{#phones}}<a class="tel" href="tel:{{dial}}">{{shown}}</a> {{/phones}}</p>{{/hasPhones}}
            {{#hasDetails}}<dl>{{#details}}<dt>{{key}}</dt><dd>{{value}}</dd>{{/details}}</dl>{{/hasDetails}}
            {{#hasDocument}}<p><a href="/tasks/{{id}}/document">{{w.document}}</a></p>{{/hasDocument}}
            <details><summary>{{w.closeTask}}</summary>
            <form method="post" action="/tasks/{{id}}/close" class="outcome">
              <input type="hidden" name="csrf" value="{{csrf}}">
              <label>{{w.outcome}}<select name="outcome">{{{outcomeOptions}}}</select></label>
              <label>{{w.date}}<input name="date" type="date"></label>
              <label>{{w.amount}}<input name="amount" inputmode="decimal"></label>
              <label>{{w.invoice}}<input name="invoice"></label>
              <label>{{w.tracking}}<input name="tracking"></label>
              <label>{{w.email}}<input name="email" type="email"></label>
              <label>{{w.note}}<input name="note"></label>
              <button type="submit" class="primary">{{w.record}}</button>
            </form></details>
          </article>
          {{/tasks}}
          {{#more}}<p class="more"><a href="{{url}}">{{text}}</a></p>{{/more}}
          {{#pageHeading}}<p class="paging">{{#previousURL}}<a href="{{previousURL}}">{{w.previousPage}}</a> {{/previousURL}}{{#nextURL}}<a href="{{nextURL}}">{{w.nextPage}}</a>{{/nextURL}}</p>{{/pageHeading}}
          {{#hasMessages}}<h3>{{w.messagesToReview}}</h3>{{/hasMessages}}
          {{#messages}}
          <article class="card message" id="message-{{id}}">
            <p class="kind">{{step}} · {{state}}</p>
            <h3>{{#customerURL}}<a href="{{customerURL}}">{{subject}}</a>{{/customerURL}}{{^customerURL}}{{subject}}{{/customerURL}}</h3>
            <dl><dt>{{w.to}}</dt><dd>{{to}}</dd>{{#reason}}<dt>{{w.why}}</dt><dd>{{reason}}</dd>{{/reason}}{{#attachments}}<dt>{{w.attachments}}</dt><dd>{{attachments}}</dd>{{/attachments}}</dl>
            <pre class="mail">{{text}}</pre>
            {{#awaiting}}<p class="quiet">{{w.awaitingHint}}</p>{{/awaiting}}
            <div class="actions">
            <form method="post" action="/messages/{{id}}/send" class="inline"><input type="hidden" name="csrf" value="{{csrf}}">
              <button type="submit" class="primary">{{#awaiting}}{{w.approveMessage}}{{/awaiting}}{{^awaiting}}{{w.sendMessage}}{{/awaiting}}</button></form>
            <form method="post" action="/messages/{{id}}/skip" class="inline"><input type="hidden" name="csrf" value="{{csrf}}">
              <button type="submit">{{#awaiting}}{{w.skipAwaiting}}{{/awaiting}}{{^awaiting}}{{w.skipMessage}}{{/awaiting}}</button></form>
            </div>
          </article>
          {{/messages}}
          {{#hasHeld}}<h3>{{w.heldImports}}</h3>{{/hasHeld}}
          {{#held}}
          <article class="card">
            <p>{{summary}}</p>
            <form method="post" action="/imports/{{creditor}}/{{id}}/confirm"><input type="hidden" name="csrf" value="{{csrf}}">
              <button type="submit">{{w.confirmImport}}</button></form>
          </article>
          {{/held}}
        </section>
        {{/creditors}}
        """

    static let customers = """
        <h1>{{w.customers}}</h1>
        <form method="get" action="/customers" class="search">
          <input name="q" value="{{query}}" placeholder="{{w.searchHint}}" aria-label="{{w.searchHint}}">
          <button type="submit">{{w.search}}</button>
        </form>
        {{#searched}}{{^hasResults}}<p class="quiet">{{w.noCustomer}}</p>{{/hasResults}}{{/searched}}
        <ul class="list">
        {{#results}}<li><a href="{{url}}">{{name}}</a> <span class="quiet">{{code}} · {{creditor}}</span> <span class="amount">{{open}}</span></li>{{/results}}
        </ul>
        """

    static let customer = """
        <h1>{{name}}</h1>
        <p class="quiet">{{code}} · {{creditorName}}{{#emails}} · {{emails}}{{/emails}}</p>
        {{#hasPhones}}<p>{{w.phones}}{{w.colon}} {{#phones}}<a class="tel" href="tel:{{dial}}">{{shown}}</a> {{/phones}}</p>{{/hasPhones}}
        <h2>{{w.openInvoices}}</h2>
        {{^hasInvoices}}<p class="quiet">{{w.nothingOpen}}</p>{{/hasInvoices}}
        {{#hasInvoices}}
        <div class="scroll"><table>
          <thead><tr><th>{{w.invoice}}</th><th>{{w.issued}}</th><th>{{w.due}}</th><th class="num">{{w.open}}</th>{{#hasReceived}}<th class="num">{{receivedHeading}}</th>{{/hasReceived}}</tr></thead>
          <tbody>{{#invoices}}<tr><td>{{number}}{{#disputed}} <span class="badge held">{{w.disputedInvoice}}</span>
            <form method="post" action="{{url}}/dispute-resolved" class="inline"><input type="hidden" name="csrf" value="{{csrf}}">
            <input type="hidden" name="invoice" value="{{number}}"><button type="submit">{{w.disputeResolvedButton}}</button></form>{{/disputed}}</td>
            <td>{{issued}}</td><td>{{due}}</td><td class="num">{{open}}</td>{{#hasReceived}}<td class="num">{{received}}</td>{{/hasReceived}}</tr>{{/invoices}}</tbody>
          <tfoot><tr><th colspan="3">{{w.total}}</th><th class="num">{{total}}</th>{{#hasReceived}}<th class="num">{{receivedTotal}}</th>{{/hasReceived}}</tr></tfoot>
        </table></div>
        {{#hasDisputes}}<p class="quiet">{{w.disputeResolvedHint}}</p>{{/hasDisputes}}
        {{/hasInvoices}}
        <h2>{{w.holds}}</h2>
        {{#holds}}<p>{{text}}</p>{{/holds}}
        <div class="actions">
        <form method="post" action="{{url}}/pause" class="inline"><input type="hidden" name="csrf" value="{{csrf}}">
          <label>{{w.pauseUntil}}<input type="date" name="until"></label><button type="submit">{{w.pause}}</button></form>
        {{#hasHolds}}<form method="post" action="{{url}}/resume" class="inline"><input type="hidden" name="csrf" value="{{csrf}}">
          <button type="submit">{{w.resume}}</button></form>{{/hasHolds}}
        </div>
        <h2>{{w.doNotRemindTitle}}</h2>
        {{#personDoNotRemind}}<p class="card notice" id="do-not-remind">{{personDoNotRemind}}</p>
        <form method="post" action="{{url}}/do-not-remind/remove" class="inline"><input type="hidden" name="csrf" value="{{csrf}}">
          <button type="submit">{{w.doNotRemindRemove}}</button></form>{{/personDoNotRemind}}
        {{^personDoNotRemind}}<form method="post" action="{{url}}/do-not-remind" class="inline"><input type="hidden" name="csrf" value="{{csrf}}">
          <label>{{w.doNotRemindReason}}<input name="reason" required maxlength="500" autocomplete="off"></label>
          <button type="submit">{{w.doNotRemindButton}}</button></form>{{/personDoNotRemind}}
        <p class="quiet">{{w.doNotRemindPersonHint}}{{#doNotRemind}} <strong>{{w.doNotRemindSet}}</strong>{{/doNotRemind}}</p>
        <h2>{{w.correctAddress}}</h2>
        <form method="post" action="{{url}}/address" class="inline"><input type="hidden" name="csrf" value="{{csrf}}">
          <label>{{w.email}}<input type="email" name="email" required autocomplete="off"></label><button type="submit">{{w.record}}</button></form>
        <p class="quiet">{{w.correctAddressHint}}</p>
        <h2>{{w.timeline}}</h2>
        <ol class="timeline">{{#timeline}}<li><time>{{time}}</time> <strong>{{kind}}</strong> — {{#lines}}<span class="line">{{line}}</span>{{/lines}}</li>{{/timeline}}</ol>
        """

    static let aging = """
        <h1>{{w.aging}}</h1>
        <form method="get" action="/aging" class="filters">
          {{#manyCreditors}}<label>{{w.creditor}}<select name="creditor">{{#creditors}}<option value="{{id}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/creditors}}</select></label>{{/manyCreditors}}
          {{^manyCreditors}}{{#creditors}}<input type="hidden" name="creditor" value="{{id}}">{{/creditors}}{{/manyCreditors}}
          <label>{{w.customerFilter}}<input name="q" value="{{q}}"></label>
          <label>{{w.bucket}}<select name="bucket"><option value="">{{w.allBuckets}}</option>{{#buckets}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/buckets}}</select></label>
          <label>{{w.asOf}}<input name="asof" type="date" value="{{asof}}"></label>
          <button type="submit">{{w.filter}}</button>
        </form>
        <p class="quiet">{{asOf}} · <a href="{{csvURL}}" download>{{w.download}}</a></p>
        {{#charts}}<figure class="chart">{{{svg}}}</figure>{{/charts}}
        {{^hasRows}}<p class="quiet">{{w.noAging}}</p>{{/hasRows}}
        {{#hasRows}}
        {{#pageHeading}}<p class="quiet">{{pageHeading}}</p>{{/pageHeading}}
        <div class="scroll"><table class="aging">
          <thead><tr><th>{{columns.customer}}</th>{{#headings}}<th class="num">{{label}}</th>{{/headings}}<th class="num">{{columns.total}}</th>{{#hasReceived}}<th class="num">{{columns.received}}</th>{{/hasReceived}}</tr></thead>
          <tbody>{{#rows}}<tr><td><a href="{{url}}">{{code}}</a> {{name}}</td>{{#cells}}<td class="num {{late}}">{{amount}}</td>{{/cells}}<td class="num"><strong>{{total}}</strong></td>{{#hasReceived}}<td class="num">{{received}}</td>{{/hasReceived}}</tr>{{/rows}}</tbody>
          <tfoot>{{#totals}}<tr><th>{{label}}</th>{{#cells}}<th class="num {{late}}">{{amount}}</th>{{/cells}}<th class="num">{{total}}</th>{{#hasReceived}}<th class="num">{{received}}</th>{{/hasReceived}}</tr>{{/totals}}</tfoot>
        </table></div>
        {{#overdueLines}}<p><strong>{{line}}</strong></p>{{/overdueLines}}
        {{#receivedLines}}<p class="quiet">{{line}}</p>{{/receivedLines}}
        {{/hasRows}}
        {{#pageHeading}}<p class="paging">{{#previousURL}}<a href="{{previousURL}}" rel="prev">{{w.previousPage}}</a> {{/previousURL}}{{#nextURL}}<a href="{{nextURL}}" rel="next">{{w.nextPage}}</a>{{/nextURL}}</p>{{/pageHeading}}
        """

    static let imports = """
        <h1>{{w.imports}}</h1>
        {{#uploaded}}<p class="card notice">{{uploaded}}</p>{{/uploaded}}
        <section class="card">
          <h2>{{w.upload}}</h2>
          <p class="quiet">{{w.uploadHint}} {{limit}}</p>
          <form method="post" action="/imports/upload" enctype="multipart/form-data">
            <input type="hidden" name="csrf" value="{{csrf}}">
            {{#many}}<label>{{w.creditor}}<select name="creditor">{{#creditors}}<option value="{{id}}">{{name}}</option>{{/creditors}}</select></label>{{/many}}
            {{^many}}{{#creditors}}<input type="hidden" name="creditor" value="{{id}}">{{/creditors}}{{/many}}
            <label>{{w.file}}<input type="file" name="file" required></label>
            <button type="submit" class="primary">{{w.upload}}</button>
          </form>
        </section>
        {{#creditors}}
        <section>
          <h2>{{name}}</h2>
          {{#hasMessages}}<h3>{{w.messagesToReview}}</h3>{{/hasMessages}}
          {{#messages}}
          <article class="card message" id="message-{{id}}">
            <p class="kind">{{step}} · {{state}}</p>
            <h3>{{#customerURL}}<a href="{{customerURL}}">{{subject}}</a>{{/customerURL}}{{^customerURL}}{{subject}}{{/customerURL}}</h3>
            <dl><dt>{{w.to}}</dt><dd>{{to}}</dd>{{#reason}}<dt>{{w.why}}</dt><dd>{{reason}}</dd>{{/reason}}{{#attachments}}<dt>{{w.attachments}}</dt><dd>{{attachments}}</dd>{{/attachments}}</dl>
            <pre class="mail">{{text}}</pre>
            <div class="actions">
            <form method="post" action="/messages/{{id}}/send" class="inline"><input type="hidden" name="csrf" value="{{csrf}}">
              <button type="submit" class="primary">{{w.sendMessage}}</button></form>
            <form method="post" action="/messages/{{id}}/skip" class="inline"><input type="hidden" name="csrf" value="{{csrf}}">
              <button type="submit">{{w.skipMessage}}</button></form>
            </div>
          </article>
          {{/messages}}
          {{#hasHeld}}<h3>{{w.heldImports}}</h3>{{/hasHeld}}
          {{#held}}
          <article class="card">
            <p><strong>#{{id}} {{file}}</strong>{{#asOf}} · {{asOf}}{{/asOf}}</p>
            <p>{{reason}}</p>
            <div class="actions">
            <form method="post" action="/imports/{{creditor}}/{{id}}/confirm" class="inline"><input type="hidden" name="csrf" value="{{csrf}}">
              <input type="hidden" name="back" value="/imports"><button type="submit" class="primary">{{w.confirmImport}}</button></form>
            <form method="post" action="/imports/{{creditor}}/{{id}}/reject" class="inline"><input type="hidden" name="csrf" value="{{csrf}}">
              <label>{{w.rejectReason}}<input name="reason" maxlength="500"></label><button type="submit">{{w.rejectImport}}</button></form>
            </div>
          </article>
          {{/held}}
          <h3>{{w.history}}</h3>
          {{^hasHistory}}<p class="quiet">{{w.noImports}}</p>{{/hasHistory}}
          {{#hasHistory}}
          <div class="scroll"><table class="imports">
            <thead><tr><th>#</th><th>{{w.when}}</th><th>{{w.file}}</th><th>{{w.status}}</th><th class="num">{{w.items}}</th></tr></thead>
            <tbody>{{#history}}<tr class="{{statusClass}}"><td>{{id}}</td><td>{{when}}</td><td>{{file}}{{#hasError}}<details><summary>{{w.why}}</summary><pre>{{error}}</pre></details>{{/hasError}}{{#hasWarnings}}<details class="warnings"><summary>{{warningsTitle}}</summary><ul>{{#warnings}}<li>{{text}}</li>{{/warnings}}</ul></details>{{/hasWarnings}}{{#reconfirmations}}<p class="redrop">{{text}}</p>{{/reconfirmations}}</td><td><span class="badge {{statusClass}}">{{status}}</span></td><td class="num">{{items}}</td></tr>{{/history}}</tbody>
          </table></div>
          {{/hasHistory}}
        </section>
        {{/creditors}}
        """

    static let health = """
        <h1>{{w.health}}</h1>
        <h2>{{w.services}}</h2>
        {{^hasDaemon}}<p class="alert">{{w.noDaemon}}</p>{{/hasDaemon}}
        {{#hasDaemon}}
        <table><tbody>{{#services}}<tr><td>{{name}}</td><td>{{lastSuccess}}{{#note}} · {{note}}{{/note}}{{#failing}}<br><span class="alert">{{failure}}</span>{{/failing}}</td></tr>{{/services}}</tbody></table>
        {{/hasDaemon}}
        <h2>{{w.outbox}}</h2>
        <p>{{#outbox}}<span class="badge">{{state}} {{count}}</span> {{/outbox}}</p>
        {{#creditors}}
        <section class="card">
          <h2>{{name}}</h2>
          <p>{{mode}}</p>
          {{#paused}}<p class="alert">{{w.creditorPaused}}</p>{{/paused}}
          {{#outboxPause}}<p class="alert">{{w.outboxPaused}}{{w.colon}} {{outboxPause}}</p>{{#outboxResume}}<p class="quiet">{{outboxResume}}</p>{{/outboxResume}}{{/outboxPause}}
          {{#problem}}<p class="alert">{{problem}}</p>{{/problem}}
          <dl>
            <dt>{{w.lastImport}}</dt><dd>{{lastImportAge}}{{#hasLastImport}} —{{/hasLastImport}} {{#lastImport}}<span class="line">{{line}}</span>{{/lastImport}}</dd>
            <dt>{{w.openTasks}}</dt><dd>{{openTasks}}</dd>
            {{#nextRetry}}<dt>{{w.nextRetry}}</dt><dd>{{nextRetry}}</dd>{{/nextRetry}}
            {{#windowOpens}}<dt>{{w.windowOpens}}</dt><dd>{{windowOpens}}</dd>{{/windowOpens}}
            {{#marks}}<dt>{{w.mailboxMarks}} {{folder}}</dt><dd>UID {{lastUID}} (UIDVALIDITY {{uidValidity}}) · {{polled}}</dd>{{/marks}}
          </dl>
        </section>
        {{/creditors}}
        """

    static let mail = """
        <h1>{{w.mail}}</h1>
        <form method="get" action="/mail" class="search">
          <input name="q" value="{{query}}" placeholder="{{w.mailSearchHint}}" aria-label="{{w.mailSearchHint}}">
          <button type="submit">{{w.search}}</button>
        </form>
        {{#creditors}}
        <section>
          <h2>{{name}}</h2>
          {{^hasEntries}}<p class="quiet">{{w.noMail}}</p>{{/hasEntries}}
          <ul class="list">{{#entries}}<li><span class="quiet">{{when}} · {{direction}}</span> <a href="{{url}}">{{customer}}</a>
            <span class="amount">{{label}}</span><br><span class="quiet">{{counterpart}}</span></li>{{/entries}}</ul>
        </section>
        {{/creditors}}
        """

    static let mailMessage = """
        <p><a href="/mail">← {{w.mail}}</a></p>
        <h1>{{subject}}</h1>
        <dl>{{#from}}<dt>{{w.from}}</dt><dd>{{from}}</dd>{{/from}}<dt>{{w.to}}</dt><dd>{{counterpart}}</dd><dt>{{w.date}}</dt><dd>{{when}}</dd>
          <dt>{{w.status}}</dt><dd>{{label}}</dd>{{#attachments}}<dt>{{w.attachments}}</dt><dd>{{attachments}}</dd>{{/attachments}}</dl>
        {{#noRaw}}<p class="quiet">{{w.noRawKept}}</p>{{/noRaw}}
        <pre class="mail">{{text}}</pre>
        """

    static let stylesheet = """
        :root { --ink: #1d2430; --quiet: #667085; --line: #e4e7ec; --accent: #1f5fbf; --bg: #f6f7f9; --alert: #b42318; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--bg); }
        main { max-width: 960px; margin: 0 auto; padding: 16px; }
        .narrow { max-width: 420px; margin: 48px auto; }
        .bar { display: flex; flex-wrap: wrap; align-items: center; gap: 12px; padding: 10px 16px; background: #fff; border-bottom: 1px solid var(--line); }
        .bar .brand { font-weight: 700; color: var(--accent); text-decoration: none; font-size: 18px; }
        .bar nav { display: flex; gap: 14px; flex: 1; }
        .bar nav { flex-wrap: wrap; } .bar nav a { color: var(--ink); text-decoration: none; white-space: nowrap; }
        .signout { display: flex; gap: 8px; align-items: center; margin: 0; }
        .who { color: var(--quiet); font-size: 14px; }
        h1 { font-size: 24px; margin: 8px 0 16px; }
        h2 { font-size: 19px; margin: 24px 0 8px; }
        h3 { font-size: 17px; margin: 4px 0; }
        .card { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 14px 16px; margin: 10px 0; }
        .task .kind { margin: 0; font-size: 13px; text-transform: uppercase; letter-spacing: .04em; color: var(--quiet); }
        .tel { display: inline-block; padding: 6px 10px; border: 1px solid var(--accent); border-radius: 16px; color: var(--accent); text-decoration: none; margin: 2px 0; }
        dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; font-size: 14px; margin: 8px 0; }
        dt { color: var(--quiet); } dd { margin: 0; white-space: pre-wrap; }
        label { display: block; margin: 8px 0; font-size: 14px; color: var(--quiet); }
        input, select { display: block; width: 100%; padding: 8px 10px; font: inherit; color: var(--ink); border: 1px solid var(--line); border-radius: 6px; margin-top: 4px; background: #fff; }
        button { font: inherit; padding: 8px 14px; border-radius: 6px; border: 1px solid var(--line); background: #fff; cursor: pointer; }
        button.primary { background: var(--accent); color: #fff; border-color: var(--accent); }
        .alert { color: var(--alert); }
        .quiet { color: var(--quiet); }
        .search { display: flex; gap: 8px; } .search input { margin: 0; }
        .list { list-style: none; padding: 0; } .list li { padding: 10px 0; border-bottom: 1px solid var(--line); }
        .amount, .num { font-variant-numeric: tabular-nums; text-align: right; white-space: nowrap; }
        .list .amount { float: right; }
        table { width: 100%; border-collapse: collapse; background: #fff; }
        th, td { padding: 8px; border-bottom: 1px solid var(--line); text-align: left; }
        .actions { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-end; }
        .inline label { display: inline-block; margin-right: 8px; }
        .line + .line { display: block; }
        .timeline { padding-left: 18px; font-size: 14px; } .timeline time { color: var(--quiet); margin-right: 6px; }
        details summary { cursor: pointer; color: var(--accent); margin-top: 8px; }
        details.warnings ul { margin: 4px 0 0; padding-left: 18px; font-size: 0.9em; max-width: 60em; }
        p.redrop { margin: 4px 0 0; font-size: 0.9em; max-width: 60em; color: #4a5568; }
        .filters { display: flex; flex-wrap: wrap; gap: 0 12px; align-items: flex-end; } .filters label { flex: 1 1 160px; } .filters button { margin: 8px 0; }
        .chart { margin: 8px 0; background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 10px; }
        .chart svg { display: block; max-width: 100%; height: auto; }
        .scroll { overflow-x: auto; } .aging { font-size: 14px; } .aging td.late, .aging th.late { color: var(--alert); }
        pre.mail { max-height: 420px; overflow: auto; font: 14px/1.45 ui-monospace, "DejaVu Sans Mono", monospace; background: #fff; border: 1px solid var(--line); }
        .notice { border-color: var(--accent); }
        .badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 13px; background: #e7f3e7; color: #2f6b2f; }
        .badge.rejected { background: #fdecea; color: var(--alert); } .badge.held { background: #fff4d6; color: #8a5a00; }
        pre { white-space: pre-wrap; font-size: 13px; background: var(--bg); padding: 8px; border-radius: 6px; margin: 4px 0; }
        input[type=file] { border: none; padding: 4px 0; }
        @media (max-width: 520px) { main { padding: 10px; } dl { grid-template-columns: 1fr; } .bar nav { order: 3; flex-basis: 100%; } }
        """
}
