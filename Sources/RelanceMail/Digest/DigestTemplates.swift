/// The digest's and the call sheet's Mustache templates. Compiled in rather than read from
/// `mail-templates/`: they are Relance's own pages for the creditor's people, not wording a
/// creditor adapts. Layout for mail clients: nested tables, inline styles, 640 px at most,
/// fluid below (phones), no script, no image, nothing fetched.
enum DigestTemplates {
    static let html = #"""
<!DOCTYPE html>
<html lang="{{language}}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{subject}}</title></head>
<body style="margin:0;padding:0;background:#f1f3f5;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f1f3f5;">
<tr><td align="center" style="padding:16px 8px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:640px;background:#ffffff;border:1px solid #e3e6ea;border-radius:8px;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:#1f2933;font-size:15px;line-height:1.45;">
<tr><td style="padding:20px 24px 4px;">
<div style="font-size:13px;color:#6b7280;">{{creditorName}}</div>
<div style="font-size:21px;font-weight:600;color:#111827;">{{dayText}}</div>
</td></tr>
<tr><td style="padding:12px 24px 4px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f8f9fb;border:1px solid #e3e6ea;border-radius:6px;">
<tr><td style="padding:14px 16px 6px;">
<div style="font-size:12px;color:#6b7280;text-transform:uppercase;letter-spacing:.05em;">{{overdueLabel}}</div>
<div style="font-size:28px;font-weight:700;color:#111827;white-space:nowrap;">{{overdueAmount}}</div>
{{#overdueChange}}<div style="font-size:14px;font-weight:600;color:{{changeColor}};">{{.}}</div>{{/overdueChange}}
{{#received}}
<div style="font-size:14px;color:#2e7d32;padding-top:2px;">{{.}}</div>
{{/received}}
{{#credits}}
<div style="font-size:14px;color:#4b5563;padding-top:2px;">{{.}}</div>
{{/credits}}
</td></tr>
{{^empty(buckets)}}
<tr><td style="padding:8px 16px 4px;font-size:12px;color:#6b7280;text-transform:uppercase;letter-spacing:.05em;">{{byAgeLabel}}</td></tr>
{{/empty(buckets)}}
<tr><td style="padding:0 16px 10px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="font-size:14px;">
{{#buckets}}
<tr>
<td style="padding:3px 8px 3px 0;white-space:nowrap;color:#374151;width:28%;">{{label}}</td>
<td style="padding:3px 8px;"><div style="background:#e9ecef;border-radius:3px;height:10px;"><div style="width:{{percent}}%;background:{{color}};height:10px;border-radius:3px;"></div></div></td>
<td align="right" style="padding:3px 0 3px 8px;white-space:nowrap;color:#111827;width:30%;">{{amount}}</td>
</tr>
{{/buckets}}
</table>
</td></tr>
<tr><td style="padding:8px 16px 12px;border-top:1px solid #e3e6ea;font-size:14px;color:#374151;"><strong>{{activityLabel}}</strong> · {{activity}}</td></tr>
</table>
</td></tr>
{{#nothingToDo}}
<tr><td style="padding:16px 24px;font-size:16px;color:#2e7d32;font-weight:600;">{{.}}</td></tr>
{{/nothingToDo}}
{{#sections}}
<tr><td style="padding:18px 24px 4px;">
<div style="font-size:17px;font-weight:700;color:#111827;border-bottom:2px solid #1f4e79;padding-bottom:4px;">{{title}}</div>
{{#note}}<div style="font-size:13px;color:#6b7280;padding-top:4px;">{{.}}</div>{{/note}}
</td></tr>
<tr><td style="padding:0 24px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">
{{#items}}
<tr><td style="padding:10px 0;border-bottom:1px solid #eef0f2;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"><tr>
<td style="vertical-align:top;font-size:15px;color:#111827;">{{#number}}<span style="color:#9ca3af;font-size:13px;">{{.}}</span> {{/number}}<strong>{{headline}}</strong>{{#badge}} <span style="background:#fdecea;color:#b3261e;font-size:12px;font-weight:600;padding:1px 6px;border-radius:10px;white-space:nowrap;">{{.}}</span>{{/badge}}</td>
{{#amount}}<td align="right" style="vertical-align:top;font-size:15px;font-weight:600;color:#111827;white-space:nowrap;padding-left:8px;">{{.}}</td>{{/amount}}
</tr></table>
{{#phone}}<div style="padding-top:3px;font-size:15px;">{{#phoneLink}}<a href="{{phoneLink}}" style="color:#1f4e79;font-weight:600;text-decoration:none;white-space:nowrap;">☎ {{phone}}</a>{{/phoneLink}}{{^phoneLink}}<span style="color:#b3261e;">{{phone}}</span>{{/phoneLink}}</div>{{/phone}}
{{#reason}}<div style="padding-top:2px;font-size:14px;color:#4b5563;">{{.}}</div>{{/reason}}
{{#lines}}<div style="padding-top:3px;font-size:14px;color:#374151;">{{.}}</div>{{/lines}}
</td></tr>
{{/items}}
</table>
{{#more}}
<div style="padding:10px 0 0;font-size:14px;color:#4b5563;font-style:italic;">{{.}}</div>
{{/more}}
</td></tr>
{{/sections}}
{{^empty(stuck)}}
<tr><td style="padding:20px 24px 4px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#fff8e6;border-left:4px solid #e0a800;border-radius:4px;">
<tr><td style="padding:12px 14px;">
<div style="font-size:16px;font-weight:700;color:#7a5200;padding-bottom:4px;">{{stuckTitle}}</div>
{{#stuck}}<div style="padding:3px 0;font-size:14px;color:#4a3b00;">• {{.}}</div>{{/stuck}}
</td></tr></table>
</td></tr>
{{/empty(stuck)}}
<tr><td style="padding:20px 24px 22px;font-size:12px;color:#9ca3af;">{{footer}}</td></tr>
</table>
</td></tr></table>
</body></html>
"""#

    static let text = #"""
{{creditorName}} — {{dayText}}

{{headline}}
{{bucketsLine}}
{{#received}}
{{.}}
{{/received}}
{{#credits}}
{{.}}
{{/credits}}
{{#nothingToDo}}

{{.}}
{{/nothingToDo}}
{{#sections}}

{{title}}
{{#note}}
{{.}}
{{/note}}
{{#items}}
* {{#number}}{{.}} {{/number}}{{headline}}{{#amount}} — {{.}}{{/amount}}{{#badge}} [{{.}}]{{/badge}}
{{#subline}}
    {{.}}
{{/subline}}
{{#lines}}
    {{.}}
{{/lines}}
{{/items}}
{{#more}}
{{.}}
{{/more}}
{{/sections}}
{{^empty(stuck)}}

{{stuckTitle}}
{{/empty(stuck)}}
{{#stuck}}
! {{.}}
{{/stuck}}

--
{{footer}}

"""#

    static let callSheet = #"""
<!DOCTYPE html>
<html lang="{{language}}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{title}}</title>
<style>
body{margin:0;background:#f1f3f5;font:15px/1.45 -apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:#1f2933}
main{max-width:760px;margin:0 auto;padding:16px 12px}
h1{font-size:21px;margin:4px 4px 14px}
section{background:#fff;border:1px solid #e3e6ea;border-radius:8px;padding:14px 16px;margin-bottom:14px;break-inside:avoid}
.top{display:flex;justify-content:space-between;gap:12px;align-items:baseline}
.who{font-size:17px;font-weight:700}.num{color:#9ca3af;font-size:13px;font-weight:400}
.amount{font-weight:700;white-space:nowrap}
.phone a{display:inline-block;margin:6px 0 2px;padding:6px 12px;border-radius:6px;background:#1f4e79;color:#fff;font-weight:600;text-decoration:none}
.reason{color:#4b5563;font-size:14px}
dl{margin:10px 0 0;display:grid;grid-template-columns:max-content 1fr;gap:3px 12px;font-size:14px}
dt{color:#6b7280}dd{margin:0}
h2{font-size:13px;text-transform:uppercase;letter-spacing:.05em;color:#6b7280;margin:14px 0 4px}
ol{margin:0;padding-left:1.3em}li{margin:3px 0}
.hint{margin-top:10px;font-size:12px;color:#9ca3af;font-family:ui-monospace,Menlo,Consolas,monospace}
@media (max-width:480px){dl{grid-template-columns:1fr}dt{margin-top:4px}.top{flex-direction:column;gap:2px}}
@media print{body{background:#fff}section{border-color:#bbb}}
</style></head>
<body><main>
<h1>{{title}}</h1>
{{#calls}}
<section>
<div class="top"><div class="who"><span class="num">{{number}}</span> {{customer}}</div>{{#amount}}<div class="amount">{{.}}</div>{{/amount}}</div>
{{#phone}}<div class="phone">{{#phoneLink}}<a href="{{phoneLink}}">☎ {{phone}}</a>{{/phoneLink}}{{^phoneLink}}{{phone}}{{/phoneLink}}</div>{{/phone}}
{{#reason}}<div class="reason">{{.}}</div>{{/reason}}
{{^empty(details)}}<dl>{{/empty(details)}}{{#details}}<dt>{{label}}</dt><dd>{{value}}</dd>{{/details}}{{^empty(details)}}</dl>{{/empty(details)}}
{{^empty(script)}}<h2>{{scriptLabel}}</h2><ol>{{/empty(script)}}{{#script}}<li>{{.}}</li>{{/script}}{{^empty(script)}}</ol>{{/empty(script)}}
<div class="hint">{{outcomeHint}}</div>
</section>
{{/calls}}
</main></body></html>
"""#
}
