/*
 * 「新建条目」 and edit (#new, #edit/<id>): a form built from the entry schema's fields as the server
 * describes them (labels, options, limits), validated live by the server with the checks of
 * check-knowledge, saved as a draft (a published entry gets a revision that waits for 法制审核). The 法律依据
 * rows and the 相关条目 picker are built by console-form-refs.js, the article texts by console-article.js.
 */
(function () {
  'use strict';
  var PC = window.PC, el = PC.el, add = PC.add;

  var lines = function (text) { return text.split('\n').map(function (s) { return s.trim(); }).filter(Boolean); };
  var terms = function (text) { return text.split(/[\s,，、;；]+/).map(function (s) { return s.trim(); }).filter(Boolean); };

  function control(f, value) {
    var c;
    if (f.input === 'select') c = PC.select('f-' + f.name, f.options, value);
    else if (f.input === 'textarea' || f.input === 'lines') c = el('textarea');
    else c = el('input');
    c.id = 'f-' + f.name;
    if (f.input === 'date') c.type = 'date';
    if (f.input === 'text' && f.maxLength) c.maxLength = f.maxLength;
    if (f.required) c.required = true;
    if (f.description) c.title = f.description;
    if (value !== undefined && f.input !== 'select') c.value = Array.isArray(value) ? value.join(f.input === 'terms' ? '，' : '\n') : value;
    return c;
  }

  function limits(f) {
    if (f.minLength && f.maxLength) return (f.input === 'lines' ? '每行 ' : f.input === 'terms' ? '每个 ' : '') + f.minLength + '–' + f.maxLength + ' 字。';
    if (f.minLength) return '至少 ' + f.minLength + ' 字。';
    return '';
  }

  PC.views['new'] = function (box) { form(box, null); };
  PC.views.edit = function (box, id) {
    PC.api('GET', '/api/admin/console/entries/' + encodeURIComponent(id)).then(function (r) { form(box, r.data); }, function (err) {
      add(box, el('p', 'error', err.message));
    });
  };

  function form(box, detail) {
    PC.loadForm().then(function (spec) { build(box, spec, detail); }, function (err) { add(box, el('p', 'error', err.message)); });
  }

  function build(box, spec, detail) {
    var entry = detail ? detail.entry : { kind: 'faq', topic: 'general', questions: [], keywords: [], basis: [], related: [] };
    if (!detail && PC.prefill) {
      entry.title = PC.prefill.title;
      entry.questions = PC.prefill.questions;
      PC.prefill = null;
    }
    var version = detail ? detail.version : null;
    var card = el('form', 'card');
    card.noValidate = true;
    add(card, el('h2', null, detail ? '修改条目：' + detail.title : '新建条目'));
    if (detail) {
      add(card, PC.badges(detail));
      if (detail.status === 'published') add(card, el('p', 'notice', '这是已发布的条目：保存后成为“修改待审核”，批准前群众仍看到原来的答复。'));
      if (detail.sentBack) add(card, el('p', 'notice', '退回意见（' + detail.sentBack.by + '，' + PC.time(detail.sentBack.at) + '）：' + detail.sentBack.comment));
    }
    var summary = el('div', 'summary');
    summary.setAttribute('role', 'alert');
    add(card, summary);
    var errs = {};
    var more = el('details');
    add(more, el('summary', null, '更多（可不填）'));
    var related = entry.related.slice();
    var basisBox, relatedIds;

    spec.fields.forEach(function (f) {
      var wrap;
      if (f.input === 'basis') {
        var basis = PC.basisField(f, spec, entry.basis, changed);
        basisBox = basis.box;
        wrap = basis.wrap;
      } else if (f.input === 'related') {
        var picker = PC.relatedField(f, spec, related, changed);
        relatedIds = picker.ids;
        wrap = picker.wrap;
      } else {
        var c = control(f, entry[f.name]);
        if (f.name === 'id' && detail) c.disabled = true;
        wrap = PC.field(f.label + (f.required ? '' : '（可不填）'), c, f.hint + ' ' + limits(f));
        if (f.name === 'id' && !detail) {
          wrap.appendChild(PC.button('自动生成编号', 'quiet', function () {
            c.value = PC.$('f-topic').value + '-' + Date.now().toString(36);
            changed();
          }));
        }
      }
      var e = el('p', 'error');
      e.id = 'err-' + f.name;
      errs[f.name] = e;
      wrap.appendChild(e);
      (f.required ? card : more).appendChild(wrap);
    });
    add(card, more);
    var status = el('p', 'ok');
    status.setAttribute('role', 'status');
    var save = el('button', null, '保存草稿');
    save.type = 'submit';
    add(card, el('div', 'actions'), status);
    card.querySelector('.actions').appendChild(save);
    add(box, card);


    /** The entry as the form holds it now (empty optional fields left out). */
    function collect() {
      var out = {};
      spec.fields.forEach(function (f) {
        if (f.input === 'basis') {
          out.basis = [];
          basisBox.querySelectorAll('.basis-row').forEach(function (row) {
            var s = row.querySelector('.b-source').value, a = row.querySelector('.b-article').value.trim();
            if (s || a) out.basis.push({ source: s, article: a });
          });
          return;
        }
        if (f.input === 'related') { out.related = relatedIds().slice(); return; }
        var v = PC.$('f-' + f.name).value;
        if (f.input === 'lines') out[f.name] = lines(v);
        else if (f.input === 'terms') out[f.name] = terms(v);
        else if (v.trim() || f.required) out[f.name] = f.input === 'textarea' ? v.replace(/\s+$/, '') : v.trim();
        if (!f.required && Array.isArray(out[f.name]) && !out[f.name].length) delete out[f.name];
      });
      if (detail) out.id = detail.id;
      // The team's check against the law text covers the text it saw: kept only while answer and basis are unchanged.
      if (detail && detail.entry.checked && out.answer === detail.entry.answer && JSON.stringify(out.basis) === JSON.stringify(detail.entry.basis)) {
        out.checked = detail.entry.checked;
      }
      return out;
    }

    /** Shows field errors next to their fields; those without a field go to the summary. */
    function showErrors(errors, warnings) {
      Object.keys(errs).forEach(function (k) { errs[k].textContent = ''; });
      basisBox.querySelectorAll('.b-error').forEach(function (e) { e.textContent = ''; });
      summary.textContent = '';
      var loose = [];
      (errors || []).forEach(function (e) {
        var m = /^basis\[(\d+)\]\.?(\w*)/.exec(e.field);
        var name = e.field.replace(/[\[.].*$/, '');
        var label = labelOf(name) + (m ? ' 第' + (Number(m[1]) + 1) + '条' + (m[2] === 'article' ? '的条款' : m[2] === 'source' ? '的来源' : '') : '');
        if (m && basisBox.querySelectorAll('.basis-row')[Number(m[1])]) {
          basisBox.querySelectorAll('.basis-row')[Number(m[1])].querySelector('.b-error').textContent = label + '：' + e.message;
        } else if (errs[name]) errs[name].textContent = (errs[name].textContent ? errs[name].textContent + '；' : '') + e.message;
        else loose.push((e.field ? e.field + '：' : '') + e.message);
      });
      if (errors && errors.length) add(summary, el('p', null, '还有 ' + errors.length + ' 处需要修改才能保存：'));
      loose.forEach(function (t) { add(summary, el('p', null, t)); });
      (warnings || []).forEach(function (w) { add(summary, el('p', 'warn', w.message)); });
    }

    function labelOf(name) {
      var f = spec.fields.filter(function (x) { return x.name === name; })[0];
      return f ? f.label : name;
    }

    var timer, seq = 0;
    function changed() {
      status.textContent = '';
      clearTimeout(timer);
      timer = setTimeout(validate, 400);
    }
    function validate() {
      if (!card.isConnected) return Promise.resolve(null);
      var mine = ++seq;
      return PC.api('POST', '/api/admin/console/validate', { entry: collect(), create: !detail }).then(function (r) {
        if (mine === seq) showErrors(r.data.errors, r.data.warnings);
        return r.data;
      }, function (err) { summary.textContent = err.message; });
    }
    card.addEventListener('input', changed);
    card.addEventListener('change', changed);

    card.addEventListener('submit', function (ev) {
      ev.preventDefault();
      save.disabled = true;
      status.textContent = '';
      var body = collect();
      var req = detail
        ? PC.api('PUT', '/api/admin/entries/' + encodeURIComponent(detail.id), body, { 'if-match': '"' + version + '"' })
        : PC.api('POST', '/api/admin/entries', body);
      req.then(function (r) {
        version = r.data.version;
        showErrors([], []);
        var text = r.data.pendingRevision ? '草稿已保存（修改待法制审核，批准前群众仍看到原答复）' : '草稿已保存，等待另一位工作人员在“待审核”中批准发布';
        PC.form = null;
        if (!detail) {
          PC.toast('草稿已保存');
          location.hash = '#edit/' + encodeURIComponent(body.id);
          PC.savedMessage = text;
          return;
        }
        status.textContent = text;
        PC.toast('草稿已保存');
        PC.refreshCounts();
      }, function (err) {
        if (err.body && err.body.errors) showErrors(err.body.errors, []);
        summary.insertBefore(el('p', null, err.message), summary.firstChild);
        if (err.status === 412) add(summary, el('p', null, '请复制您的修改，刷新页面后再改。'));
      }).then(function () { save.disabled = false; });
    });
    if (PC.savedMessage) { status.textContent = PC.savedMessage; PC.savedMessage = null; }
    if (!detail) PC.$('f-id').focus();
    if (detail || entry.title) validate();
  }
})();
