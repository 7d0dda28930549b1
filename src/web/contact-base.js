/*
 * What the 「联系我们」 scripts share: the DOM helper (chat-dom.js's), the receipt codes remembered in this
 * browser, this conversation's session id (both through chat.js's window.PufaChat, when it ran) and the requests
 * to the server (through chat-net.js). Loaded after chat.js and before contact-info.js, contact-message.js and
 * contact.js; exposes window.PufaContactBase.
 */
(function () {
  'use strict';

  var KEY_RECEIPTS = 'pufa.receipts';

  /** A new element with an optional class and text (the chat's DOM helper, chat-dom.js: textContent only). */
  var el = window.PufaDom.el;
  // The chat's own storage helpers and session (chat.js runs first); without it, nothing is remembered.
  var chat = window.PufaChat || {
    load: function () {
      return null;
    },
    save: function () {},
    session: function () {
      return undefined;
    },
  };
  var load = chat.load;
  var save = chat.save;
  /** The receipt codes of the messages left from this browser, newest first. */
  function receipts() {
    try {
      var r = JSON.parse(load(KEY_RECEIPTS) || '[]');
      return Array.isArray(r)
        ? r.filter(function (c) {
            return typeof c === 'string';
          })
        : [];
    } catch (_e) {
      return [];
    }
  }
  /** Remembers a receipt code first in the list (up to 10 codes). */
  function addReceipt(code) {
    var list = receipts();
    if (list.indexOf(code) < 0) list.unshift(code);
    save(KEY_RECEIPTS, JSON.stringify(list.slice(0, 10)));
  }
  /** This conversation's session id, or undefined without the chat. */
  function session() {
    return chat.session();
  }

  /** Sends a request and resolves with its JSON; rejects with the server's `error` or a general message (chat-net.js). */
  function call(method, url, body) {
    return window.PufaChatNet.api(method, url, body, '提交没有成功，请稍后再试或拨打 12369。');
  }

  window.PufaContactBase = { el: el, receipts: receipts, addReceipt: addReceipt, session: session, call: call };
})();
