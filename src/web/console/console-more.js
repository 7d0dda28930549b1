/*
 * 「待补充问题」 (unanswered questions, grouped, with 据此新建条目), 「留言」 (visitors' messages: reply, close),
 * 「活动」 (create an event; poster, leaflets, quiz and reach figures) and 「统计」 (the statistics).
 */
(function () {
  'use strict';
  var PC = window.PC, el = PC.el, add = PC.add;
  var pct = function (x) { return x === null || x === undefined ? '—' : (x * 100).toFixed(1) + '%'; };

  PC.views.gaps = function (box) {
    var head = el('section', 'card');
    add(head, el('h2', null, '待补充问题'), el('p', 'hint', '近 90 天群众问了、机器人没能答好的问题（未能解答、需要选择、点了“没帮助”），相近的问法归为一组，次数多的在前。'));
    var list = el('div');
    add(box, head, list);
    PC.api('GET', '/api/admin/gaps').then(function (r) {
      if (!r.data.gaps.length) add(list, el('p', 'card', '这段时间没有待补充的问题。'));
      r.data.gaps.slice(0, 100).forEach(function (g) {
        var c = el('article', 'card');
        var why = [];
        if (g.reasons.fallback) why.push('未能解答 ' + g.reasons.fallback + ' 次');
        if (g.reasons.clarify) why.push('需要选择 ' + g.reasons.clarify + ' 次');
        if (g.reasons.unhelpful) why.push('没帮助 ' + g.reasons.unhelpful + ' 次');
        add(c, el('h3', null, g.sample), el('p', 'hint', '共问了 ' + g.count + ' 次：' + why.join('，')));
        var ul = el('ul');
        g.examples.forEach(function (q) { add(ul, el('li', null, q)); });
        add(c, ul, el('div', 'actions'));
        c.lastChild.appendChild(PC.button('据此新建条目', null, function () {
          var qs = g.examples.map(function (q) { return q.trim().slice(0, 120); }).filter(function (q) { return q.length >= 2; });
          PC.prefill = { title: (qs[0] || g.sample).slice(0, 80), questions: qs.slice(1) };
          PC.go('#new');
        }));
        list.appendChild(c);
      });
    }, function (err) { add(list, el('p', 'error', err.message)); });
  };

  PC.views.messages = function (box) {
    var head = el('section', 'card');
    add(head, el('h2', null, '留言'));
    var filter = PC.select('messages-status', [
      { value: 'pending', label: '待处理' }, { value: 'replied', label: '已回复' }, { value: 'closed', label: '已关闭' }, { value: '', label: '全部' },
    ], 'pending');
    add(head, PC.field('显示', filter), el('p', 'hint', '群众看到的是“答复”；“内部备注”只有工作人员看得到。联系方式只用于回复本人，请勿外传。'));
    var list = el('div');
    add(box, head, list);
    var seq = 0;
    var load = function () {
      if (!PC.features.messages) {
        list.textContent = '';
        add(list, el('p', 'card notice', '留言功能未开启：群众暂时不能在网页上给工作人员留言。'));
        return;
      }
      var mine = ++seq;
      PC.api('GET', '/api/admin/messages' + (filter.value ? '?status=' + filter.value : '')).then(function (r) {
        if (mine !== seq) return;
        list.textContent = '';
        if (!r.data.messages.length) add(list, el('p', 'card', '没有这类留言。'));
        r.data.messages.forEach(function (m) { list.appendChild(messageCard(m, load)); });
      }, function (err) {
        if (mine !== seq) return;
        list.textContent = '';
        if (err.status === 404 || err.status === 503) add(list, el('p', 'card notice', '留言功能未开启。'));
        else add(list, el('p', 'error', err.message));
      });
    };
    filter.addEventListener('change', load);
    load();
  };

  function messageCard(m, reload) {
    var c = el('article', 'card');
    c.id = 'message-' + m.id;
    add(c, el('h3', null, m.question), PC.add(el('div', 'badges'), el('span', 'badge' + (m.status === 'pending' ? ' mid' : ' good'), m.statusLabel), el('span', 'badge', '回执码 ' + m.code)));
    add(c, el('p', null, '联系方式：' + (m.name ? m.name + '，' : '') + m.contact), el('p', 'hint', '留言时间 ' + PC.time(m.createdAt) + (m.handledBy ? ' · 处理人 ' + m.handledBy + '（' + PC.time(m.updatedAt) + '）' : '')));
    var reply = el('textarea');
    reply.id = 'reply-' + m.id;
    reply.value = m.reply || '';
    var note = el('textarea');
    note.id = 'note-' + m.id;
    note.value = m.note || '';
    var msg = el('p', 'error');
    msg.setAttribute('role', 'alert');
    var send = function (status) {
      var body = {};
      if (reply.value.trim()) body.reply = reply.value.trim();
      if (note.value.trim() || !status) body.note = note.value.trim();
      if (status) body.status = status;
      if (status === 'replied' && !body.reply) { msg.textContent = '请先写答复，群众凭回执码会看到它。'; return; }
      PC.api('POST', '/api/admin/messages/' + encodeURIComponent(m.id), body).then(function () {
        PC.toast(status === 'closed' ? '留言已关闭' : '答复已发送');
        PC.refreshCounts();
        reload();
      }, function (err) { msg.textContent = err.message; });
    };
    var actions = el('div', 'actions');
    add(actions, PC.button('发送答复', null, function () { send('replied'); }), PC.button('关闭留言', 'quiet', function () { send('closed'); }), PC.button('只保存备注', 'quiet', function () { send(); }));
    add(c, PC.field('答复（群众可见）', reply), PC.field('内部备注（群众看不到）', note), actions, msg);
    return c;
  }

  PC.views.events = function (box) {
    var formCard = el('form', 'card');
    formCard.noValidate = true;
    add(formCard, el('h2', null, '新建活动'));
    var inputs = {};
    [['code', '活动代码', '英文字母、数字、_ 或 -，用在二维码链接里，例如 songfa2026'], ['name', '活动名称', '例如：送法入企——排污许可与危险废物'], ['date', '日期', ''], ['place', '地点', ''], ['greeting', '欢迎语', '海报和群众扫码后看到的第一句话']].forEach(function (d) {
      var i = el(d[0] === 'greeting' ? 'textarea' : 'input');
      i.id = 'ev-' + d[0];
      if (d[0] === 'date') i.type = 'date';
      inputs[d[0]] = i;
      add(formCard, PC.field(d[1], i, d[2]));
    });
    var msg = el('p', 'error');
    msg.setAttribute('role', 'alert');
    var ok = el('p', 'ok');
    ok.setAttribute('role', 'status');
    var submit = el('button', null, '创建活动');
    submit.type = 'submit';
    add(formCard, PC.add(el('div', 'actions'), submit), msg, ok);
    var list = el('div');
    add(box, formCard, list);
    formCard.addEventListener('submit', function (ev) {
      ev.preventDefault();
      msg.textContent = '';
      var body = {};
      Object.keys(inputs).forEach(function (k) { body[k] = inputs[k].value.trim(); });
      PC.api('POST', '/api/admin/events', body).then(function () {
        ok.textContent = '活动已创建，海报和二维码现在就能打印。';
        Object.keys(inputs).forEach(function (k) { inputs[k].value = ''; });
        loadEvents(list);
      }, function (err) { msg.textContent = err.message; });
    });
    loadEvents(list);
  };

  function loadEvents(list) {
    list.textContent = '';
    Promise.all([PC.api('GET', '/api/admin/events'), PC.api('GET', '/api/admin/stats?from=2000-01-01'), PC.loadForm()]).then(function (rs) {
      var events = rs[0].data.events, stats = rs[1].data, form = rs[2];
      var reach = {}, quiz = {};
      stats.byEvent.forEach(function (g) { reach[g.key] = g; });
      stats.quiz.forEach(function (q) { quiz[q.event] = q; });
      var card = el('section', 'card');
      add(card, el('h2', null, '活动（' + events.length + '）'));
      if (!events.length) add(card, el('p', null, '还没有活动。'));
      events.forEach(function (e) {
        var r = reach[e.code], q = quiz[e.code];
        var item = el('article');
        add(item, el('h3', null, e.name), el('p', 'hint', e.date + ' · ' + e.place + ' · 代码 ' + e.code));
        add(item, el('p', null, '扫码提问 ' + (r ? r.questions : 0) + ' 次，' + (r ? r.askers : 0) + ' 人；竞答 ' + (q ? q.participants + ' 人参加，平均 ' + q.averageScore.toFixed(1) + '/' + q.averageTotal.toFixed(0) + ' 分' : '无人参加') + '。'));
        var links = el('div', 'actions');
        var poster = el('a', null, '打印海报');
        poster.href = '/events/' + encodeURIComponent(e.code);
        poster.target = '_blank';
        add(links, poster);
        add(item, links);
        card.appendChild(item);
      });
      var leaflets = el('div', 'actions');
      add(card, el('h3', null, '按主题打印宣传单'), leaflets);
      form.topics.forEach(function (t) {
        var a = el('a', null, t.label);
        a.href = '/leaflets/' + t.value;
        a.target = '_blank';
        leaflets.appendChild(a);
      });
      list.appendChild(card);
    }, function (err) { add(list, el('p', 'error', err.message)); });
  }

  PC.views.stats = function (box) {
    var head = el('form', 'card');
    add(head, el('h2', null, '统计'));
    var from = el('input'), to = el('input');
    from.type = to.type = 'date';
    from.id = 'stats-from';
    to.id = 'stats-to';
    var row = el('div', 'filters');
    var go = el('button', null, '查询');
    go.type = 'submit';
    add(row, PC.field('起始日期', from), PC.field('结束日期', to));
    add(head, row, PC.add(el('div', 'actions'), go), el('p', 'hint', '不填日期时显示最近 90 天。'));
    var out = el('div');
    add(box, head, out);
    var load = function () {
      var q = [];
      if (from.value) q.push('from=' + from.value);
      if (to.value) q.push('to=' + to.value);
      out.textContent = '';
      PC.api('GET', '/api/admin/stats' + (q.length ? '?' + q.join('&') : '')).then(function (r) { drawStats(out, r.data); }, function (err) { add(out, el('p', 'error', err.message)); });
    };
    head.addEventListener('submit', function (ev) { ev.preventDefault(); load(); });
    load();
  };

  var CHANNELS = { web: '网页', api: '接口', telegram: 'Telegram' };
  function drawStats(out, s) {
    var figures = el('section', 'card');
    add(figures, el('h3', null, s.from + ' 至 ' + s.to));
    var grid = el('div', 'figures');
    [['咨询总数', s.questions], ['已解答', s.answered], ['解答率', pct(s.answeredRate)], ['未能解答', s.unanswered], ['服务人数', s.uniqueAskers], ['满意度', pct(s.helpfulRate)],
      ['竞答参与', s.quiz.reduce(function (n, q) { return n + q.participants; }, 0)]].forEach(function (f) {
      grid.appendChild(PC.add(el('div', 'figure'), el('b', null, f[1]), el('span', null, f[0])));
    });
    add(figures, grid);
    out.appendChild(figures);
    var topics = {};
    (PC.form ? PC.form.topics : []).forEach(function (t) { topics[t.value] = t.label; });
    [['每周咨询', s.byWeek, function (k) { return k; }], ['按主题', s.byTopic, function (k) { return topics[k] || k || '（未答出）'; }],
      ['按渠道', s.byChannel, function (k) { return CHANNELS[k] || k; }], ['按活动', s.byEvent, function (k) { return k || '（非活动）'; }]].forEach(function (t) {
      out.appendChild(table(t[0], t[1], t[2]));
    });
  }

  function table(title, rows, name) {
    var c = el('section', 'card');
    add(c, el('h3', null, title));
    if (!rows.length) return add(c, el('p', null, '该时段没有数据'));
    var max = Math.max.apply(null, rows.map(function (r) { return r.questions; })) || 1;
    var t = el('table', 'bars');
    add(t, PC.add(el('tr'), el('th', null, '项目'), el('th', null, '咨询'), el('th', null, '已解答'), el('th', null, '人数'), el('th', null, '')));
    rows.forEach(function (r) {
      var bar = el('span', 'bar');
      bar.style.width = Math.round((r.questions / max) * 100) + '%';
      add(t, PC.add(el('tr'), el('td', null, name(r.key)), el('td', null, r.questions), el('td', null, r.answered), el('td', null, r.askers), PC.add(el('td'), bar)));
    });
    return add(c, t);
  }
})();
