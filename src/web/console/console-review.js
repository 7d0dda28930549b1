/*
 * 「待审核」 (法制审核): drafts and revisions, each with its author, a diff against the published text and the
 * reply the public will get; 「批准发布」 (by someone other than the author: the server refuses the author
 * and says why), 「退回修改」 with a comment the author sees, and 「停用」.
 */
(function () {
  'use strict';
  var PC = window.PC, el = PC.el, add = PC.add;

  PC.views.review = function (box) {
    var head = el('section', 'card');
    add(head, el('h2', null, '待审核（法制审核）'), el('p', 'hint', '批准发布须由作者以外的工作人员完成。批准后立即对群众生效，无需重启。'));
    var list = el('div');
    add(box, head, list);
    PC.api('GET', '/api/admin/console/review').then(function (r) {
      if (!r.data.items.length) add(list, el('p', 'card', '没有待审核的条目。'));
      r.data.items.forEach(function (item) { list.appendChild(card(item)); });
    }, function (err) { add(list, el('p', 'error', err.message)); });
  };

  function diffBlock(lines) {
    var pre = el('div', 'diff');
    pre.setAttribute('aria-label', '与已发布文本的差异');
    lines.forEach(function (l) {
      var cls = l.op === '+' ? 'add' : l.op === '-' ? 'del' : 'same';
      pre.appendChild(el('span', cls, (l.op === '+' ? '＋ ' : l.op === '-' ? '－ ' : '　 ') + l.text));
    });
    return pre;
  }

  function card(item) {
    var c = el('article', 'card');
    c.id = 'review-' + item.id;
    add(c, el('h3', null, item.title), el('p', 'hint', '编号 ' + item.id + ' · 作者：' + (item.author || '（文件导入，无记录）') + (item.author === PC.staff ? '（您本人）' : '')), PC.badges(item));
    if (item.sentBack) add(c, el('p', 'notice', '已退回修改（' + item.sentBack.by + '，' + PC.time(item.sentBack.at) + '）：' + item.sentBack.comment));
    add(c, el('p', 'hint', item.pendingRevision ? '与已发布文本相比的修改（＋ 新增，－ 删除）：' : '新条目（全部为新增内容）：'), diffBlock(item.diff));
    var details = el('details');
    add(details, el('summary', null, '群众将看到的答复'), el('div', 'reply', item.reply));
    add(c, details);
    var message = el('p', 'error');
    message.setAttribute('role', 'alert');
    var done = el('p', 'ok');
    done.setAttribute('role', 'status');
    var actions = el('div', 'actions');
    var approve = PC.button('批准发布', null, function () {
      act(approve, 'POST', '/api/admin/entries/' + encodeURIComponent(item.id) + '/approve', undefined, '已批准发布，群众现在就能看到。');
    });
    var comment = el('textarea');
    comment.id = 'return-' + item.id;
    comment.maxLength = 500;
    comment.placeholder = '例如：第二段的罚款数额请按法典第一千零九十五条改写。';
    var sendBack = PC.button('退回修改', 'quiet', function () {
      if (!comment.value.trim()) { message.textContent = '请先写明退回的原因，作者会看到这段话。'; comment.focus(); return; }
      act(sendBack, 'POST', '/api/admin/entries/' + encodeURIComponent(item.id) + '/return', { comment: comment.value.trim() }, '已退回，作者修改后会再次出现在这里。');
    });
    var retire = PC.button('停用', 'danger', function () {
      if (retire.dataset.confirm !== '1') {
        retire.dataset.confirm = '1';
        retire.textContent = '确认停用（群众将看不到此条目）';
        return;
      }
      act(retire, 'POST', '/api/admin/entries/' + encodeURIComponent(item.id) + '/retire', undefined, '已停用。');
    });
    var edit = el('a', null, '打开修改');
    edit.href = '#edit/' + encodeURIComponent(item.id);
    add(actions, approve, retire, edit);
    add(c, actions, PC.field('退回意见', comment), el('div', 'actions'), message, done);
    c.lastChild.previousSibling.previousSibling.appendChild(sendBack);

    function act(button, method, url, body, ok) {
      message.textContent = '';
      button.disabled = true;
      var headers = method === 'POST' && body === undefined ? { 'if-match': '"' + item.version + '"' } : undefined;
      PC.api(method, url, body === undefined ? {} : body, headers).then(function () {
        done.textContent = ok;
        PC.toast(ok);
        PC.form = null;
        PC.refreshCounts();
        actions.querySelectorAll('button').forEach(function (b) { b.disabled = true; });
        sendBack.disabled = true;
      }, function (err) {
        var reason = err.message;
        if (err.status === 403 && item.author === PC.staff) reason = '您是这份草稿的最后编辑人，不能自己批准。' + err.message + '。请另一位工作人员登录后批准。';
        message.textContent = reason;
        button.disabled = false;
      });
    }
    return c;
  }
})();
