/*
 * The law's articles in the entry form: 第…条 parsed into its number, and the article's text shown under a
 * 条款 field from the shipped law text. Loaded after console-core.js and before console-form-refs.js.
 */
(function () {
  'use strict';
  var PC = window.PC;

  /** Parses 第一千零九十五条… into 1095 (undefined when it is not an article number). */
  function articleNumber(text) {
    var m = /^第([零〇一二两三四五六七八九十百千]+)条/.exec(String(text || '').trim());
    if (!m) return undefined;
    var digits = { '零': 0, '〇': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9 };
    var units = { '十': 10, '百': 100, '千': 1000 };
    var total = 0, cur = 0;
    for (var i = 0; i < m[1].length; i++) {
      var ch = m[1][i];
      if (ch in digits) cur = digits[ch];
      else { total += (cur || 1) * units[ch]; cur = 0; }
    }
    return total + cur || undefined;
  }
  PC.articleNumber = articleNumber;

  var cache = {};
  /**
   * Shows the article's text under a 条款 field, from the shipped law text (GET /api/laws/:source/articles/:n),
   * or the server's reason when the law has no such article; nothing for a source without text.
   */
  function showArticle(source, article, target) {
    var n = articleNumber(article);
    target.textContent = '';
    target.classList.remove('warn');
    if (!source || !n) return;
    var key = source + '/' + n;
    var show = function (a) {
      if (!a || articleNumber(article) !== n) return;
      if (a.error) { target.textContent = a.error; target.classList.add('warn'); return; }
      target.textContent = a.article + '（' + a.validity + '）\n' + a.text;
    };
    if (key in cache) return show(cache[key]);
    fetch('/api/laws/' + source + '/articles/' + n, { headers: { accept: 'application/json' } })
      .then(function (res) { return res.status === 200 || res.status === 404 ? res.json() : null; })
      .then(function (a) { cache[key] = a; show(a); }, function () {});
  }
  PC.showArticle = showArticle;
})();
