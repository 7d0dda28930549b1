/*
 * 环保普法助手 web chat: the wiring of the page. Builds the renderer (chat-render.js) and the question box
 * (chat-composer.js) on the conversation kept by chat-store.js and the requests of chat-net.js, then the header
 * tools and the start (saved conversation, event greeting, a linked ?q= question, topics, hot questions). Plain
 * JS, no framework: every text from the server or the user is set with textContent, never parsed as HTML.
 * Loaded last of the chat scripts; exposes window.PufaChat for contact.js.
 */
(function () {
  'use strict';

  var KEY_BIG = 'pufa.big';

  var store = window.PufaChatStore;
  var api = window.PufaChatNet.api;
  var feedbackBody = window.PufaChatNet.feedbackBody;
  var load = store.load;
  var save = store.save;
  var drop = store.drop;
  var session = store.session();
  var eventCode = store.eventCode();

  var $ = function (id) {
    return document.getElementById(id);
  };
  var logEl = $('log');
  var input = $('q');

  /** For the page's other scripts (contact.js): the same storage helpers and this conversation's id. */
  window.PufaChat = {
    load: load,
    save: save,
    /** This conversation's session id. */
    session: function () {
      return session;
    },
  };

  // ---- rendering (chat-render.js) and the question box (chat-composer.js) ----
  var composer;
  var render = window.PufaChatRender({
    ask: function (q) {
      return composer.ask(q);
    },
    vote: function (msg, helpful) {
      return api('POST', '/api/feedback', feedbackBody(session, msg, helpful));
    },
    persist: function () {
      store.persist();
    },
  });
  var el = render.el;
  var chip = render.chip;
  var renderMessage = render.renderMessage;

  function show(msg) {
    var node = renderMessage(msg);
    logEl.appendChild(node);
    return node;
  }

  composer = window.PufaChatComposer({
    form: $('ask'),
    input: input,
    sendBtn: $('send'),
    suggestEl: $('suggest'),
    logEl: logEl,
    el: el,
    show: show,
    renderMessage: renderMessage,
    store: store,
    api: api,
  });
  var ask = composer.ask;

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
    if (!store.messages().length) return;
    if (!window.confirm('确定清空本机保存的对话记录吗？')) return;
    store.clear();
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

  store.messages().forEach(show);
  if (store.messages().length) logEl.lastChild.scrollIntoView({ block: 'start' });

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
