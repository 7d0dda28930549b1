/*
 * 「知识条目」: every entry, searched and filtered by topic, kind, status and flags (no recorded 法制审核;
 * cites a law no longer in force); each opens to the reply exactly as the public gets it.
 */
(function () {
  'use strict';
  var PC = window.PC, el = PC.el, add = PC.add;

  /** The form spec (fields, options, sources, entries) from the server, fetched once per sign-in. */
  PC.loadForm = function () {
    if (PC.form) return Promise.resolve(PC.form);
    return PC.api('GET', '/api/admin/console/form').then(function (r) { PC.form = r.data; return PC.form; });
  };

  function badges(row) {
    var b = el('div', 'badges');
    add(b, el('span', 'badge' + (row.status === 'published' && !row.pendingRevision ? ' good' : row.status === 'retired' ? '' : ' mid'), row.statusLabel));
    add(b, el('span', 'badge', row.topicLabel), el('span', 'badge', row.kindLabel));
    if (row.review) add(b, el('span', 'badge good', '法制审核：' + row.review.by + '（' + row.review.at + '）'));
    else if (row.status === 'published') add(b, el('span', 'badge mid', '无法制审核记录'));
    if (row.checked) add(b, el('span', 'badge', '已对照法典原文核对（' + row.checked.by + '，' + row.checked.at + '）'));
    if (row.sentBack) add(b, el('span', 'badge bad', '已退回修改：' + row.sentBack.comment));
    if (row.notInForce && row.notInForce.length) add(b, el('span', 'badge bad', '引用的法律已失效：' + row.notInForce.join('、')));
    return b;
  }
  PC.badges = badges;

  function filterSelect(id, label, options) {
    var s = PC.select(id, [{ value: '', label: '全部' }].concat(options));
    return PC.field(label, s);
  }

  PC.views.entries = function (box) {
    var card = el('section', 'card');
    add(card, el('h2', null, '知识条目'));
    var filters = el('div', 'filters');
    var q = el('input');
    q.id = 'filter-q';
    q.type = 'search';
    q.placeholder = '标题、问法、关键词或答复中的词';
    var listBox = el('div');
    var count = el('p', 'hint');
    var exportLink = el('a', null, '导出全部条目（Excel）');
    exportLink.href = '/api/admin/export?format=xlsx';
    exportLink.setAttribute('download', 'knowledge.xlsx');
    add(card, filters, count, el('p', 'hint', '批量修改可先导出，改好后交系统管理员导入。'), exportLink);
    add(box, card, listBox);
    PC.loadForm().then(function (form) {
      add(filters, PC.field('搜索', q));
      add(filters, filterSelect('filter-topic', '按主题', form.topics));
      add(filters, filterSelect('filter-kind', '按类型', form.fields.filter(function (f) { return f.name === 'kind'; })[0].options));
      add(filters, filterSelect('filter-status', '按状态', [
        { value: 'published', label: '已发布' }, { value: 'pending', label: '待审核（草稿和修改）' }, { value: 'draft', label: '草稿' },
        { value: 'revision', label: '已发布，修改待审核' }, { value: 'retired', label: '已停用' },
      ]));
      add(filters, filterSelect('filter-flag', '需要处理', [
        { value: 'unreviewed', label: '无法制审核记录' }, { value: 'not-in-force', label: '引用的法律已失效' },
      ]));
      var timer, shownUrl = null;
      var load = function () {
        if (!filters.isConnected) return;
        var params = [];
        ['q', 'topic', 'kind', 'status', 'flag'].forEach(function (k) {
          var v = PC.$('filter-' + k).value.trim();
          if (v) params.push(k + '=' + encodeURIComponent(v));
        });
        var url = '/api/admin/console/entries' + (params.length ? '?' + params.join('&') : '');
        // The search box's change event (on leaving it) must not redraw a list the clerk is working in.
        if (url === shownUrl) return;
        shownUrl = url;
        PC.api('GET', url).then(function (r) {
          count.textContent = '共 ' + r.data.entries.length + ' 个条目';
          listBox.textContent = '';
          r.data.entries.slice(0, 300).forEach(function (row) { listBox.appendChild(entryCard(row)); });
          if (r.data.entries.length > 300) add(listBox, el('p', 'hint', '只显示前 300 个，请用搜索或筛选缩小范围。'));
        }, function (err) { PC.showError(count, err); });
      };
      filters.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(load, 250); });
      filters.addEventListener('change', load);
      load();
    }, function (err) { PC.showError(count, err); });
  };

  function entryCard(row) {
    var c = el('article', 'card');
    add(c, el('h3', null, row.title), el('p', 'hint', '编号 ' + row.id + ' · 更新于 ' + row.updated), badges(row));
    var shown = el('div');
    var actions = el('div', 'actions');
    var view = PC.button('查看答复', 'quiet', function () {
      if (shown.childNodes.length) { shown.textContent = ''; view.textContent = '查看答复'; return; }
      PC.api('GET', '/api/admin/console/entries/' + encodeURIComponent(row.id)).then(function (r) {
        showReplies(shown, r.data);
        view.textContent = '收起答复';
      }, function (err) { PC.showError(shown, err); });
    });
    var edit = el('a', null, '编辑');
    edit.href = '#edit/' + encodeURIComponent(row.id);
    add(actions, view, edit);
    var msg = el('p', 'error');
    msg.setAttribute('role', 'alert');
    if (row.status === 'published' && !row.review && !row.pendingRevision) {
      // 法制审核 of the text the public already gets (entries written outside the console have no recorded review).
      var confirm = PC.button('确认法制审核', 'quiet', function () {
        if (confirm.dataset.sure !== '1') {
          confirm.dataset.sure = '1';
          confirm.textContent = '我已审核，以现有文本确认';
          return;
        }
        confirm.disabled = true;
        PC.api('POST', '/api/admin/entries/' + encodeURIComponent(row.id) + '/confirm-review', {}).then(function () {
          PC.toast('已确认法制审核');
          confirm.remove();
          PC.api('GET', '/api/admin/console/entries/' + encodeURIComponent(row.id)).then(function (r) { c.replaceChild(PC.badges(r.data), c.querySelector('.badges')); });
        }, function (err) {
          msg.textContent = err.message + (err.body && err.body.errors ? '：' + err.body.errors.map(function (e) { return e.message; }).join('；') : '');
          confirm.disabled = false;
        });
      });
      add(actions, confirm);
    }
    add(c, actions, msg, shown);
    return c;
  }

  /** The public reply (and the one the waiting text will give) of an entry's detail. */
  function showReplies(target, d) {
    target.textContent = '';
    if (d.publicReply) add(target, el('p', 'hint', '群众现在看到的答复：'), el('div', 'reply', d.publicReply));
    else if (d.status === 'published') add(target, el('p', 'hint', '该条目今天不在有效期内，群众看不到。'));
    if (d.draftReply) add(target, el('p', 'hint', d.status === 'published' ? '修改批准后群众将看到：' : '批准发布后群众将看到：'), el('div', 'reply', d.draftReply));
    if (!d.publicReply && !d.draftReply && d.status === 'retired') add(target, el('p', 'hint', '已停用，群众看不到。'));
  }
  PC.showReplies = showReplies;
})();
