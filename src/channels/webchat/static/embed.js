// Trygg's web chat widget. One <script src="https://<trygg>/webchat/embed.js" async></script> on any page adds a
// launcher and a chat panel running Microsoft Web Chat, loaded from the same server as this file (no CDN).
// Plain browser JavaScript without a build step, fit for a strict Content-Security-Policy: no inline script, no
// eval, and every <style> Web Chat adds carries the nonce of this <script> tag.
// What it does for the visitor:
// - the token comes from Trygg (/api/webchat/token), is refreshed at half its life, and a reload within its life
//   resumes the same conversation with its history (sessionStorage: this tab only, gone when it closes);
// - it reconnects when the page becomes visible again (a phone waking up) or the network returns;
// - the 112 link works whatever the chat's state; new messages are announced to screen readers once each.
(function () {
  'use strict';
  const script = document.currentScript;
  if (!script || window.__tryggWebchat) return;
  window.__tryggWebchat = true;
  const base = script.src.replace(/\/webchat\/embed\.js(?:[?#].*)?$/, '');
  const nonce = script.nonce || undefined;
  const KEY = 'trygg.webchat';
  const RESUME_AFTER_HIDDEN_MS = 5000;

  /** What survives a reload: { open, lang, session, announced } (session: conversationId, token, …). */
  let state = {};
  try {
    state = JSON.parse(sessionStorage.getItem(KEY) || '{}') || {};
  } catch (_) {
    state = {};
  }
  const save = () => {
    try {
      sessionStorage.setItem(KEY, JSON.stringify(state));
    } catch (_) {
      // Storage may be full or off (private browsing): the chat still works, it just will not survive a reload.
    }
  };

  let config; // /webchat/widget.json: { bundle, languages, texts }
  let ui; // the widget's elements
  let chat; // { directLine, store } once Web Chat runs
  let refreshTimer;
  let hiddenSince = 0;

  const el = (tag, attrs, children) => {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (name === 'text') node.textContent = value;
      else node.setAttribute(name, value);
    }
    for (const child of children || []) node.appendChild(child);
    return node;
  };
  const language = () => config.languages.find((l) => l.code === state.lang) || config.languages[0];
  const text = (key) => config.texts[language().code][key];

  /** The page's own language if Trygg speaks it (`hr`/`sr` count as Bosnian), else Swedish. */
  function pageLanguage() {
    let code = (document.documentElement.lang || '').toLowerCase().split(/[-_]/)[0];
    if (code === 'hr' || code === 'sr') code = 'bs';
    return config.languages.some((l) => l.code === code) ? code : 'sv';
  }

  function build() {
    const select = el(
      'select',
      { id: 'trygg-wc-lang' },
      config.languages.map((l) => el('option', { value: l.code, lang: l.code, dir: l.dir, text: l.name })),
    );
    ui = {
      root: el('div', { class: 'trygg-wc' }),
      launcher: el('button', { type: 'button', class: 'trygg-wc-launcher', 'aria-controls': 'trygg-wc-panel' }),
      panel: el('div', {
        id: 'trygg-wc-panel',
        class: 'trygg-wc-panel',
        role: 'dialog',
        'aria-labelledby': 'trygg-wc-title',
      }),
      title: el('h2', { id: 'trygg-wc-title', class: 'trygg-wc-title' }),
      subtitle: el('p', { class: 'trygg-wc-subtitle' }),
      langLabel: el('label', { for: 'trygg-wc-lang' }),
      select,
      close: el('button', { type: 'button', class: 'trygg-wc-close', text: '×' }),
      emergency: el('a', { class: 'trygg-wc-112', href: 'tel:112' }),
      status: el('p', { class: 'trygg-wc-status', role: 'status' }),
      chat: el('div', { class: 'trygg-wc-chat', role: 'region' }),
      privacy: el('a', { class: 'trygg-wc-privacy', target: '_blank', rel: 'noopener' }),
      live: el('div', { class: 'trygg-wc-live', 'aria-live': 'polite', 'aria-relevant': 'additions' }),
    };
    const header = el('div', { class: 'trygg-wc-header' }, [
      el('div', { class: 'trygg-wc-heading' }, [ui.title, ui.subtitle]),
      el('div', { class: 'trygg-wc-lang' }, [ui.langLabel, select]),
      ui.close,
    ]);
    for (const child of [header, ui.emergency, ui.status, ui.chat, ui.privacy, ui.live]) ui.panel.appendChild(child);
    ui.root.appendChild(ui.launcher);
    ui.root.appendChild(ui.panel);
    ui.launcher.addEventListener('click', () => open(true));
    ui.close.addEventListener('click', close);
    ui.panel.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') close();
    });
    select.addEventListener('change', () => {
      state.lang = select.value;
      save();
      applyLanguage();
      if (chat) render(chat.directLine);
    });
    applyLanguage();
    ui.panel.hidden = true;
    document.body.appendChild(ui.root);
  }

  function applyLanguage() {
    const lang = language();
    ui.root.setAttribute('lang', lang.code);
    ui.root.setAttribute('dir', lang.dir);
    ui.select.value = lang.code;
    ui.launcher.textContent = text('launcher');
    ui.title.textContent = text('title');
    ui.subtitle.textContent = text('subtitle');
    ui.langLabel.textContent = text('language');
    ui.close.setAttribute('aria-label', text('close'));
    ui.emergency.textContent = text('emergency');
    ui.chat.setAttribute('aria-label', text('chatLabel'));
    ui.privacy.textContent = text('privacy');
    ui.privacy.href = `${base}/privacy?lang=${lang.code}`;
    if (ui.status.dataset.key) showStatus(ui.status.dataset.key, ui.status.dataset.retry === '1');
  }

  /** Shows a status line (announced politely); `retry` adds a button that tries to connect again. */
  function showStatus(key, retry) {
    ui.status.textContent = key ? text(key) : '';
    ui.status.dataset.key = key || '';
    ui.status.dataset.retry = retry ? '1' : '';
    if (key && retry) {
      const button = el('button', { type: 'button', text: text('retry') });
      button.addEventListener('click', () => start());
      ui.status.appendChild(button);
    }
  }

  async function open(byUser) {
    state.open = true;
    save();
    ui.panel.hidden = false;
    ui.launcher.hidden = true;
    ui.launcher.setAttribute('aria-expanded', 'true');
    if (!chat) await start();
    if (byUser) focusSendBox();
  }

  function close() {
    state.open = false;
    save();
    ui.panel.hidden = true;
    ui.launcher.hidden = false;
    ui.launcher.setAttribute('aria-expanded', 'false');
    ui.launcher.focus();
  }

  function focusSendBox() {
    const started = Date.now();
    (function attempt() {
      const input = ui.chat.querySelector('[data-id="webchat-sendbox-input"]');
      if (input) input.focus();
      else if (Date.now() - started < 10000) setTimeout(attempt, 100);
    })();
  }

  /** POSTs to one of Trygg's token routes; resolves { status, body } (status 0: no connection). */
  async function post(path, token) {
    try {
      const response = await fetch(base + path, {
        method: 'POST',
        credentials: 'omit',
        headers: token ? { Authorization: `Bearer ${token}` } : {},
      });
      return { status: response.status, body: await response.json().catch(() => ({})) };
    } catch (_) {
      return { status: 0, body: {} };
    }
  }

  const sessionOf = (grant, userId) => ({
    conversationId: grant.conversationId,
    token: grant.token,
    userId,
    domain: grant.domain,
    webSocket: grant.webSocket,
    refreshAt: Date.now() + (grant.expiresIn * 1000) / 2,
    expiresAt: Date.now() + grant.expiresIn * 1000,
  });

  /** Renews the session's token. Resolves true, false (the token is gone: start over), or null (try later). */
  async function refresh() {
    const session = state.session;
    const { status, body } = await post('/api/webchat/token/refresh', session.token);
    if (status === 200 && body.conversationId === session.conversationId) {
      state.session = { ...sessionOf(body, session.userId), watermark: session.watermark };
      save();
      scheduleRefresh();
      return true;
    }
    return status === 401 || status === 403 || status === 200 ? false : null;
  }

  function scheduleRefresh() {
    clearTimeout(refreshTimer);
    const delay = Math.max(5000, state.session.refreshAt - Date.now());
    refreshTimer = setTimeout(async () => {
      const renewed = await refresh();
      if (renewed === true && chat)
        chat.directLine.reconnect({
          conversationId: state.session.conversationId,
          token: state.session.token,
          streamUrl: chat.directLine.streamUrl,
        });
      else if (renewed === false) start(true);
      else refreshTimer = setTimeout(scheduleRefresh, 30000);
    }, delay);
  }

  /**
   * Web Chat 4.18.1 does not hand the nonce on to react-scroll-to-bottom, whose emotion instance then adds its
   * <style> to <head> without one: a strict CSP blocks it (and reports it), and the transcript loses its
   * scrolling styles. Give the nonce to that library's <style> elements as they are added, and to nothing else.
   */
  function lendNonceToScroller() {
    const head = document.head;
    const insertBefore = head.insertBefore;
    head.insertBefore = function (node, child) {
      const key = node && node.nodeName === 'STYLE' ? node.getAttribute('data-emotion') || '' : '';
      if (nonce && key.startsWith('react-scroll-to-bottom--css-') && !node.nonce) node.setAttribute('nonce', nonce);
      return insertBefore.call(this, node, child);
    };
  }

  /** Loads Web Chat's bundle from Trygg's own server, once. */
  function loadWebChat() {
    if (window.WebChat) return Promise.resolve();
    lendNonceToScroller();
    return new Promise((resolve, reject) => {
      const tag = el('script', { src: base + config.bundle, async: '' });
      if (nonce) tag.nonce = nonce;
      tag.onload = () => resolve();
      tag.onerror = () => reject(new Error('Web Chat did not load'));
      document.head.appendChild(tag);
    });
  }

  /**
   * Connects: resumes the stored conversation while its token lives (the whole history comes again from Direct
   * Line, which keeps it 24 hours), else starts a new one. `over`: the old one just expired; say so.
   */
  async function start(over) {
    showStatus('connecting');
    try {
      await loadWebChat();
    } catch (_) {
      return showStatus('unavailable', true);
    }
    const resumable = !over && state.session && state.session.expiresAt > Date.now() + 10000;
    let renewed = resumable ? await refresh() : false;
    if (renewed === null) return showStatus('unavailable', true);
    if (!renewed) {
      const { status, body } = await post('/api/webchat/token');
      if (status !== 200) return showStatus(status === 429 ? 'busy' : 'unavailable', true);
      state.session = sessionOf(body, body.userId);
      state.announced = [];
      save();
      scheduleRefresh();
    }
    chat = { store: createStore() };
    render(connect(Boolean(renewed), ''));
    showStatus(over ? 'restarted' : '');
  }

  /** A Direct Line client for the session: a new conversation, or a resumed one from `watermark` on. */
  function connect(resume, watermark) {
    const s = state.session;
    const directLine = window.WebChat.createDirectLine({
      domain: s.domain,
      token: s.token,
      webSocket: s.webSocket,
      pollingInterval: 1000,
      ...(resume ? { conversationId: s.conversationId, watermark } : {}),
    });
    directLine.connectionStatus$.subscribe((status) => {
      if (!chat || chat.directLine !== directLine) return;
      // 1 connecting, 2 online, 3 token expired, 4 failed to connect, 5 ended.
      if (status === 2) showStatus(ui.status.dataset.key === 'restarted' ? 'restarted' : '');
      if (status === 3 || status === 4) reconnect();
    });
    return directLine;
  }

  function render(directLine) {
    const previous = chat.directLine;
    chat.directLine = directLine;
    const lang = language();
    window.WebChat.renderWebChat(
      {
        directLine,
        store: chat.store,
        locale: lang.locale,
        dir: lang.dir,
        nonce,
        styleOptions: STYLE,
      },
      ui.chat,
    );
    if (previous && previous !== directLine) previous.end();
  }

  /** After sleep, a lost network or an expired token: a fresh token, then the same conversation from where it was. */
  let reconnecting = false;
  async function reconnect() {
    if (!chat || reconnecting) return;
    reconnecting = true;
    try {
      showStatus('reconnecting');
      const renewed = state.session.expiresAt > Date.now() + 10000 ? await refresh() : false;
      if (renewed === false) return void (await start(true));
      if (renewed === null) return showStatus('unavailable', true);
      render(connect(true, chat.directLine.watermark || state.session.watermark || ''));
    } finally {
      reconnecting = false;
    }
  }

  /** Web Chat's store, watching what arrives: the watermark to resume from, and what to announce. */
  function createStore() {
    return window.WebChat.createStore({}, () => (next) => (action) => {
      if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY' && chat) {
        const watermark = chat.directLine.watermark;
        if (watermark && state.session) state.session.watermark = watermark;
        announce(action.payload.activity);
        save();
      }
      return next(action);
    });
  }

  /** Puts a new bot message into the live region, once per message id, even across reloads. */
  function announce(activity) {
    if (!activity || activity.type !== 'message' || !activity.from || activity.from.role !== 'bot') return;
    const announced = (state.announced = state.announced || []);
    if (!activity.id || announced.includes(activity.id)) return;
    announced.push(activity.id);
    if (announced.length > 500) announced.splice(0, announced.length - 500);
    const card = (activity.attachments || []).map((a) => (a.content && a.content.title) || '').join(' ');
    const spoken = plain(activity.text || card);
    if (!spoken) return;
    ui.live.appendChild(el('p', { text: `${text('title')}: ${spoken}` }));
    while (ui.live.childNodes.length > 5) ui.live.removeChild(ui.live.firstChild);
  }

  /** Markdown as a screen reader should hear it: the words of links and emphasis, without the marks. */
  const plain = (markdown) =>
    String(markdown)
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/[*_`#>]+/g, '')
      .replace(/\s+/g, ' ')
      .trim();

  const STYLE = {
    accent: '#00594f',
    primaryFont: "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif",
    bubbleBackground: '#f1f4f3',
    bubbleBorderRadius: 12,
    bubbleFromUserBackground: '#00594f',
    bubbleFromUserTextColor: '#ffffff',
    bubbleFromUserBorderRadius: 12,
    bubbleMaxWidth: 600,
    bubbleMinWidth: 120,
    hideUploadButton: true,
    suggestedActionLayout: 'flow',
    rootHeight: '100%',
    rootWidth: '100%',
  };

  function wake() {
    if (chat && state.open) reconnect();
  }
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') hiddenSince = Date.now();
    else if (hiddenSince && Date.now() - hiddenSince >= RESUME_AFTER_HIDDEN_MS) wake();
  });
  window.addEventListener('online', wake);
  window.addEventListener('pageshow', (event) => event.persisted && wake());

  // Styles first (so the launcher never shows unstyled), then the texts, then the launcher.
  const css = el('link', { rel: 'stylesheet', href: `${base}/webchat/embed.css` });
  const styled = new Promise((resolve) => {
    css.onload = css.onerror = resolve;
  });
  document.head.appendChild(css);
  Promise.all([fetch(`${base}/webchat/widget.json`, { credentials: 'omit' }).then((r) => r.json()), styled])
    .then(([widget]) => {
      config = widget;
      if (!state.lang) state.lang = pageLanguage();
      build();
      ui.launcher.setAttribute('aria-expanded', 'false');
      if (state.open) open(false);
    })
    .catch(() => {
      // Without its texts the widget shows nothing rather than something half-working; the page is unharmed.
    });
})();
