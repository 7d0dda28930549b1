/*
 * Rendering of the web chat's messages (answer, 法律依据 with validity, notices, related questions, 👍/👎,
 * clarify chips, human contacts). Every text is set with textContent, never parsed as HTML. Loaded after
 * chat-dom.js and chat-basis.js and before chat.js, which builds the renderer with PufaChatRender(deps).
 */
(function () {
  'use strict';

  /** The hotlines offered wherever the bot cannot help: [tel: link, label]. */
  var HOTLINES = [
    ['tel:12369', '📞 拨打 12369 环保举报热线'],
    ['tel:12345', '📞 拨打 12345 政务服务便民热线'],
  ];
  var LEGAL_PREFIX = '以上为普法宣传信息';
  var BASIS_PREFIX = '法律依据：';

  var el = window.PufaDom.el;
  var chip = window.PufaDom.chip;
  var paragraphs = window.PufaDom.paragraphs;
  var renderBasis = window.PufaChatBasis.renderBasis;
  var articleLink = window.PufaChatBasis.articleLink;
  var lawHref = window.PufaChatBasis.lawHref;

  /**
   * The renderer. deps.ask(question) asks a question (chips); deps.vote(msg, helpful) sends 👍/👎 and returns
   * a promise; deps.persist() saves the conversation after a vote.
   */
  window.PufaChatRender = function (deps) {
    /** A row of chips, one per entry (its title), each asking that question. */
    function chipRow(kind, refs) {
      var row = el('div', 'chips ' + kind);
      refs.forEach(function (a) {
        row.appendChild(chip(a.title, deps.ask));
      });
      return row;
    }

    // ---- rendering of one reply ----
    function renderFeedback(box, msg) {
      var row = el('div', 'feedback');
      var label = el('span', null, msg.vote ? '谢谢您的反馈！' : '这个答复有帮助吗？');
      row.appendChild(label);
      var buttons = [];
      [
        [true, '👍 有帮助'],
        [false, '👎 没帮助'],
      ].forEach(function (v) {
        var b = el('button', 'vote', v[1]);
        b.type = 'button';
        b.setAttribute('aria-pressed', String(msg.vote === (v[0] ? 'up' : 'down')));
        b.disabled = Boolean(msg.vote);
        b.addEventListener('click', function () {
          buttons.forEach(function (x) {
            x.disabled = true;
          });
          deps.vote(msg, v[0]).then(
            function () {
              msg.vote = v[0] ? 'up' : 'down';
              b.setAttribute('aria-pressed', 'true');
              label.textContent = '谢谢您的反馈！';
              deps.persist();
            },
            function () {
              buttons.forEach(function (x) {
                x.disabled = false;
              });
              label.textContent = '反馈没有发送成功，请稍后再试。';
            },
          );
        });
        buttons.push(b);
        row.appendChild(b);
      });
      box.appendChild(row);
    }

    /**
     * 「您问的是：<title>」 above an answer, with 「不是这个问题」: it opens the other matches (or the related
     * questions), the hotlines and, where the contact panel is loaded, the 留言 form.
     */
    function renderUnderstood(box, msg) {
      var reply = msg.reply;
      if (!reply.entry || !reply.entry.title) return;
      var row = el('div', 'understood');
      var line = el('p', null, '您问的是：');
      line.appendChild(el('strong', null, reply.entry.title));
      row.appendChild(line);
      var toggle = el('button', 'not-this', '不是这个问题');
      toggle.type = 'button';
      toggle.setAttribute('aria-expanded', 'false');
      row.appendChild(toggle);
      box.appendChild(row);
      var panel = null;
      toggle.addEventListener('click', function () {
        if (panel) {
          panel.hidden = !panel.hidden;
          toggle.setAttribute('aria-expanded', String(!panel.hidden));
          return;
        }
        panel = el('div', 'not-this-panel');
        var others = (reply.candidates && reply.candidates.length ? reply.candidates : reply.alternatives) || [];
        if (others.length) {
          panel.appendChild(el('p', null, '您是不是想问：'));
          panel.appendChild(chipRow('candidates', others));
        }
        panel.appendChild(el('p', null, (others.length ? '都不是？' : '') + '可以换个说法再问，或者联系工作人员：'));
        panel.appendChild(callLinks(HOTLINES));
        leaveButton(panel, msg.question);
        row.parentNode.insertBefore(panel, row.nextSibling);
        toggle.setAttribute('aria-expanded', 'true');
      });
    }

    function renderAnswered(box, msg) {
      var reply = msg.reply;
      renderUnderstood(box, msg);
      var parts = String(reply.text).split(/\n{2,}/);
      var legal = parts.length && parts[parts.length - 1].indexOf(LEGAL_PREFIX) === 0 ? parts.pop() : null;
      var basisAt = -1;
      parts.forEach(function (p, i) {
        if (basisAt < 0 && p.indexOf(BASIS_PREFIX) === 0) basisAt = i;
      });
      var answer = basisAt >= 0 ? parts.slice(0, basisAt) : parts;
      var notices = basisAt >= 0 ? parts.slice(basisAt + 1) : [];
      // A reply citing law not in force opens with ⚠️: shown as a warning.
      answer.forEach(function (p) {
        if (p.trim()) box.appendChild(el('p', p.trim().indexOf('⚠️') === 0 ? 'notice warn' : null, p.trim()));
      });
      renderBasis(box, reply.entry && reply.entry.basis);
      notices.forEach(function (p) {
        if (p.trim()) box.appendChild(el('p', 'notice', p.trim()));
      });
      if (reply.article) box.appendChild(articleLink(reply.article));
      if (reply.entry && reply.entry.checked && !(reply.entry.reviewed && reply.entry.reviewed.at)) {
        // Checked against the law text by the team: true, and not a legal review.
        box.appendChild(el('p', 'reviewed', '已对照法典原文核对，待局法制审核'));
      }
      if (reply.entry && reply.entry.reviewed && reply.entry.reviewed.at) {
        // The bureau's 法制审核: the server sends `reviewed` only when a staff approval recorded it (issue 12).
        box.appendChild(el('p', 'reviewed', '法制审核：' + (reply.entry.reviewed.by || '工作人员') + '（' + reply.entry.reviewed.at + '）'));
      }
      if (legal) box.appendChild(el('p', 'legal', legal));
      if (reply.alternatives && reply.alternatives.length) {
        box.appendChild(el('h4', null, '相关问题'));
        box.appendChild(chipRow('related', reply.alternatives));
      }
      if (reply.entry && reply.entry.id) renderFeedback(box, msg);
    }

    function renderClarify(box, reply) {
      var lines = String(reply.text).split('\n');
      box.appendChild(el('p', null, lines[0]));
      box.appendChild(chipRow('candidates', reply.alternatives || []));
      box.appendChild(el('p', 'legal', '请点选一个问题；也可以换个说法再问。'));
    }

    function renderFallback(box, reply, question) {
      var suggested = reply.alternatives || [];
      if (suggested.length) {
        // 您是不是想问: the numbered titles of the text become chips; the rest of the text stays.
        var lines = String(reply.text).split('\n');
        box.appendChild(el('p', null, lines[0]));
        box.appendChild(chipRow('candidates', suggested));
        paragraphs(
          box,
          lines
            .slice(1)
            .filter(function (l) {
              return !/^\d+\. /.test(l);
            })
            .join('\n'),
        );
      } else paragraphs(box, reply.text);
      if (reply.relatedArticles && reply.relatedArticles.length) {
        box.appendChild(el('h4', null, '可能相关的法条'));
        var list = el('ul', 'basis');
        reply.relatedArticles.forEach(function (a) {
          var li = el('li');
          var link = el('a', 'law-link', '《' + a.name.replace(/^中华人民共和国/, '') + '》' + a.article);
          link.href = lawHref(a.source, a.number);
          li.appendChild(link);
          li.appendChild(el('span', 'validity', String(a.text).slice(0, 40) + (a.text.length > 40 ? '…' : '')));
          list.appendChild(li);
        });
        box.appendChild(list);
      }
      box.appendChild(callLinks(HOTLINES));
      leaveButton(box, question);
    }

    /** Tap-to-call links, one per [href, label]. */
    function callLinks(list) {
      var contacts = el('div', 'contacts');
      list.forEach(function (c) {
        var a = el('a', 'call', c[1]);
        a.href = c[0];
        contacts.appendChild(a);
      });
      return contacts;
    }

    /** 「给工作人员留言」: opens the 留言 form of 联系我们 (contact.js) with the question filled in. */
    function leaveButton(box, question) {
      if (!window.PufaContact) return;
      var b = el('button', 'leave', '✉ 给工作人员留言');
      b.type = 'button';
      b.addEventListener('click', function () {
        window.PufaContact.open(question || '');
      });
      box.appendChild(b);
    }

    function renderContact(box, reply) {
      paragraphs(box, reply.text);
      var c = reply.contact || {};
      var calls = c.phone ? [['tel:' + String(c.phone).replace(/[^\d+]/g, ''), '📞 拨打咨询电话 ' + c.phone]] : [];
      box.appendChild(callLinks(calls.concat([HOTLINES[0]])));
      leaveButton(box, '');
    }

    function renderMessage(msg) {
      if (msg.role === 'user') return el('div', 'msg user', msg.text);
      var box = el('div', 'msg bot');
      var reply = msg.reply;
      if (msg.error || !reply) {
        box.classList.add('error');
        box.appendChild(el('p', null, msg.error || '出了点问题，请再试一次。'));
      } else if (reply.status === 'answered') {
        box.classList.add('answered');
        renderAnswered(box, msg);
      } else if (reply.status === 'clarify') {
        box.classList.add('clarify');
        renderClarify(box, reply);
      } else if (reply.status === 'fallback') {
        box.classList.add('fallback');
        renderFallback(box, reply, msg.question);
      } else if (reply.status === 'contact') {
        box.classList.add('contact');
        renderContact(box, reply);
      } else {
        box.classList.add('smalltalk');
        paragraphs(box, reply.text);
      }
      return box;
    }

    return { el: el, chip: chip, paragraphs: paragraphs, renderMessage: renderMessage };
  };
})();
