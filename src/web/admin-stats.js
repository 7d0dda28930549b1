/*
 * Staff statistics page. The staff token is typed into the page and sent only as an Authorization header
 * (never in the URL, never stored). Charts are SVG built with DOM calls; every text is set as text.
 */
(function () {
  'use strict';
  var SVG = 'http://www.w3.org/2000/svg';
  /** Topic labels, from the server's one list (GET /api/topics); a topic id shows until they arrive. */
  var TOPICS = {};
  fetch('/api/topics')
    .then(function (r) {
      return r.json();
    })
    .then(
      function (d) {
        (d.topics || []).forEach(function (t) {
          TOPICS[t.id] = t.name;
        });
      },
      function () {
        /* labels are optional: ids are shown */
      },
    );
  var $ = function (id) {
    return document.getElementById(id);
  };

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function svg(tag, attrs, text) {
    var e = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (k) {
      e.setAttribute(k, String(attrs[k]));
    });
    if (text !== undefined) e.textContent = String(text);
    return e;
  }
  function pct(x) {
    return x === null || x === undefined ? '—' : (x * 100).toFixed(1) + '%';
  }

  /** Empties a chart's target; false (with a note) when there are no rows to draw. */
  function startChart(target, rows) {
    target.textContent = '';
    if (rows.length) return true;
    target.appendChild(el('p', '该时段没有数据'));
    return false;
  }

  /** The largest question count of the rows (at least 1, so bars scale safely). */
  function maxQuestions(rows) {
    return (
      Math.max.apply(
        null,
        rows.map(function (r) {
          return r.questions;
        }),
      ) || 1
    );
  }

  /** Vertical bars (one per week). */
  function columns(target, rows) {
    if (!startChart(target, rows)) return;
    var w = Math.max(320, rows.length * 48),
      h = 220,
      max = maxQuestions(rows);
    var s = svg('svg', { viewBox: '0 0 ' + w + ' ' + h });
    rows.forEach(function (r, i) {
      var bh = Math.round((r.questions / max) * 150),
        x = i * 48 + 10;
      s.appendChild(svg('rect', { class: 'bar', x: x, y: 180 - bh, width: 28, height: bh }));
      s.appendChild(svg('text', { x: x + 14, y: 174 - bh, 'text-anchor': 'middle' }, r.questions));
      s.appendChild(svg('text', { x: x + 14, y: 198, 'text-anchor': 'middle' }, r.key.slice(5)));
    });
    target.appendChild(s);
  }

  /** Horizontal bars (one per topic). */
  function bars(target, rows) {
    if (!startChart(target, rows)) return;
    var h = rows.length * 28 + 10,
      max = maxQuestions(rows);
    var s = svg('svg', { viewBox: '0 0 600 ' + h });
    rows.forEach(function (r, i) {
      var y = i * 28 + 5,
        bw = Math.round((r.questions / max) * 380);
      s.appendChild(svg('text', { x: 150, y: y + 15, 'text-anchor': 'end' }, TOPICS[r.key] || r.key));
      s.appendChild(svg('rect', { class: 'bar', x: 158, y: y, width: Math.max(bw, 1), height: 20 }));
      s.appendChild(svg('text', { x: 164 + bw, y: y + 15 }, r.questions));
    });
    target.appendChild(s);
  }

  function totals(s) {
    var dl = $('totals');
    dl.textContent = '';
    [
      ['咨询总数', s.questions],
      ['已解答', s.answered],
      ['解答率', pct(s.answeredRate)],
      ['未能解答', s.unanswered],
      ['服务人数', s.uniqueAskers],
      ['满意度（👍 占比）', pct(s.helpfulRate)],
      [
        '竞答参与',
        s.quiz.reduce(function (n, q) {
          return n + q.participants;
        }, 0),
      ],
    ].forEach(function (p) {
      var d = el('div');
      d.appendChild(el('dt', p[0]));
      d.appendChild(el('dd', p[1]));
      dl.appendChild(d);
    });
  }

  function groups(s) {
    var body = $('groups').tBodies[0];
    body.textContent = '';
    s.byChannel
      .map(function (g) {
        return ['渠道：' + g.key, g];
      })
      .concat(
        s.byEvent.map(function (g) {
          return ['活动：' + g.key, g];
        }),
      )
      .forEach(function (p) {
        var tr = el('tr');
        [p[0], p[1].questions, p[1].answered, p[1].askers].forEach(function (v) {
          tr.appendChild(el('td', v));
        });
        body.appendChild(tr);
      });
  }

  function gaps(list) {
    var ol = $('gaps');
    ol.textContent = '';
    if (!list.length) ol.appendChild(el('li', '没有待补充的问题'));
    list.slice(0, 20).forEach(function (g) {
      var li = el('li');
      li.appendChild(el('span', g.count + ' 次', 'count'));
      li.appendChild(document.createTextNode(' ' + g.examples.join(' / ')));
      ol.appendChild(li);
    });
  }

  function get(url, token) {
    return fetch(url, { headers: { Authorization: 'Bearer ' + token } }).then(function (r) {
      return r.json().then(function (body) {
        if (!r.ok) throw new Error(body && body.error ? body.error : '查询失败（' + r.status + '）');
        return body;
      });
    });
  }

  // Days are China's (UTC+8, no daylight saving), whatever the browser's time zone.
  var chinaNow = Date.now() + 8 * 3600000;
  $('to').value = new Date(chinaNow).toISOString().slice(0, 10);
  $('from').value = new Date(chinaNow - 89 * 86400000).toISOString().slice(0, 10);

  $('query').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var token = $('token').value.trim(),
      q = '?from=' + $('from').value + '&to=' + $('to').value;
    $('status').textContent = '查询中…';
    $('status').className = 'status';
    Promise.all([get('/api/admin/stats' + q, token), get('/api/admin/gaps' + q, token)]).then(
      function (res) {
        var s = res[0];
        totals(s);
        columns($('weeks'), s.byWeek);
        bars($('topics'), s.byTopic);
        groups(s);
        gaps(res[1].gaps);
        $('result').hidden = false;
        $('status').textContent = s.from + ' 至 ' + s.to;
      },
      function (err) {
        $('status').textContent = err.message;
        $('status').className = 'status error';
      },
    );
  });
})();
