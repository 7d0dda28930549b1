/*
 * The entry form's references: the 法律依据 rows (a source from the shipped list and a 第…条, with the article's
 * text shown under it) and the 相关条目 picker (chips of entries chosen by title or id). Loaded after
 * console-article.js and before console-form.js.
 */
(function () {
  'use strict';
  var PC = window.PC, el = PC.el, add = PC.add;

  /**
   * The 法律依据 fieldset for field `f`: one row per item of `basis` (one empty row when there is none) and a
   * button adding a row; `changed()` is called when a row is removed. Returns { wrap, box } (box holds the rows).
   */
  PC.basisField = function (f, spec, basis, changed) {
    var wrap = el('fieldset', 'field');
    add(wrap, el('legend', null, f.label), el('p', 'hint', f.hint));
    var basisBox = el('div');
    wrap.appendChild(basisBox);
    (basis.length ? basis : [{ source: '', article: '' }]).forEach(addBasisRow);
    add(wrap, PC.button('添加一条依据', 'quiet', function () { addBasisRow({ source: '', article: '' }); }));
    return { wrap: wrap, box: basisBox };

    function addBasisRow(b) {
      var n = basisBox.children.length;
      var row = el('div', 'basis-row');
      var options = [{ value: '', label: '（请选择来源）' }].concat(spec.sources.map(function (s) {
        return { value: s.id, label: s.name + (s.inForce ? '' : '（' + s.validity + '）') };
      }));
      var src = PC.select('b-source-' + n, options, b.source);
      src.className = 'b-source';
      var art = el('input');
      art.id = 'b-article-' + n;
      art.className = 'b-article';
      art.value = b.article || '';
      art.placeholder = '第…条';
      art.pattern = spec.articlePattern;
      var text = el('div', 'article-text');
      text.setAttribute('aria-live', 'polite');
      var remove = PC.button('删除', 'danger', function () { row.remove(); changed(); });
      add(row, PC.field('来源', src), PC.field('条款', art), remove, text);
      var err = el('p', 'error b-error');
      row.appendChild(err);
      basisBox.appendChild(row);
      var lookup = function () {
        var chosen = spec.sources.filter(function (s) { return s.id === src.value; })[0];
        PC.showArticle(chosen && chosen.hasText ? chosen.id : '', art.value, text);
      };
      src.addEventListener('change', lookup);
      art.addEventListener('input', lookup);
      if (b.article) lookup();
    }
  };

  /**
   * The 相关条目 picker for field `f`, starting from the ids `related`; `changed()` is called when one is added
   * or removed. Returns { wrap, ids } (ids() is the chosen ids now).
   */
  PC.relatedField = function (f, spec, related, changed) {
    var relatedChips;
    var wrap = el('div', 'field');
    var input = el('input');
    input.id = 'f-related';
    input.setAttribute('list', 'related-options');
    input.placeholder = '输入标题或编号，选中后点“添加”';
    var list = el('datalist');
    list.id = 'related-options';
    spec.entries.forEach(function (e) {
      var o = el('option');
      o.value = e.id;
      o.label = e.title;
      list.appendChild(o);
    });
    relatedChips = el('div', 'chips');
    var addOne = function () {
      var v = input.value.trim();
      var hit = spec.entries.filter(function (e) { return e.id === v || e.title === v; })[0];
      if (hit && related.indexOf(hit.id) < 0) related.push(hit.id);
      input.value = '';
      drawChips();
      changed();
    };
    var row = el('div', 'row-inline');
    add(row, input, PC.button('添加', 'quiet', addOne));
    var label = el('label', null, f.label + '（可不填）');
    label.htmlFor = 'f-related';
    add(wrap, label, row, list, relatedChips, el('p', 'hint', f.hint));
    drawChips();
    return { wrap: wrap, ids: function () { return related; } };

    function drawChips() {
      relatedChips.textContent = '';
      related.forEach(function (id) {
        var e = spec.entries.filter(function (x) { return x.id === id; })[0];
        var chip = el('span', 'chip', e ? e.title : id);
        chip.appendChild(PC.button('移除', null, function () { related = related.filter(function (r) { return r !== id; }); drawChips(); changed(); }));
        relatedChips.appendChild(chip);
      });
    }
  };
})();
