/*
 * 环保普法助手 web chat. Plain JS, no framework: every text from the server or the user is set with
 * textContent, never parsed as HTML. The conversation and a random session id live in localStorage.
 */
(function () {
  'use strict';

  var KEY_SESSION = 'pufa.session';
  var KEY_LOG = 'pufa.log';
  var KEY_BIG = 'pufa.big';
  /** Messages kept across reloads (older ones are dropped). */
  var MAX_KEPT = 60;
  var SUGGEST_DELAY_MS = 250;

  var $ = function (id) {
    return document.getElementById(id);
  };
  var logEl = $('log');
  var form = $('ask');
  var input = $('q');
  var sendBtn = $('send');
  var suggestEl = $('suggest');

  // ---- storage (may be unavailable, e.g. in private mode: the chat still works, without memory) ----
  /** The body of POST /api/feedback for a reply, with its log id when the server gave one. */
  function feedbackBody(msg, helpful) {
    var body = { session: session, entryId: msg.reply.entry.id, question: msg.question.slice(0, 500), helpful: helpful };
    if (typeof msg.reply.id === 'number') body.id = msg.reply.id;
    return body;
  }

  function load(key) {
    try {
      return window.localStorage.getItem(key);
    } catch (_e) {
      return null;
    }
  }
  function save(key, value) {
    try {
      window.localStorage.setItem(key, value);
    } catch (_e) {
      /* storage full or off */
    }
  }
  function drop(key) {
    try {
      window.localStorage.removeItem(key);
    } catch (_e) {
      /* storage off */
    }
  }

  function newSessionId() {
    var bytes = new Uint8Array(16);
    if (window.crypto && window.crypto.getRandomValues) window.crypto.getRandomValues(bytes);
    else for (var i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
    return Array.prototype.map
      .call(bytes, function (b) {
        return (b < 16 ? '0' : '') + b.toString(16);
      })
      .join('');
  }
  var session = load(KEY_SESSION);
  if (!session || !/^[0-9a-f]{32}$/.test(session)) {
    session = newSessionId();
    save(KEY_SESSION, session);
  }
  /** For the page's other scripts (contact.js): the same storage helpers and this conversation's id. */
  window.PufaChat = {
    load: load,
    save: save,
    session: function () {
      return session;
    },
  };

  var messages = [];
  try {
    var stored = JSON.parse(load(KEY_LOG) || '[]');
    if (Array.isArray(stored))
      messages = stored.filter(function (m) {
        return m && (m.role === 'user' || m.role === 'bot');
      });
  } catch (_e) {
    messages = [];
  }
  function persist() {
    if (messages.length > MAX_KEPT) messages = messages.slice(messages.length - MAX_KEPT);
    save(KEY_LOG, JSON.stringify(messages));
  }

  var eventCode = null;
  try {
    var ev = new URLSearchParams(window.location.search).get('event');
    if (ev && /^[A-Za-z0-9_-]{1,32}$/.test(ev)) eventCode = ev;
  } catch (_e) {
    eventCode = null;
  }

  // ---- API ----
  function api(method, url, body) {
    var init = { method: method, headers: { accept: 'application/json' } };
    if (body !== undefined) {
      init.headers['content-type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(url, init).then(
      function (res) {
        if (res.status === 204) return null;
        return res
          .json()
          .catch(function () {
            return {};
          })
          .then(function (data) {
            if (!res.ok) {
              var err = new Error((data && data.error) || '服务暂时出现问题，请稍后再试或拨打 12369。');
              // 429: how long to wait (Retry-After, seconds), so the question can be sent again by itself.
              if (res.status === 429) err.retryAfter = Math.min(120, Math.max(1, Number(res.headers.get('retry-after')) || 10));
              throw err;
            }
            return data;
          });
      },
      function () {
        throw new Error('网络连接不太好，请检查网络后再试。');
      },
    );
  }

  // ---- rendering (chat-render.js) ----
  var render = window.PufaChatRender({
    ask: function (q) {
      return ask(q);
    },
    vote: function (msg, helpful) {
      return api('POST', '/api/feedback', feedbackBody(msg, helpful));
    },
    persist: function () {
      persist();
    },
  });
  var el = render.el;
  var chip = render.chip;
  var _paragraphs = render.paragraphs;
  var renderMessage = render.renderMessage;

  function show(msg) {
    var node = renderMessage(msg);
    logEl.appendChild(node);
    return node;
  }

  // ---- asking ----
  var busy = false;
  function ask(question) {
    question = String(question).trim();
    if (!question || busy) return;
    busy = true;
    sendBtn.disabled = true;
    hideSuggestions();
    input.value = '';
    var userMsg = { role: 'user', text: question };
    messages.push(userMsg);
    persist();
    show(userMsg);
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
      messages.push(botMsg);
      persist();
      var node = renderMessage(botMsg);
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

  // ---- header tools ----
  var bigBtn = $('big');
  function setBig(on) {
    document.documentElement.classList.toggle('big', on);
    bigBtn.setAttribute('aria-pressed', String(on));
    bigBtn.textContent = on ? '标准' : '大字';
    bigBtn.setAttribute('aria-label', on ? '恢复标准字号' : '使用大字');
  }
  setBig(load(KEY_BIG) === '1');
  bigBtn.addEventListener('click', function () {
    var on = !document.documentElement.classList.contains('big');
    setBig(on);
    if (on) save(KEY_BIG, '1');
    else drop(KEY_BIG);
  });

  $('clear').addEventListener('click', function () {
    if (!messages.length) return;
    if (!window.confirm('确定清空本机保存的对话记录吗？')) return;
    messages = [];
    drop(KEY_LOG);
    logEl.textContent = '';
    input.focus();
  });

  // ---- start ----
  if (eventCode) {
    var greet = $('event');
    greet.textContent = '欢迎参加本次普法活动（活动代码 ' + eventCode + '）！有生态环境法律问题，请随时向我提问。';
    // A known event has its own greeting; an unknown code keeps the general line.
    api('GET', '/api/events/' + encodeURIComponent(eventCode)).then(
      function (ev) {
        if (ev && ev.known && ev.greeting) greet.textContent = ev.greeting;
      },
      function () {
        /* unknown event: keep the general greeting */
      },
    );
    greet.hidden = false;
  }

  messages.forEach(show);
  if (messages.length) logEl.lastChild.scrollIntoView({ block: 'start' });

  // A leaflet's QR code opens the page with ?q=<question>: ask it once, then drop it from the URL so a
  // reload does not ask it again.
  try {
    var params = new URLSearchParams(window.location.search);
    var linked = params.get('q');
    if (linked && linked.trim()) {
      params.delete('q');
      var rest = params.toString();
      if (window.history && window.history.replaceState)
        window.history.replaceState(null, '', window.location.pathname + (rest ? '?' + rest : '') + window.location.hash);
      ask(linked.slice(0, 500));
    }
  } catch (_e) {
    /* no URLSearchParams: nothing to ask */
  }

  api('GET', '/api/topics').then(
    function (data) {
      var box = $('topics');
      (data.topics || []).forEach(function (t) {
        if (t.entries > 0) box.appendChild(chip(t.name, ask));
      });
    },
    function () {
      $('topics').appendChild(el('p', null, '主题暂时无法加载。'));
    },
  );

  api('GET', '/api/hot').then(
    function (data) {
      var list = $('hot');
      (data.questions || []).forEach(function (q) {
        var li = el('li');
        var b = el('button', null, q);
        b.type = 'button';
        b.addEventListener('click', function () {
          ask(q);
        });
        li.appendChild(b);
        list.appendChild(li);
      });
    },
    function () {
      /* the page works without hot questions */
    },
  );
})();
