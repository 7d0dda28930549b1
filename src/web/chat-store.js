/*
 * The web chat's state kept in the browser: localStorage helpers (storage may be unavailable, e.g. in private
 * mode: the chat still works, without memory), this conversation's random session id, the saved conversation and
 * the event code of the page's URL. Loaded after chat-render.js and before chat.js; exposes window.PufaChatStore.
 */
(function () {
  'use strict';

  var KEY_SESSION = 'pufa.session';
  var KEY_LOG = 'pufa.log';
  /** Messages kept across reloads (older ones are dropped). */
  var MAX_KEPT = 60;

  /** The stored value of `key`, or null when there is none or storage is off. */
  function load(key) {
    try {
      return window.localStorage.getItem(key);
    } catch (_e) {
      return null;
    }
  }
  /** Stores `value` under `key`; does nothing when storage is full or off. */
  function save(key, value) {
    try {
      window.localStorage.setItem(key, value);
    } catch (_e) {
      /* storage full or off */
    }
  }
  /** Removes `key`; does nothing when storage is off. */
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
  /** Saves the conversation, keeping its last MAX_KEPT (60) messages. */
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

  window.PufaChatStore = {
    load: load,
    save: save,
    drop: drop,
    /** This conversation's session id (32 hex digits, kept in localStorage). */
    session: function () {
      return session;
    },
    /** The event code of the page's `?event=` (letters, digits, _ and -, up to 32), or null. */
    eventCode: function () {
      return eventCode;
    },
    /** The conversation's messages ({ role: 'user' | 'bot', ... }), oldest first. */
    messages: function () {
      return messages;
    },
    /** Adds a message to the conversation and saves it. */
    add: function (msg) {
      messages.push(msg);
      persist();
    },
    persist: persist,
    /** Forgets the conversation, here and in localStorage. */
    clear: function () {
      messages = [];
      drop(KEY_LOG);
    },
  };
})();
