/*
 * The bureau's contacts in 「联系我们」: name, phone (tap to call), the hotlines, address (with a map link) and
 * hours. Every text set with textContent. Loaded after contact-base.js; exposes window.PufaContactInfo.
 */
(function () {
  'use strict';

  var el = window.PufaContactBase.el;

  function callLink(number, label) {
    var a = el('a', 'call', '📞 ' + label + ' ' + number);
    a.href = 'tel:' + String(number).replace(/[^\d+]/g, '');
    return a;
  }

  /** Fills `box` with the contacts `c` (GET /api/contact: bureauName, phone, hotlines, address, mapUrl, hours). */
  function renderInfo(box, c) {
    box.textContent = '';
    box.appendChild(el('h2', null, '联系' + (c.bureauName || '我们')));
    var list = el('div', 'contacts');
    if (c.phone) list.appendChild(callLink(c.phone, '咨询电话'));
    (c.hotlines || []).forEach(function (h) {
      list.appendChild(callLink(h.number, h.label));
    });
    box.appendChild(list);
    if (c.address) {
      var p = el('p', 'address', '办公地址：' + c.address);
      if (c.mapUrl) {
        var m = el('a', 'map', '查看地图');
        m.href = c.mapUrl;
        m.rel = 'noopener';
        m.target = '_blank';
        p.appendChild(document.createTextNode(' '));
        p.appendChild(m);
      }
      box.appendChild(p);
    }
    if (c.hours) box.appendChild(el('p', 'hours', '办公时间：' + c.hours));
  }

  window.PufaContactInfo = { renderInfo: renderInfo };
})();
