// sitrep map page. Every piece of report text goes into the page through
// textContent or text nodes, never parsed as HTML: no markup from a report ever runs.
(function () {
  'use strict';

  const TYPE_COLOURS = {
    'Battles': '#c0392b',
    'Explosions/Remote violence': '#e67e22',
    'Violence against civilians': '#8e44ad',
    'Protests': '#2980b9',
    'Riots': '#16a085',
    'Strategic developments': '#7f8c8d',
  };
  const PAGE = 5000;       // the API's largest page
  const MAX_ROWS = 50000;  // most incidents the page loads

  const $ = (id) => document.getElementById(id);
  const el = (tag, cls, text) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  };
  const svg = (tag, attrs) => {
    const e = document.createElementNS('http://www.w3.org/2000/svg', tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, String(v));
    return e;
  };

  const state = { incidents: [], brush: null, selected: null, markers: new Map() };
  let map, markerLayer;

  async function getJSON(url, opts) {
    const r = await fetch(url, opts);
    let body = null;
    try { body = await r.json(); } catch (_) { body = null; }
    if (!r.ok) throw new Error((body && body.error) || ('HTTP ' + r.status));
    return body;
  }

  function filterParams() {
    const p = new URLSearchParams();
    for (const name of ['since', 'until', 'country', 'type', 'actor', 'text']) {
      const v = $('f-' + name).value.trim();
      if (v) p.set(name, v);
    }
    return p;
  }

  // ------------------------------------------------------------------ map
  async function initMap() {
    map = L.map('map', { zoomSnap: 0.25, worldCopyJump: true, minZoom: 2 }).setView([40.5, 45.5], 6);
    map.attributionControl.setPrefix('Leaflet');
    map.attributionControl.addAttribution('Outlines: Natural Earth');
    try {
      const topo = await getJSON('/assets/vendor/countries-110m.json');
      const land = topojson.feature(topo, topo.objects.countries);
      L.geoJSON(land, {
        style: { color: '#8a99a8', weight: 1, fillColor: '#f2efe6', fillOpacity: 1 },
        interactive: false,
      }).addTo(map);
    } catch (e) {
      showSummary('outlines failed to load: ' + e.message);
    }
    // The gazetteer's districts and provinces as labels, shown when zoomed in.
    const labels = L.layerGroup();
    try {
      for (const p of await getJSON('/api/places/admin')) {
        const icon = L.divIcon({ className: 'admin-label', html: '', iconSize: null });
        const m = L.marker([p.lat, p.lon], { icon, interactive: false, keyboard: false });
        m.on('add', () => { const e = m.getElement(); if (e) e.textContent = p.name; });
        labels.addLayer(m);
      }
    } catch (e) {
      showSummary('admin labels failed to load: ' + e.message);
    }
    const showLabels = () => {
      if (map.getZoom() >= 7) labels.addTo(map); else labels.remove();
    };
    map.on('zoomend', showLabels);
    showLabels();
    markerLayer = L.featureGroup().addTo(map);
    const legend = $('legend');
    for (const [t, c] of Object.entries(TYPE_COLOURS)) {
      const row = el('div');
      const sw = el('span', 'swatch');
      sw.style.background = c;
      row.append(sw, el('span', null, t));
      legend.append(row);
    }
    legend.append(el('div', null, 'circle area: fatalities'));
  }

  function radius(f) { return 5 + 3 * Math.sqrt(Math.max(0, f || 0)); }

  function inBrush(inc) {
    if (!state.brush) return true;
    const a = inc.date, b = inc.date_end || inc.date;
    if (!a) return false;
    return b >= state.brush[0] && a <= state.brush[1];
  }

  function visible() { return state.incidents.filter(inBrush); }

  function drawMarkers(fit) {
    markerLayer.clearLayers();
    state.markers.clear();
    const shown = visible();
    for (const inc of shown) {
      if (inc.lat == null || inc.lon == null) continue;
      const colour = TYPE_COLOURS[inc.event_type] || '#333';
      const m = L.circleMarker([inc.lat, inc.lon], {
        radius: radius(inc.fatalities), color: '#222', weight: 1,
        fillColor: colour, fillOpacity: 0.75, className: 'incident-marker',
      });
      const tip = el('div', 'tip');
      tip.append(el('strong', null, inc.sub_event_type), el('br'),
        document.createTextNode((inc.location || '?') + ', ' + (inc.date || 'undated')),
        el('br'), document.createTextNode('fatalities ' + inc.fatalities));
      m.bindTooltip(tip);
      m.on('click', () => openIncident(inc.id));
      m.addTo(markerLayer);
      state.markers.set(inc.id, m);
    }
    if (fit && markerLayer.getLayers().length) {
      map.fitBounds(markerLayer.getBounds().pad(0.3), { maxZoom: 9 });
    }
    drawList(shown);
  }

  // ------------------------------------------------------------------ list
  function drawList(shown) {
    const list = $('list');
    list.replaceChildren();
    $('list-count').textContent = shown.length + ' incident' + (shown.length === 1 ? '' : 's') +
      (state.brush ? ' from ' + state.brush[0] + ' to ' + state.brush[1] : '');
    $('clear-brush').hidden = !state.brush;
    const newest = shown.slice().sort((a, b) =>
      (b.date || '').localeCompare(a.date || '') || a.id.localeCompare(b.id));
    for (const inc of newest.slice(0, 2000)) {
      const li = el('li');
      li.tabIndex = 0;
      li.dataset.id = inc.id;
      if (inc.review === 'rejected') li.classList.add('rejected');
      const what = el('div');
      what.append(el('div', 'what', inc.sub_event_type),
        el('div', 'where', [inc.location, inc.admin1, inc.country].filter(Boolean).join(', ') || 'unknown place'),
        el('div', 'where', [inc.actor1, inc.actor2].filter(Boolean).join(' vs ')));
      li.append(el('div', 'when', inc.date || 'undated'), what, el('div', 'dead', inc.fatalities + ' killed'));
      li.addEventListener('click', () => openIncident(inc.id));
      li.addEventListener('keydown', (e) => { if (e.key === 'Enter') openIncident(inc.id); });
      list.append(li);
    }
  }

  // ------------------------------------------------------------------ timeline
  function drawTimeline(byDay) {
    const box = $('timeline');
    box.replaceChildren();
    const days = byDay.filter((d) => d.key);
    const w = box.clientWidth || 800, h = box.clientHeight || 110;
    if (!days.length) {
      const t = svg('text', { x: 10, y: 20, class: 'axis' });
      t.textContent = 'no dated incidents';
      box.append(t);
      return;
    }
    // Every day between the first and the last, so gaps show as gaps.
    const first = new Date(days[0].key + 'T00:00:00Z'), last = new Date(days[days.length - 1].key + 'T00:00:00Z');
    const all = [];
    for (let d = new Date(first); d <= last && all.length < 3660; d.setUTCDate(d.getUTCDate() + 1)) {
      all.push(d.toISOString().slice(0, 10));
    }
    const counts = new Map(days.map((d) => [d.key, d.incidents]));
    const max = Math.max(1, ...days.map((d) => d.incidents));
    const left = 28, bottom = 16, top = 4;
    const bw = (w - left - 4) / all.length;
    const y = (n) => top + (h - top - bottom) * (1 - n / max);
    box.setAttribute('viewBox', '0 0 ' + w + ' ' + h);
    const maxLabel = svg('text', { x: 2, y: top + 9, class: 'axis' });
    maxLabel.textContent = String(max);
    box.append(maxLabel);
    all.forEach((day, i) => {
      const n = counts.get(day) || 0;
      if (n > 0) {
        const inB = !state.brush || (day >= state.brush[0] && day <= state.brush[1]);
        const r = svg('rect', {
          x: left + i * bw + (bw > 3 ? 0.5 : 0), y: y(n), width: Math.max(1, bw - (bw > 3 ? 1 : 0)),
          height: (h - bottom) - y(n), class: 'bar' + (inB ? '' : ' out'), 'data-day': day,
        });
        const title = svg('title');
        title.textContent = day + ': ' + n;
        r.append(title);
        box.append(r);
      }
    });
    const step = Math.max(1, Math.ceil(all.length / Math.max(1, Math.floor(w / 80))));
    for (let i = 0; i < all.length; i += step) {
      const t = svg('text', { x: left + i * bw, y: h - 3, class: 'axis' });
      t.textContent = all[i];
      box.append(t);
    }
    if (state.brush) {
      const a = all.indexOf(state.brush[0]), b = all.indexOf(state.brush[1]);
      if (a >= 0 && b >= 0) {
        box.append(svg('rect', { x: left + a * bw, y: top, width: (b - a + 1) * bw, height: h - top - bottom, class: 'brush' }));
      }
    }
    // Click or drag to choose a day range.
    const dayAt = (ev) => {
      const rect = box.getBoundingClientRect();
      const x = (ev.clientX - rect.left) * (w / rect.width);
      const i = Math.floor((x - left) / bw);
      return i >= 0 && i < all.length ? all[i] : null;
    };
    let start = null;
    box.onpointerdown = (ev) => { start = dayAt(ev); box.setPointerCapture(ev.pointerId); };
    box.onpointerup = (ev) => {
      const end = dayAt(ev);
      if (start && end) {
        setBrush(start <= end ? [start, end] : [end, start]);
      } else if (!start && !end) {
        setBrush(null);
      }
      start = null;
    };
    state.timelineDays = byDay;
  }

  function setBrush(range) {
    state.brush = range;
    drawTimeline(state.timelineDays || []);
    drawMarkers(false);
  }

  // ------------------------------------------------------------------ detail
  function fact(dl, k, v) {
    dl.append(el('dt', null, k), el('dd', null, v));
  }

  // The document's cleaned text with the evidence spans (character offsets)
  // as <mark> elements; all text goes in as text nodes.
  function highlighted(text, spans) {
    const chars = Array.from(text);
    const box = el('div', 'doc');
    const sorted = spans.slice().sort((a, b) => a.start - b.start);
    let pos = 0;
    for (const s of sorted) {
      const a = Math.max(pos, Math.min(s.start, chars.length)), b = Math.min(s.end, chars.length);
      if (b <= a) continue;
      if (a > pos) box.append(document.createTextNode(chars.slice(pos, a).join('')));
      box.append(el('mark', 'evidence', chars.slice(a, b).join('')));
      pos = b;
    }
    if (pos < chars.length) box.append(document.createTextNode(chars.slice(pos).join('')));
    return box;
  }

  function safeLink(url, label) {
    if (typeof url === 'string' && /^https?:\/\//i.test(url)) {
      const a = el('a', null, label);
      a.href = url;
      a.rel = 'noopener noreferrer';
      a.target = '_blank';
      return a;
    }
    return el('span', null, label);
  }

  async function openIncident(id) {
    state.selected = id;
    $('list').hidden = true;
    $('detail').hidden = false;
    const body = $('detail-body');
    body.replaceChildren(el('p', null, 'Loading…'));
    let d;
    try {
      d = await getJSON('/api/incidents/' + encodeURIComponent(id));
    } catch (e) {
      body.replaceChildren(el('p', 'error', 'Could not load the incident: ' + e.message));
      return;
    }
    const inc = d.incident;
    const m = state.markers.get(id);
    if (m) { map.setView(m.getLatLng(), Math.max(map.getZoom(), 7)); m.openTooltip(); }
    const h = el('h2', null, inc.sub_event_type + ' — ' + (inc.location || 'unknown place'));
    if (inc.review) { h.append(' ', el('span', 'badge ' + inc.review, inc.review)); }
    const dl = el('dl', 'facts');
    fact(dl, 'incident', inc.id);
    fact(dl, 'type', inc.event_type + ' / ' + inc.sub_event_type);
    fact(dl, 'date', inc.date ? (inc.date_end && inc.date_end !== inc.date ? inc.date + ' to ' + inc.date_end : inc.date) : 'unknown');
    fact(dl, 'place', [inc.location, inc.admin1, inc.country].filter(Boolean).join(', ') || 'unknown');
    fact(dl, 'actors', (inc.actor1 || '–') + ' vs ' + (inc.actor2 || '–'));
    fact(dl, 'fatalities', inc.fatalities + (inc.fatalities_low !== inc.fatalities_high ? ' (claims range ' + inc.fatalities_low + '–' + inc.fatalities_high + ')' : '') + '; injured ' + inc.injuries);
    fact(dl, 'sources', inc.sources.join(', '));
    body.replaceChildren(h, dl, el('h3', null, 'What each source says'));
    const docs = new Map();
    for (const c of d.claims) {
      const card = el('div', 'claim');
      const says = el('div', 'says');
      const src = el('div', 'src');
      src.append(safeLink(c.source.url, c.source.outlet || c.source.doc_id));
      says.append(src, el('div', null, c.source.published ? 'published ' + c.source.published : ''),
        el('div', 'claimant', 'claimant: ' + (c.claimant || 'the outlet')),
        el('div', null, c.sub_event_type + (c.date ? ' on ' + c.date : '')),
        el('div', null, (c.actor1 || '–') + ' vs ' + (c.actor2 || '–')),
        el('div', null, 'at ' + (c.location || '?')),
        el('div', null, 'killed ' + c.fatalities + ', injured ' + c.injuries));
      if (c.stances.length) {
        const ul = el('ul');
        for (const s of c.stances) {
          ul.append(el('li', null, (s.claimant || 'the outlet') + ' ' + s.stance +
            (s.fatalities != null ? ', killed ' + s.fatalities : '') + (s.injuries != null ? ', injured ' + s.injuries : '')));
        }
        says.append(ul);
      }
      const docBox = el('div', 'doc', 'Loading the report…');
      card.append(says, docBox);
      body.append(card);
      if (!docs.has(c.source.doc_id)) {
        docs.set(c.source.doc_id, getJSON('/api/documents/' + encodeURIComponent(c.source.doc_id)));
      }
      docs.get(c.source.doc_id).then((doc) => {
        const hl = highlighted(doc.text, c.evidence);
        docBox.replaceWith(hl);
        const first = hl.querySelector('mark');
        if (first) hl.scrollTop = Math.max(0, first.offsetTop - hl.offsetTop - 20);
      }).catch((e) => { docBox.textContent = 'Could not load the report: ' + e.message; });
    }
    body.append(reviewForm(inc, d));
  }

  function reviewForm(inc, d) {
    const box = el('section');
    box.id = 'review';
    box.append(el('h3', null, 'Review'));
    if (d.audit.length) {
      const ol = el('ol');
      ol.id = 'audit';
      for (const a of d.audit) {
        ol.append(el('li', null, a.at.slice(0, 19).replace('T', ' ') + ' ' + a.reviewer + ': ' + a.action + ' ' + JSON.stringify(a.changes)));
      }
      box.append(ol);
    }
    const form = el('form');
    const fs = el('fieldset');
    const input = (label, name, type, value) => {
      const i = el('input');
      i.name = name; i.type = type || 'text';
      if (value != null) i.value = value;
      fs.append(el('label', null, label), i);
      return i;
    };
    const action = el('select');
    for (const a of ['confirm', 'correct', 'reject']) { const o = el('option', null, a); o.value = a; action.append(o); }
    fs.append(el('label', null, 'action'), action);
    const reviewer = input('reviewer', 'reviewer', 'text', sessionStorage.getItem('sitrep-reviewer') || '');
    const token = input('token', 'token', 'password', sessionStorage.getItem('sitrep-token') || '');
    const sub = input('sub-event type', 'sub_event_type', 'text');
    sub.placeholder = inc.sub_event_type;
    const date = input('date', 'date', 'date');
    const place = input('place (gazetteer)', 'location', 'text');
    place.placeholder = inc.location || '';
    const dead = input('fatalities', 'fatalities', 'number');
    dead.min = 0;
    const hurt = input('injuries', 'injuries', 'number');
    hurt.min = 0;
    const go = el('button', null, 'Submit review');
    go.type = 'submit';
    const msg = el('div', 'msg');
    form.append(fs, go, msg);
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      sessionStorage.setItem('sitrep-reviewer', reviewer.value);
      sessionStorage.setItem('sitrep-token', token.value);
      const changes = {};
      if (sub.value.trim()) changes.sub_event_type = sub.value.trim();
      if (date.value) changes.date = date.value;
      if (place.value.trim()) changes.location = place.value.trim();
      if (dead.value !== '') changes.fatalities = Number(dead.value);
      if (hurt.value !== '') changes.injuries = Number(hurt.value);
      const req = { action: action.value, reviewer: reviewer.value.trim() };
      if (action.value !== 'reject' && Object.keys(changes).length) req.changes = changes;
      try {
        await getJSON('/api/incidents/' + encodeURIComponent(inc.id) + '/review', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Authorization': 'Bearer ' + token.value },
          body: JSON.stringify(req),
        });
        await load(false);
        openIncident(inc.id);
      } catch (e) {
        msg.textContent = 'Review refused: ' + e.message;
      }
    });
    box.append(form);
    return box;
  }

  function closeDetail() {
    state.selected = null;
    $('detail').hidden = true;
    $('list').hidden = false;
  }

  // ------------------------------------------------------------------ loading
  function showSummary(t) { $('summary').textContent = t; }

  async function load(fit) {
    const p = filterParams();
    showSummary('loading…');
    try {
      const rows = [];
      let total = 0;
      for (let offset = 0; offset < MAX_ROWS; offset += PAGE) {
        const q = new URLSearchParams(p);
        q.set('limit', String(PAGE));
        q.set('offset', String(offset));
        const page = await getJSON('/api/incidents?' + q.toString());
        total = page.total;
        rows.push(...page.items);
        if (rows.length >= total || page.items.length === 0) break;
      }
      const stats = await getJSON('/api/stats?' + p.toString());
      state.incidents = rows;
      drawTimeline(stats.by_day);
      drawMarkers(fit);
      showSummary(total + ' incidents, ' + stats.fatalities + ' killed' + (rows.length < total ? ' (showing ' + rows.length + ')' : ''));
      document.body.dataset.loaded = String(Date.now());
    } catch (e) {
      showSummary('error: ' + e.message);
    }
  }

  async function fillChoices() {
    try {
      const s = await getJSON('/api/stats');
      const add = (sel, values) => {
        for (const v of values) { const o = el('option', null, v); o.value = v; sel.append(o); }
      };
      add($('f-country'), s.by_country.map((c) => c.key).filter(Boolean).sort());
      const types = [...s.by_event_type.map((c) => c.key), ...s.by_sub_event_type.map((c) => c.key)].filter(Boolean);
      add($('f-type'), [...new Set(types)]);
    } catch (_) { /* the filters still work as free text in the API */ }
  }

  document.addEventListener('DOMContentLoaded', async () => {
    await initMap();
    $('filters').addEventListener('submit', (ev) => { ev.preventDefault(); state.brush = null; closeDetail(); load(true); });
    $('f-reset').addEventListener('click', () => { $('filters').reset(); state.brush = null; closeDetail(); load(true); });
    $('clear-brush').addEventListener('click', () => setBrush(null));
    $('detail-close').addEventListener('click', closeDetail);
    window.addEventListener('resize', () => drawTimeline(state.timelineDays || []));
    await fillChoices();
    await load(true);
  });
})();
