/*
 * 普法知识竞答 web page. Plain JS, no framework; every text from the server is set with textContent.
 * Fetches a round from GET /api/quiz, checks answers locally, posts the score to POST /api/quiz/result
 * (with ?event=<code> from the page URL when present) and the web chat's session id.
 */
(function () {
  'use strict';

  var KEY_SESSION = 'pufa.session';
  var $ = function (id) {
    return document.getElementById(id);
  };

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
  var session = null;
  try {
    session = window.localStorage.getItem(KEY_SESSION);
  } catch (_e) {
    session = null;
  }
  if (!session || !/^[0-9a-f]{32}$/.test(session)) {
    session = newSessionId();
    try {
      window.localStorage.setItem(KEY_SESSION, session);
    } catch (_e) {
      /* storage off */
    }
  }

  var eventCode = null;
  try {
    var ev = new URLSearchParams(window.location.search).get('event');
    if (ev && /^[A-Za-z0-9_-]{1,32}$/.test(ev)) eventCode = ev;
  } catch (_e) {
    eventCode = null;
  }

  var questions = [];
  var position = 0;
  var score = 0;

  function show(id) {
    ['intro', 'play', 'done'].forEach(function (s) {
      $(s).hidden = s !== id;
    });
  }

  function request(method, url, body) {
    return fetch(url, {
      method: method,
      headers: body ? { 'content-type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    }).then(function (r) {
      return r
        .json()
        .catch(function () {
          return {};
        })
        .then(function (data) {
          if (!r.ok) throw new Error((data && data.error) || '网络出了点问题，请稍后再试。');
          return data;
        });
    });
  }

  function start() {
    $('start').disabled = true;
    $('again').disabled = true;
    $('load-error').hidden = true;
    request('GET', '/api/quiz?count=10')
      .then(function (data) {
        questions = (data && data.questions) || [];
        if (!questions.length) throw new Error('题库暂时为空。');
        position = 0;
        score = 0;
        show('play');
        render();
      })
      .catch(function (err) {
        show('intro');
        $('load-error').textContent = err.message;
        $('load-error').hidden = false;
      })
      .then(function () {
        $('start').disabled = false;
        $('again').disabled = false;
      });
  }

  function render() {
    var q = questions[position];
    $('number').textContent = '第 ' + (position + 1) + ' / ' + questions.length + ' 题';
    $('topic').textContent = q.topicName || '';
    $('question').textContent = q.question;
    var box = $('options');
    box.textContent = '';
    q.options.forEach(function (text, i) {
      var b = document.createElement('button');
      b.type = 'button';
      b.textContent = String.fromCharCode(65 + i) + '. ' + text;
      b.addEventListener('click', function () {
        choose(i);
      });
      box.appendChild(b);
    });
    $('verdict').hidden = true;
    $('next').hidden = true;
    var first = box.firstChild;
    if (first) first.focus();
  }

  function choose(index) {
    var q = questions[position];
    var buttons = $('options').children;
    Array.prototype.forEach.call(buttons, function (b, i) {
      b.disabled = true;
      if (i === q.answer) b.classList.add('right');
      else if (i === index) b.classList.add('wrong');
    });
    var correct = index === q.answer;
    if (correct) score++;
    var title = $('verdict-title');
    title.textContent = correct ? '✔ 回答正确' : '✘ 回答错误，正确答案是 ' + String.fromCharCode(65 + q.answer);
    title.className = 'verdict-title ' + (correct ? 'ok' : 'no');
    $('explanation').textContent = q.explanation;
    $('basis').textContent = '依据：' + q.basis;
    $('verdict').hidden = false;
    var next = $('next');
    next.textContent = position + 1 < questions.length ? '下一题' : '查看成绩';
    next.hidden = false;
    next.focus();
  }

  function finish() {
    show('done');
    var total = questions.length;
    var ratio = score / total;
    var word =
      ratio === 1
        ? '全部答对，真是普法达人！'
        : ratio >= 0.8
          ? '成绩优秀！'
          : ratio >= 0.6
            ? '不错，继续加油！'
            : '多了解一些环保法律知识吧，可以随时向助手提问。';
    $('score').textContent = '答对 ' + score + ' / ' + total + ' 题。' + word;
    var saved = $('saved');
    saved.textContent = '正在记录成绩…';
    var body = { score: score, total: total, session: session };
    if (eventCode) body.event = eventCode;
    request('POST', '/api/quiz/result', body).then(
      function () {
        saved.textContent = eventCode ? '成绩已计入本次活动。' : '成绩已记录。';
      },
      function () {
        saved.textContent = '成绩没有记录成功，不影响答题。';
      },
    );
  }

  $('next').addEventListener('click', function () {
    position++;
    if (position < questions.length) render();
    else finish();
  });
  $('start').addEventListener('click', start);
  $('again').addEventListener('click', start);

  if (eventCode) {
    var e = $('event');
    e.textContent = '欢迎参加本次普法活动（活动代码 ' + eventCode + '），你的成绩将计入活动统计。';
    e.hidden = false;
  }
})();
