// Trygg's web chat widget. One <script src="https://<trygg>/webchat/embed.js" async></script> on any page adds a
// launcher and a chat panel running Microsoft Web Chat, loaded from the same server as this file (no CDN).
// Plain browser JavaScript without a build step, fit for a strict Content-Security-Policy: no inline script, no
// eval, and every <style> Web Chat adds carries the nonce of this <script> tag.
// This file is the panel: launcher, texts in eight languages, the 112 link, the status line, and a live region
// that announces each new message once. connection.js beside it keeps the conversation (tokens, Direct Line).
(function () {
  'use strict';
  const script = document.currentScript || document.querySelector('script[src*="/webchat/embed.js"]');
  if (!script || (window.__tryggWebchat && window.__tryggWebchat.loaded)) return;
  window.__tryggWebchat = { ...window.__tryggWebchat, loaded: true };
  const base = script.src.replace(/\/webchat\/embed\.js(?:[?#].*)?$/, '');
  const nonce = script.nonce || undefined;
  const KEY = 'trygg.webchat';

  /** What survives a reload (this tab only): { open, lang, session, announced }. */
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
  let chat; // connection.js's chat, made on first open

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
      launcher: el('button', {
        type: 'button',
        class: 'trygg-wc-launcher',
        'aria-controls': 'trygg-wc-panel',
        'aria-expanded': 'false',
      }),
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
      ui.close,
      el('div', { class: 'trygg-wc-lang' }, [ui.langLabel, select]),
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
      if (chat) chat.rerender();
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

  /** Shows a status line (announced politely; '' clears it); `retry` adds a button that connects again. */
  function showStatus(key, retry) {
    ui.status.textContent = key ? text(key) : '';
    ui.status.dataset.key = key || '';
    ui.status.dataset.retry = retry ? '1' : '';
    if (key && retry) {
      const button = el('button', { type: 'button', text: text('retry') });
      button.addEventListener('click', () => chat.start());
      ui.status.appendChild(button);
    }
  }

  async function open(byUser) {
    state.open = true;
    save();
    ui.panel.hidden = false;
    ui.launcher.hidden = true;
    ui.launcher.setAttribute('aria-expanded', 'true');
    if (!chat) {
      chat = window.__tryggWebchat.createChat({
        base,
        nonce,
        bundle: config.bundle,
        state,
        save,
        element: ui.chat,
        language,
        status: showStatus,
        activity: announce,
      });
      chat.start();
    }
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

  /**
   * Puts a new bot message into the live region, once per message id, even across reloads (Direct Line sends
   * the whole history again after one). Web Chat's own live region is hidden (embed.css): it would read it all.
   */
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

  /** Loads a file of this widget: a stylesheet, or a script with this script's nonce. */
  function load(tag, url) {
    return new Promise((resolve, reject) => {
      const node = tag === 'link' ? el('link', { rel: 'stylesheet', href: url }) : el('script', { src: url });
      if (nonce && tag === 'script') node.nonce = nonce;
      node.onload = () => resolve();
      node.onerror = () => reject(new Error(`${url} did not load`));
      document.head.appendChild(node);
    });
  }
  const domReady = new Promise((resolve) =>
    document.readyState === 'loading' ? document.addEventListener('DOMContentLoaded', resolve) : resolve(),
  );

  // Styles (so the launcher never shows unstyled), texts and the connection's code, then the launcher.
  Promise.all([
    fetch(`${base}/webchat/widget.json`, { credentials: 'omit' }).then((r) => r.json()),
    load('link', `${base}/webchat/embed.css`).catch(() => undefined),
    load('script', `${base}/webchat/connection.js`),
    domReady,
  ])
    .then(([widget]) => {
      config = widget;
      if (!state.lang) state.lang = pageLanguage();
      build();
      if (state.open) open(false);
    })
    .catch(() => {
      // Without its texts or code the widget shows nothing rather than something half-working.
    });
})();
