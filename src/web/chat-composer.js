/*
 * The web chat's question box: asking (the pending line, the reply in its place, a 429 waited out and the
 * question sent again up to 3 times) and the type-ahead suggestions under the box (arrow keys, Escape, a click).
 * Every text is set with textContent. Loaded after chat-store.js and chat-net.js and before chat.js, which
 * builds it with PufaChatComposer(deps).
 */
(function () {
  'use strict';

  var SUGGEST_DELAY_MS = 250;

  /**
   * The composer. deps: form, input, sendBtn, suggestEl and logEl (the page's elements); el(tag, class, text);
   * show(msg) appends a rendered message to the log and renderMessage(msg) renders one; store (PufaChatStore);
   * api (PufaChatNet.api). Returns { ask(question) }.
   */
  window.PufaChatComposer = function (deps) {
    var form = deps.form;
    var input = deps.input;
    var sendBtn = deps.sendBtn;
    var suggestEl = deps.suggestEl;
    var logEl = deps.logEl;
    var el = deps.el;
    var store = deps.store;
    var api = deps.api;
    var session = store.session();
    var eventCode = store.eventCode();

    // ---- asking ----
    var busy = false;
    /** Asks a question (trimmed; nothing while another one is on its way) and shows the reply in the log. */
    function ask(question) {
      question = String(question).trim();
      if (!question || busy) return;
      busy = true;
      sendBtn.disabled = true;
      hideSuggestions();
      input.value = '';
      var userMsg = { role: 'user', text: question };
      store.add(userMsg);
      deps.show(userMsg);
      var pending = el('div', 'msg bot pending', '正在查找答案…');
      logEl.appendChild(pending);
      pending.scrollIntoView({ block: 'end' });
      var body = { question: question.slice(0, 500), session: session, channel: 'web' };
      if (eventCode) body.event = eventCode;
      var retries = 0;
      // Too many questions at once (429): keep the question (also back in the input box), show the wait and
      // send it again after Retry-After, up to 3 times.
      var attempt = function () {
        return api('POST', '/api/ask', body).then(
          function (reply) {
            if (input.value.trim() === question) input.value = '';
            return { role: 'bot', question: question, reply: reply };
          },
          function (err) {
            if (err.retryAfter && retries < 3) {
              retries++;
              if (!input.value.trim()) input.value = question;
              return waitThenRetry(err.retryAfter);
            }
            if (err.retryAfter && !input.value.trim()) input.value = question;
            return { role: 'bot', question: question, error: err.message };
          },
        );
      };
      var waitThenRetry = function (seconds) {
        return new Promise(function (resolve) {
          var left = seconds;
          var tick = function () {
            pending.textContent = '提问的人较多，' + left + ' 秒后自动重新发送您的问题…';
            if (left-- <= 0) return resolve(attempt());
            setTimeout(tick, 1000);
          };
          tick();
        });
      };
      attempt().then(function (botMsg) {
        store.add(botMsg);
        var node = deps.renderMessage(botMsg);
        logEl.replaceChild(node, pending);
        node.scrollIntoView({ block: 'start' });
        busy = false;
        sendBtn.disabled = false;
      });
    }

    form.addEventListener('submit', function (e) {
      e.preventDefault();
      if (activeIndex >= 0 && suggestions[activeIndex]) ask(suggestions[activeIndex].title);
      else ask(input.value);
    });

    // ---- type-ahead suggestions ----
    var suggestions = [];
    var activeIndex = -1;
    var suggestTimer = null;
    var suggestSeq = 0;

    function hideSuggestions() {
      suggestions = [];
      activeIndex = -1;
      suggestEl.hidden = true;
      suggestEl.textContent = '';
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
    }

    function markActive() {
      Array.prototype.forEach.call(suggestEl.children, function (li, i) {
        li.setAttribute('aria-selected', String(i === activeIndex));
      });
      if (activeIndex >= 0) input.setAttribute('aria-activedescendant', 'sug-' + activeIndex);
      else input.removeAttribute('aria-activedescendant');
    }

    function showSuggestions(list) {
      suggestions = list;
      activeIndex = -1;
      suggestEl.textContent = '';
      if (!list.length) {
        hideSuggestions();
        return;
      }
      list.forEach(function (s, i) {
        var li = el('li', null, s.title);
        li.id = 'sug-' + i;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', 'false');
        // mousedown, not click: runs before the input loses focus.
        li.addEventListener('mousedown', function (e) {
          e.preventDefault();
          ask(s.title);
        });
        suggestEl.appendChild(li);
      });
      suggestEl.hidden = false;
      input.setAttribute('aria-expanded', 'true');
    }

    input.addEventListener('input', function () {
      clearTimeout(suggestTimer);
      var q = input.value.trim();
      if (Array.from(q).length < 2) {
        suggestSeq++;
        hideSuggestions();
        return;
      }
      suggestTimer = setTimeout(function () {
        var seq = ++suggestSeq;
        api('GET', '/api/suggest?q=' + encodeURIComponent(q.slice(0, 100))).then(
          function (data) {
            if (seq !== suggestSeq || input.value.trim() !== q) return;
            showSuggestions((data && data.suggestions) || []);
          },
          function () {
            /* suggestions are optional */
          },
        );
      }, SUGGEST_DELAY_MS);
    });

    input.addEventListener('keydown', function (e) {
      if (suggestEl.hidden) return;
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        var n = suggestions.length;
        activeIndex = e.key === 'ArrowDown' ? (activeIndex + 1) % n : activeIndex <= 0 ? n - 1 : activeIndex - 1;
        markActive();
      } else if (e.key === 'Escape') {
        suggestSeq++;
        hideSuggestions();
      }
    });
    input.addEventListener('blur', function () {
      setTimeout(hideSuggestions, 150);
    });

    return { ask: ask };
  };
})();
