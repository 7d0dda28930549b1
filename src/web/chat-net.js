/*
 * The web chat's requests to the server: JSON in and out, errors turned into a Chinese message the page shows
 * (with the wait of a 429), and the body of a 👍/👎. Loaded before chat-composer.js, chat.js and contact-base.js; exposes
 * window.PufaChatNet.
 */
(function () {
  'use strict';

  /**
   * Sends a request and resolves with its JSON (null for 204). Rejects with an Error whose message is the
   * server's `error` or `failed` (default: a general one); a 429 error carries `retryAfter` (seconds, 1–120,
   * default 10). The 「联系我们」 scripts send their requests through it too (contact-base.js).
   */
  function api(method, url, body, failed) {
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
              var err = new Error((data && data.error) || failed || '服务暂时出现问题，请稍后再试或拨打 12369。');
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

  /** The body of POST /api/feedback for a reply, with its log id when the server gave one. */
  function feedbackBody(session, msg, helpful) {
    var body = { session: session, entryId: msg.reply.entry.id, question: msg.question.slice(0, 500), helpful: helpful };
    if (typeof msg.reply.id === 'number') body.id = msg.reply.id;
    return body;
  }

  window.PufaChatNet = { api: api, feedbackBody: feedbackBody };
})();
