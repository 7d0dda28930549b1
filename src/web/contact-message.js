/*
 * 留言 in 「联系我们」: the form (您的问题, 联系电话, optional name, consent, 提交留言 → 已收到 and a receipt code)
 * and the status lookup by receipt code. Every text set with textContent. Loaded after contact-base.js and
 * before contact.js; exposes window.PufaContactMessage.
 */
(function () {
  'use strict';

  var base = window.PufaContactBase;
  var el = base.el;
  var call = base.call;
  var receipts = base.receipts;
  var addReceipt = base.addReceipt;
  var session = base.session;
  var $ = function (id) {
    return document.getElementById(id);
  };

  /**
   * Fills `box` with the 留言 form (question prefilled with `prefill`, contact, optional name, consent); once
   * sent, the box shows 已收到 and the receipt code, remembered for the lookup.
   */
  function renderForm(box, prefill) {
    box.textContent = '';
    box.appendChild(el('h3', null, '给工作人员留言'));
    box.appendChild(el('p', 'hint', '写下您的问题和联系电话，工作人员会在工作日回复；凭回执号可查看处理情况和回复。'));
    var form = el('form', 'leave-message');
    form.noValidate = true;
    function field(id, label, node) {
      var l = el('label', null, label);
      l.htmlFor = id;
      node.id = id;
      form.appendChild(l);
      form.appendChild(node);
      return node;
    }
    var q = field('msg-question', '您的问题', el('textarea'));
    q.rows = 4;
    q.maxLength = 1000;
    q.required = true;
    if (prefill) q.value = prefill;
    var contact = field('msg-contact', '联系电话', el('input'));
    contact.type = 'text';
    contact.inputMode = 'tel';
    contact.autocomplete = 'tel';
    contact.maxLength = 60;
    contact.placeholder = '手机、座机，或微信号、邮箱';
    contact.required = true;
    var name = field('msg-name', '怎么称呼您（可不填）', el('input'));
    name.type = 'text';
    name.maxLength = 30;
    name.autocomplete = 'name';
    var consentRow = el('div', 'consent');
    var consent = el('input');
    consent.type = 'checkbox';
    consent.id = 'msg-consent';
    var cl = el('label', null, '我同意：联系方式仅用于工作人员回复本次留言，留言办结后按规定期限删除。');
    cl.htmlFor = 'msg-consent';
    consentRow.appendChild(consent);
    consentRow.appendChild(cl);
    form.appendChild(consentRow);
    var status = el('p', 'form-status');
    status.setAttribute('role', 'status');
    var submit = el('button', 'primary', '提交留言');
    submit.type = 'submit';
    form.appendChild(submit);
    form.appendChild(status);
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      if (!q.value.trim()) {
        status.textContent = '请写下您的问题。';
        q.focus();
        return;
      }
      if (!contact.value.trim()) {
        status.textContent = '请留下联系电话或其他联系方式，工作人员才能回复您。';
        contact.focus();
        return;
      }
      if (!consent.checked) {
        status.textContent = '请先勾选同意后再提交。';
        consent.focus();
        return;
      }
      submit.disabled = true;
      status.textContent = '正在提交…';
      var body = { question: q.value.trim(), contact: contact.value.trim(), consent: true, channel: 'web' };
      if (name.value.trim()) body.name = name.value.trim();
      var s = session();
      if (s) body.session = s;
      call('POST', '/api/messages', body).then(
        function (r) {
          addReceipt(r.code);
          box.textContent = '';
          box.appendChild(el('h3', null, '已收到'));
          box.appendChild(el('p', null, '您的留言已收到，工作人员会尽快回复。请记下回执号，凭它查看处理情况和回复：'));
          box.appendChild(el('p', 'receipt', r.code));
          var again = el('button', null, '查看处理情况');
          again.type = 'button';
          again.addEventListener('click', function () {
            lookup(r.code);
          });
          box.appendChild(again);
        },
        function (err) {
          submit.disabled = false;
          status.textContent = err.message;
        },
      );
    });
    box.appendChild(form);
  }

  var lookupBox = null;
  /** Fills `box` with the lookup by receipt code (the last code left from this browser filled in). */
  function renderLookup(box) {
    lookupBox = box;
    box.textContent = '';
    box.appendChild(el('h3', null, '查看留言回复'));
    var form = el('form', 'lookup');
    var l = el('label', null, '回执号');
    l.htmlFor = 'msg-code';
    var input = el('input');
    input.id = 'msg-code';
    input.type = 'text';
    input.maxLength = 12;
    input.placeholder = '例如 K7Q3-M9XP';
    input.autocapitalize = 'characters';
    var known = receipts();
    if (known.length) input.value = known[0];
    var b = el('button', null, '查询');
    b.type = 'submit';
    form.appendChild(l);
    form.appendChild(input);
    form.appendChild(b);
    var out = el('div', 'lookup-result');
    out.setAttribute('role', 'status');
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      if (input.value.trim()) lookup(input.value.trim());
    });
    box.appendChild(form);
    box.appendChild(out);
  }

  /** Looks up a receipt code and shows the message's status and reply under the lookup form. */
  function lookup(code) {
    if (!lookupBox) return;
    var out = lookupBox.querySelector('.lookup-result');
    var input = $('msg-code');
    if (input) input.value = code;
    out.textContent = '正在查询…';
    call('GET', '/api/messages/' + encodeURIComponent(code)).then(
      function (m) {
        out.textContent = '';
        out.appendChild(el('p', 'msg-status', '状态：' + m.statusLabel));
        out.appendChild(el('p', 'msg-q', '您的问题：' + m.question));
        if (m.reply) out.appendChild(el('p', 'msg-reply', '工作人员回复：' + m.reply));
        else out.appendChild(el('p', 'hint', '工作人员还没有回复，请稍后再来查看。'));
        out.scrollIntoView({ block: 'nearest' });
      },
      function (err) {
        out.textContent = err.message;
      },
    );
  }

  window.PufaContactMessage = { renderForm: renderForm, renderLookup: renderLookup, lookup: lookup };
})();
