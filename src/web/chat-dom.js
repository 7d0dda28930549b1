/*
 * The web chat's DOM helpers, shared by chat-basis.js and chat-render.js: every text is set with textContent,
 * never parsed as HTML. Loaded first; exposes window.PufaDom.
 */
(function () {
  'use strict';

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function chip(label, onPress) {
    var b = el('button', 'chip', label);
    b.type = 'button';
    b.addEventListener('click', function () {
      onPress(label);
    });
    return b;
  }
  function paragraphs(parent, text, className) {
    String(text)
      .split(/\n{2,}/)
      .forEach(function (p) {
        if (p.trim()) parent.appendChild(el('p', className, p.trim()));
      });
  }

  window.PufaDom = { el: el, chip: chip, paragraphs: paragraphs };
})();
