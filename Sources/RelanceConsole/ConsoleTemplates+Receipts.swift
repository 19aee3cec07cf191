extension ConsoleTemplates {
    /// Bank receipts to link (`ReceiptsController`); `r` holds the page's words.
    static let receipts = """
        <h1>{{r.title}}</h1>
        {{#notice}}<p class="card notice">{{notice}}</p>{{/notice}}
        {{#error}}<p class="alert">{{error}}</p>{{/error}}
        <p class="quiet">{{r.intro}}</p>
        {{#creditors}}
        <section>
          {{#many}}<h2>{{name}}</h2>{{/many}}
          {{^hasReceipts}}<p class="quiet">{{r.none}}</p>{{/hasReceipts}}
          {{#receipts}}
          <article class="card receipt" id="receipt-{{id}}">
            <p class="kind">#{{id}} · {{amount}}</p>
            <h3>{{headline}}</h3>
            <dl>{{#remittance}}<dt>{{r.label}}</dt><dd>{{remittance}}</dd>{{/remittance}}{{#iban}}<dt>IBAN</dt><dd>{{iban}}</dd>{{/iban}}<dt>{{r.account}}</dt><dd>{{account}}</dd></dl>
            {{#hasSuggestions}}<p>{{r.sameAmount}}</p>
            <div class="actions">{{#suggestions}}
            <form method="post" action="{{linkURL}}" class="inline"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="customer" value="{{code}}">
              <button type="submit">{{r.linkTo}} {{code}} {{name}} ({{invoice}})</button></form>{{/suggestions}}
            </div>{{/hasSuggestions}}
            <div class="actions">
            <form method="post" action="{{linkURL}}" class="inline"><input type="hidden" name="csrf" value="{{csrf}}">
              <label>{{r.customerCode}}<input name="customer" required maxlength="100" autocapitalize="characters"></label>
              <button type="submit" class="primary">{{r.link}}</button></form>
            <form method="post" action="{{dismissURL}}" class="inline" title="{{r.dismissHint}}"><input type="hidden" name="csrf" value="{{csrf}}">
              <button type="submit">{{r.dismiss}}</button></form>
            </div>
          </article>
          {{/receipts}}
        </section>
        {{/creditors}}
        """
}
