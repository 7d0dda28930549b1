/*
 * 「联系我们」 of the web chat: the bureau's phone (tap to call), address, hours and the hotlines, the 留言 form
 * (您的问题, 联系电话, optional name, consent, 提交留言 → 已收到 and a receipt code) and the status lookup by receipt
 * code. Plain JS, every text set with textContent. Exposes window.PufaContact.open(question?) for the chat's
 * fallback replies.
 */
(function () {
  'use strict';

  var KEY_RECEIPTS = 'pufa.receipts';
  var $ = function (id) {
    return document.getElementById(id);
  };

  function el(tag, cls, text) {
    var n = document.createElement(tag);
    if (cls) n.className = cls;
    if (text !== undefined && text !== null) n.textContent = String(text);
    return n;
  }
  // The chat's own storage helpers and session (chat.js runs first); without it, nothing is remembered.
  var chat = window.PufaChat || {
    load: function () {
      return null;
    },
    save: function () {},
    session: function () {
      return undefined;
    },
  };
  var load = chat.load;
  var save = chat.save;
  function receipts() {
    try {
      var r = JSON.parse(load(KEY_RECEIPTS) || '[]');
      return Array.isArray(r)
        ? r.filter(function (c) {
            return typeof c === 'string';
          })
        : [];
    } catch (_e) {
      return [];
    }
  }
  function session() {
    return chat.session();
  }

  function call(method, url, body) {
    var init = { method: method, headers: { accept: 'application/json' } };
    if (body !== undefined) {
      init.headers['content-type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(url, init).then(
      function (res) {
        return res
          .json()
          .catch(function () {
            return {};
          })
          .then(function (data) {
            if (!res.ok) throw new Error((data && data.error) || '提交没有成功，请稍后再试或拨打 12369。');
            return data;
          });
      },
      function () {
        throw new Error('网络连接不太好，请检查网络后再试。');
      },
    );
  }

  var panel = $('contact-panel');
  var openBtn = $('contact');
  if (!panel || !openBtn) return;
  var info = null;

  function callLink(number, label) {
    var a = el('a', 'call', '📞 ' + label + ' ' + number);
    a.href = 'tel:' + String(number).replace(/[^\d+]/g, '');
    return a;
  }

  function renderInfo(box, c) {
    box.textContent = '';
    box.appendChild(el('h2', null, '联系' + (c.bureauName || '我们')));
    var list = el('div', 'contacts');
    if (c.phone) list.appendChild(callLink(c.phone, '咨询电话'));
    (c.hotlines || []).forEach(function (h) {
      list.appendChild(callLink(h.number, h.label));
    });
    box.appendChild(list);
    if (c.address) {
      var p = el('p', 'address', '办公地址：' + c.address);
      if (c.mapUrl) {
        var m = el('a', 'map', '查看地图');
        m.href = c.mapUrl;
        m.rel = 'noopener';
        m.target = '_blank';
        p.appendChild(document.createTextNode(' '));
        p.appendChild(m);
      }
      box.appendChild(p);
    }
    if (c.hours) box.appendChild(el('p', 'hours', '办公时间：' + c.hours));
  }

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
          var list = receipts();
          if (list.indexOf(r.code) < 0) list.unshift(r.code);
          save(KEY_RECEIPTS, JSON.stringify(list.slice(0, 10)));
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

  function open(prefill) {
    panel.hidden = false;
    openBtn.setAttribute('aria-expanded', 'true');
    var infoBox = panel.querySelector('.contact-info');
    var formBox = panel.querySelector('.contact-form');
    var lookBox = panel.querySelector('.contact-lookup');
    var draw = function () {
      renderInfo(
        infoBox,
        info || {
          bureauName: '',
          hotlines: [
            { number: '12369', label: '环保举报热线' },
            { number: '12345', label: '政务服务便民热线' },
          ],
        },
      );
      if (!info || info.messages !== false) {
        renderForm(formBox, prefill);
        renderLookup(lookBox);
      } else {
        formBox.textContent = '';
        formBox.appendChild(el('p', 'hint', '在线留言暂未开通，请在工作时间拨打上面的电话咨询。'));
        lookBox.textContent = '';
      }
      panel.scrollIntoView({ block: 'start' });
      var first = prefill ? $('msg-contact') : panel.querySelector('a, button, input');
      if (first) first.focus();
    };
    if (info) draw();
    else
      call('GET', '/api/contact').then(
        function (c) {
          info = c;
          draw();
        },
        function () {
          draw();
        },
      );
  }
  function close() {
    panel.hidden = true;
    openBtn.setAttribute('aria-expanded', 'false');
    openBtn.focus();
  }

  openBtn.addEventListener('click', function () {
    if (panel.hidden) open();
    else close();
  });
  var closeBtn = $('contact-close');
  if (closeBtn) closeBtn.addEventListener('click', close);
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape' && !panel.hidden) close();
  });

  window.PufaContact = { open: open, close: close };
})();
