/*
 * The 法律依据 of a web chat answer: citations grouped by law with their validity, each article whose law text is
 * shipped linked to the law page (/law/<source>#a<number>). Loaded after chat-dom.js; exposes window.PufaChatBasis.
 */
(function () {
  'use strict';

  var el = window.PufaDom.el;

  /** A source's name as cited: a standard (…（GB …）) as it is, a law in 《》. */
  function lawName(name) {
    return /^[^（(]*（GB/.test(name) ? name : '《' + name + '》';
  }

  function citation(group) {
    var name = lawName(group[0].name);
    var articles = group
      .map(function (b) {
        return b.article;
      })
      .filter(function (a) {
        return a !== '全文';
      });
    return name + articles.join('、');
  }

  /** The law page's address of an article: /law/eco-code#a1095. */
  function lawHref(source, number) {
    return '/law/' + encodeURIComponent(source) + '#a' + number;
  }

  /** One 法律依据 line; each article whose law text is shipped links to it on the law page. */
  function citationItem(group) {
    var first = group[0];
    if (
      !group.some(function (b) {
        return b.number;
      })
    )
      return el('li', null, citation(group));
    var li = el('li', null, lawName(first.name));
    group
      .filter(function (b) {
        return b.article !== '全文';
      })
      .forEach(function (b, i) {
        if (i > 0) li.appendChild(document.createTextNode('、'));
        if (!b.number) {
          li.appendChild(document.createTextNode(b.article));
          return;
        }
        var a = el('a', 'law-link', b.article);
        a.href = lawHref(b.source, b.number);
        li.appendChild(a);
      });
    return li;
  }

  /** 「在法典全文中查看」 under a looked-up article. */
  function articleLink(article) {
    var p = el('p', 'law-page');
    var a = el('a', 'law-link', '在《' + article.name.replace(/^中华人民共和国/, '') + '》全文中查看' + article.article);
    a.href = lawHref(article.source, article.number);
    p.appendChild(a);
    return p;
  }

  function renderBasis(box, basis) {
    if (!basis || !basis.length) return;
    box.appendChild(el('h4', null, '法律依据'));
    var bySource = [];
    var index = {};
    basis.forEach(function (b) {
      var key = b.source + '|' + b.validity;
      if (!(key in index)) {
        index[key] = bySource.length;
        bySource.push([]);
      }
      bySource[index[key]].push(b);
    });
    var list = el('ul', 'basis');
    bySource.forEach(function (group) {
      var li = citationItem(group);
      var validity = group[0].validity;
      li.appendChild(el('span', 'validity' + (validity === '现行有效' ? '' : ' warn'), validity));
      list.appendChild(li);
    });
    box.appendChild(list);
  }

  window.PufaChatBasis = { renderBasis: renderBasis, articleLink: articleLink, lawHref: lawHref };
})();
