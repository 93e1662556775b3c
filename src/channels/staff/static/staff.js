// The operations page: asks /staff/api/report for a night or a span and draws it with Chart.js (served from
// this origin). Texts come with the data (locales/sv/staff.json); nothing here is user-facing text.
(function () {
  'use strict';
  var charts = {};
  var form = document.getElementById('span');
  var palette = ['#00594f', '#c8102e', '#f2a900', '#2f6fb3', '#7a4ea3', '#5b6470', '#3a9d5d', '#d9730d'];

  function el(tag, text) {
    var node = document.createElement(tag);
    node.textContent = text == null ? '' : String(text);
    return node;
  }

  function localTime(iso, zone, withDate) {
    var options = { timeZone: zone, hour: '2-digit', minute: '2-digit', hour12: false };
    if (withDate) {
      options.year = 'numeric';
      options.month = '2-digit';
      options.day = '2-digit';
    }
    return new Intl.DateTimeFormat('sv-SE', options).format(new Date(iso));
  }

  function minutes(seconds) {
    if (seconds == null) return '–';
    return seconds < 60 ? seconds + ' s' : Math.round(seconds / 6) / 10 + ' min';
  }

  function draw(id, config) {
    if (charts[id]) charts[id].destroy();
    config.options = Object.assign({ responsive: true, maintainAspectRatio: false, animation: false }, config.options);
    charts[id] = new window.Chart(document.getElementById(id), config);
  }

  function bars(id, labels, values, label, horizontal) {
    draw(id, {
      type: 'bar',
      data: { labels: labels, datasets: [{ label: label, data: values, backgroundColor: palette[0] }] },
      options: {
        indexAxis: horizontal ? 'y' : 'x',
        plugins: { legend: { display: false } },
        scales: { x: { ticks: { precision: 0 } }, y: { ticks: { precision: 0 } } },
      },
    });
  }

  function tally(id, counts, names, label) {
    var keys = Object.keys(counts).filter(function (k) {
      return counts[k] > 0;
    });
    bars(
      id,
      keys.map(function (k) {
        return (names && names[k]) || k;
      }),
      keys.map(function (k) {
        return counts[k];
      }),
      label,
      true,
    );
  }

  function rows(tableId, items, cells, none) {
    var body = document.querySelector('#' + tableId + ' tbody');
    body.replaceChildren();
    if (!items.length) {
      var tr = document.createElement('tr');
      var td = el('td', none);
      td.colSpan = 6;
      tr.appendChild(td);
      body.appendChild(tr);
      return;
    }
    items.forEach(function (item) {
      var tr = document.createElement('tr');
      cells(item).forEach(function (c) {
        tr.appendChild(el('td', c));
      });
      body.appendChild(tr);
    });
  }

  function render(data) {
    var t = data.texts;
    var r = data.report;
    var zone = data.timeZone;
    document.getElementById('shown').textContent = t.span
      .replace('{{from}}', localTime(r.from, zone, true))
      .replace('{{to}}', localTime(r.to, zone, true));
    document.getElementById('k-contacts').textContent = r.contacts;
    document.getElementById('k-opened').textContent = r.cases.opened;
    document.getElementById('k-unclaimed').textContent = r.cases.unclaimed;
    document.getElementById('k-claim').textContent = minutes(r.timeToClaimSeconds.median);
    bars(
      'c-hour',
      r.perHour.map(function (h) {
        return localTime(h.hour, zone, false);
      }),
      r.perHour.map(function (h) {
        return h.contacts;
      }),
      t.contacts,
    );
    tally('c-route', r.byRoute, data.routeNames, t.contacts);
    tally('c-channel', r.byChannel, null, t.contacts);
    tally('c-language', r.byLanguage, null, t.contacts);
    bars(
      'c-claim',
      data.claimBands.map(function (b) {
        return b.label;
      }),
      data.claimBands.map(function (b) {
        return b.cases;
      }),
      t.cases,
    );
    var series = [
      ['contacts', t.trendContacts],
      ['opened', t.trendOpened],
      ['unclaimed', t.trendUnclaimed],
    ];
    draw('c-trend', {
      type: 'line',
      data: {
        labels: data.trend.map(function (n) {
          return n.night.slice(5);
        }),
        datasets: series.map(function (s, i) {
          return {
            label: s[1],
            data: data.trend.map(function (n) {
              return n[s[0]];
            }),
            borderColor: palette[i],
            backgroundColor: palette[i],
            tension: 0.2,
          };
        }),
      },
      options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    });
    rows(
      'faults',
      r.openFaults,
      function (f) {
        return [
          f.id,
          localTime(f.createdAt, zone, true),
          f.address || '–',
          f.status === 'open' ? t.statusOpen : t.statusClaimed,
        ];
      },
      t.none,
    );
    rows(
      'open',
      data.openCases,
      function (c) {
        return [
          c.id,
          localTime(c.createdAt, zone, true),
          data.routeNames[c.route] || c.route,
          c.kind,
          c.status === 'open' ? t.statusOpen : t.statusClaimed,
          c.claimedBy || '–',
        ];
      },
      t.none,
    );
    document.getElementById('signout').hidden = !data.signedIn;
    document.body.dataset.ready = 'true';
  }

  function query() {
    var params = new URLSearchParams();
    ['night', 'from', 'to'].forEach(function (name) {
      var value = form.elements[name].value;
      if (value) params.set(name, value);
    });
    return params.toString();
  }

  function load() {
    var q = query();
    document.body.dataset.ready = 'false';
    document.getElementById('csv').href = '/staff/report.csv' + (q ? '?' + q : '');
    fetch('/staff/api/report' + (q ? '?' + q : ''), { credentials: 'same-origin' })
      .then(function (res) {
        if (!res.ok) throw new Error(String(res.status));
        return res.json();
      })
      .then(function (data) {
        if (!form.elements.night.value && data.night && !form.elements.from.value)
          form.elements.night.value = data.night;
        render(data);
      })
      .catch(function (err) {
        document.getElementById('shown').textContent = '⚠ ' + err.message;
        document.body.dataset.ready = 'error';
      });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    load();
  });
  form.elements.night.addEventListener('change', function () {
    form.elements.from.value = '';
    form.elements.to.value = '';
  });
  load();
})();
