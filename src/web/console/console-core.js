/*
 * Staff console, core: the session (sign-in with the staff token once; the cookie is HttpOnly, so the page
 * never sees it), the API helper that sends the CSRF token on every state-changing request, DOM helpers,
 * and the router (#entries, #new, #edit/<id>, #review, #gaps, #messages, #events, #stats). Every text is
 * set as text, never as HTML.
 */
(function () {
  'use strict';
  var PC = { views: {}, csrf: '', staff: null, form: null, prefill: null };
  window.PC = PC;
  var $ = function (id) { return document.getElementById(id); };
  PC.$ = $;

  /** Creates an element with optional class and text. */
  PC.el = function (tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  };
  /** Appends children (elements or strings) to a parent and returns it. */
  PC.add = function (parent) {
    for (var i = 1; i < arguments.length; i++) {
      var c = arguments[i];
      if (c === null || c === undefined || c === false) continue;
      parent.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    }
    return parent;
  };
  PC.button = function (text, cls, onClick) {
    var b = PC.el('button', cls, text);
    b.type = 'button';
    if (onClick) b.addEventListener('click', onClick);
    return b;
  };
  /** A labelled input; `input` is an element whose id the label points to. */
  PC.field = function (labelText, input, hint) {
    var wrap = PC.el('div', 'field');
    var label = PC.el('label', null, labelText);
    label.htmlFor = input.id;
    PC.add(wrap, label, input);
    if (hint) PC.add(wrap, PC.el('p', 'hint', hint));
    return wrap;
  };
  PC.select = function (id, options, value) {
    var s = PC.el('select');
    s.id = id;
    options.forEach(function (o) {
      var opt = PC.el('option', null, o.label);
      opt.value = o.value;
      if (o.value === value) opt.selected = true;
      s.appendChild(opt);
    });
    return s;
  };
  PC.time = function (iso) {
    if (!iso) return '';
    var d = new Date(iso);
    if (isNaN(d.getTime())) return String(iso);
    var cn = new Date(d.getTime() + 8 * 3600000).toISOString();
    return cn.slice(0, 10) + ' ' + cn.slice(11, 16);
  };
  PC.toast = function (text) {
    var t = $('toast');
    t.textContent = text;
    clearTimeout(PC.toastTimer);
    PC.toastTimer = setTimeout(function () { t.textContent = ''; }, 4000);
  };

  /** An API error with the server's Chinese message (and field errors when it lists them). */
  function ApiError(status, body) {
    this.status = status;
    this.body = body || {};
    this.message = (body && body.error) || (status === 0 ? '无法连接服务器，请检查网络后再试。' : '操作没有成功（' + status + '），请稍后再试。');
  }

  /** Calls the server: JSON in and out, the session cookie and (for writes) the CSRF token. */
  PC.api = function (method, url, body, headers) {
    var h = { accept: 'application/json' };
    if (method !== 'GET') h['x-csrf-token'] = PC.csrf;
    if (body !== undefined) h['content-type'] = 'application/json';
    Object.keys(headers || {}).forEach(function (k) { h[k] = headers[k]; });
    return fetch(url, { method: method, headers: h, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' }).then(
      function (res) {
        var type = res.headers.get('content-type') || '';
        var parse = type.indexOf('json') >= 0 ? res.json() : Promise.resolve(null);
        return parse.then(function (data) {
          if (res.status === 401 && url !== '/admin/login') signedOut('登录已过期，请重新登录。');
          if (!res.ok) throw new ApiError(res.status, data);
          return { status: res.status, data: data, etag: res.headers.get('etag') };
        });
      },
      function () { throw new ApiError(0); },
    );
  };

  /** Shows an error message in `target` (an element), with field errors listed. */
  PC.showError = function (target, err) {
    target.textContent = err && err.message ? err.message : String(err);
  };

  function signedOut(message) {
    PC.staff = null;
    // A fresh session (and CSRF token) for signing in again.
    loadSession().then(function () { render(message); }, function () { render(message); });
  }

  function loadSession() {
    return PC.api('GET', '/admin/session').then(function (r) {
      PC.csrf = r.data.csrf;
      PC.staff = r.data.staff;
      PC.enabled = r.data.enabled;
      PC.offMessage = r.data.message;
      PC.features = r.data.features || {};
    });
  }

  function render(loginMessage) {
    var signedIn = !!PC.staff;
    $('off-view').hidden = PC.enabled !== false;
    $('off-message').textContent = PC.offMessage || '';
    $('login-view').hidden = signedIn || PC.enabled === false;
    $('nav').hidden = !signedIn;
    $('logout').hidden = !signedIn;
    $('who').textContent = signedIn ? '当前登录：' + PC.staff : '';
    $('login-error').textContent = loginMessage || '';
    $('view').hidden = !signedIn;
    if (!signedIn) {
      // The view is kept (hidden) when the session merely expired: after signing in again, unsaved work is still there.
      if (PC.enabled !== false) $('token').focus();
      return;
    }
    if (PC.viewStaff === PC.staff && PC.viewHash === location.hash && $('view').childNodes.length) return;
    route();
  }

  /** Shows the view named by the address (#name/param); 知识条目 by default. */
  function route() {
    if (!PC.staff) return;
    var hash = location.hash.replace(/^#/, '') || 'entries';
    var parts = hash.split('/');
    var name = parts[0];
    var view = PC.views[name] || PC.views.entries;
    var links = $('nav').querySelectorAll('a');
    for (var i = 0; i < links.length; i++) {
      var current = links[i].getAttribute('href') === '#' + name || (name === 'edit' && links[i].getAttribute('href') === '#entries');
      if (current) links[i].setAttribute('aria-current', 'page');
      else links[i].removeAttribute('aria-current');
    }
    var box = $('view');
    box.textContent = '';
    PC.viewStaff = PC.staff;
    PC.viewHash = location.hash;
    view(box, decodeURIComponent(parts.slice(1).join('/')));
    PC.refreshCounts();
  }
  PC.route = route;
  PC.go = function (hash) {
    if (location.hash === hash) route();
    else location.hash = hash;
  };

  /** The number of entries waiting for 法制审核, in the menu. */
  PC.refreshCounts = function () {
    PC.api('GET', '/api/admin/console/entries?status=pending').then(function (r) {
      $('review-count').textContent = r.data.entries.length ? String(r.data.entries.length) : '';
    }, function () {});
    if (!PC.features.messages) return;
    PC.api('GET', '/api/admin/messages?status=pending').then(function (r) {
      $('messages-count').textContent = r.data.messages.length ? String(r.data.messages.length) : '';
    }, function () {});
  };

  $('login-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var token = $('token').value.trim();
    if (!token) return render('请输入工作人员令牌。');
    var button = ev.target.querySelector('button');
    button.disabled = true;
    PC.api('POST', '/admin/login', { token: token })
      .then(function (r) {
        $('token').value = '';
        PC.csrf = r.data.csrf;
        PC.staff = r.data.staff;
        render();
      }, function (err) {
        // A stale page (e.g. after a restart) has an old CSRF token: fetch a new one for the next try.
        loadSession().then(function () { render(err.message); }, function () { render(err.message); });
      })
      .then(function () { button.disabled = false; });
  });

  $('logout').addEventListener('click', function () {
    PC.api('POST', '/admin/logout').then(function () { return loadSession(); }, function () { return loadSession(); }).then(function () {
      $('view').textContent = '';
      PC.form = null;
      location.hash = '';
      render('已退出登录。');
    });
  });

  window.addEventListener('hashchange', route);
  document.addEventListener('DOMContentLoaded', function () {
    loadSession().then(function () { render(); }, function (err) { render(err.message); });
  });
})();
