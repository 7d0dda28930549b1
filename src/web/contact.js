/*
 * 「联系我们」 of the web chat: the panel opened from the header (or by the chat's fallback replies) and closed by
 * its × or Escape, with the bureau's contacts (contact-info.js), the 留言 form and the status lookup by receipt
 * code (contact-message.js). Plain JS, every text set with textContent. Loaded last; exposes
 * window.PufaContact.open(question?) for the chat's fallback replies.
 */
(function () {
  'use strict';

  var el = window.PufaContactBase.el;
  var call = window.PufaContactBase.call;
  var renderInfo = window.PufaContactInfo.renderInfo;
  var renderForm = window.PufaContactMessage.renderForm;
  var renderLookup = window.PufaContactMessage.renderLookup;
  var $ = function (id) {
    return document.getElementById(id);
  };

  var panel = $('contact-panel');
  var openBtn = $('contact');
  if (!panel || !openBtn) return;
  var info = null;

  /** Opens the panel (the 留言 form's question filled with `prefill`), fetching the contacts the first time. */
  function open(prefill) {
    panel.hidden = false;
    openBtn.setAttribute('aria-expanded', 'true');
    var infoBox = panel.querySelector('.contact-info');
    var formBox = panel.querySelector('.contact-form');
    var lookBox = panel.querySelector('.contact-lookup');
    var draw = function () {
      renderInfo(
        infoBox,
        info || {
          bureauName: '',
          hotlines: [
            { number: '12369', label: '环保举报热线' },
            { number: '12345', label: '政务服务便民热线' },
          ],
        },
      );
      if (!info || info.messages !== false) {
        renderForm(formBox, prefill);
        renderLookup(lookBox);
      } else {
        formBox.textContent = '';
        formBox.appendChild(el('p', 'hint', '在线留言暂未开通，请在工作时间拨打上面的电话咨询。'));
        lookBox.textContent = '';
      }
      panel.scrollIntoView({ block: 'start' });
      var first = prefill ? $('msg-contact') : panel.querySelector('a, button, input');
      if (first) first.focus();
    };
    if (info) draw();
    else
      call('GET', '/api/contact').then(
        function (c) {
          info = c;
          draw();
        },
        function () {
          draw();
        },
      );
  }
  /** Closes the panel and gives the focus back to 联系我们. */
  function close() {
    panel.hidden = true;
    openBtn.setAttribute('aria-expanded', 'false');
    openBtn.focus();
  }

  openBtn.addEventListener('click', function () {
    if (panel.hidden) open();
    else close();
  });
  var closeBtn = $('contact-close');
  if (closeBtn) closeBtn.addEventListener('click', close);
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape' && !panel.hidden) close();
  });

  window.PufaContact = { open: open, close: close };
})();
