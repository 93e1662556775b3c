// The widget's connection (loaded by embed.js): the token from Trygg, Microsoft Web Chat over Direct Line, and
// keeping the conversation alive. It knows nothing of the panel; embed.js gives it an element to render into and
// callbacks for the status line and for each incoming activity.
// - The token comes from Trygg (/api/webchat/token) and is refreshed at half its life (/api/webchat/token/refresh).
// - A reload within the token's life resumes the same conversation: Direct Line sends its history again (it
//   keeps it 24 hours). The watermark is where a reconnect within the page picks up, so nothing arrives twice.
// - It reconnects when the network returns, when the page is visible again after a while (a phone waking up),
//   and when Direct Line reports an expired token or a failed connection: Direct Line's client stops polling for
//   good after one failed poll, and a token cannot be renewed once expired.
(function () {
  'use strict';
  const RESUME_AFTER_HIDDEN_MS = 5000;
  const MAX_QUICK_RETRIES = 3;

  /**
   * Starts nothing yet; returns { start, rerender }. `deps`: base (Trygg's origin), nonce, bundle (the Web Chat
   * bundle's path), state and save (what survives a reload), element, language() → { locale, dir },
   * status(key, retry) and activity(activity).
   */
  function createChat(deps) {
    const { base, nonce, state, save } = deps;
    let chat; // { directLine, store } once Web Chat runs
    let refreshTimer;
    let failures = 0;
    let reconnecting = false;
    let hiddenSince = 0;

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
    const alive = () => state.session && state.session.expiresAt > Date.now() + 10000;

    /** Renews the token. Resolves true, false (the token is gone: start over), or null (try again later). */
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
      refreshTimer = setTimeout(
        async () => {
          const renewed = await refresh();
          if (renewed === true && chat) {
            const { conversationId, token } = state.session;
            chat.directLine.reconnect({ conversationId, token, streamUrl: chat.directLine.streamUrl });
          } else if (renewed === false) start(true);
          else refreshTimer = setTimeout(scheduleRefresh, 30000);
        },
        Math.max(5000, state.session.refreshAt - Date.now()),
      );
    }

    /**
     * Web Chat 4.18.1 does not hand the nonce on to react-scroll-to-bottom, whose emotion instance then adds its
     * <style> to <head> without one: a strict CSP blocks it (and reports it), and the transcript loses its
     * scrolling styles. Give the nonce to that library's <style> elements as they are added, to nothing else.
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
        const tag = document.createElement('script');
        tag.src = base + deps.bundle;
        if (nonce) tag.nonce = nonce;
        tag.onload = () => resolve();
        tag.onerror = () => reject(new Error('Web Chat did not load'));
        document.head.appendChild(tag);
      });
    }

    /** Connects: resumes the stored conversation while its token lives, else starts a new one. */
    async function start(over) {
      deps.status('connecting');
      try {
        await loadWebChat();
      } catch (_) {
        return deps.status('unavailable', true);
      }
      const renewed = !over && alive() ? await refresh() : false;
      if (renewed === null) return deps.status('unavailable', true);
      if (!renewed) {
        const { status, body } = await post('/api/webchat/token');
        if (status !== 200) return deps.status(status === 429 ? 'busy' : 'unavailable', true);
        state.session = sessionOf(body, body.userId);
        state.announced = [];
        save();
        scheduleRefresh();
      }
      failures = 0;
      chat = { store: createStore() };
      render(connect(Boolean(renewed), ''));
      // `over`: the old conversation expired; the visitor should know why the transcript is empty.
      deps.status(over ? 'restarted' : '');
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
        if (status === 2) failures = 0;
        if (status === 3 || status === 4) {
          // A few quick tries, then the visitor decides (a Retry button): no loop against a service that is down.
          if (++failures > MAX_QUICK_RETRIES) deps.status('unavailable', true);
          else setTimeout(reconnect, 2000 * failures);
        }
      });
      return directLine;
    }

    function render(directLine) {
      const previous = chat.directLine;
      chat.directLine = directLine;
      const { locale, dir } = deps.language();
      window.WebChat.renderWebChat(
        { directLine, store: chat.store, locale, dir, nonce, styleOptions: STYLE },
        deps.element,
      );
      if (previous && previous !== directLine) previous.end();
    }

    /** A fresh token, then the same conversation from where it was; a new one if the old has expired. */
    async function reconnect() {
      if (!chat || reconnecting) return;
      reconnecting = true;
      try {
        deps.status('reconnecting');
        const renewed = alive() ? await refresh() : false;
        if (renewed === false) await start(true);
        else if (renewed === null) deps.status('unavailable', true);
        else {
          render(connect(true, chat.directLine.watermark || state.session.watermark || ''));
          deps.status('');
        }
      } finally {
        reconnecting = false;
      }
    }

    /** Web Chat's store, watching what arrives: the watermark to resume from, and each activity for embed.js. */
    function createStore() {
      return window.WebChat.createStore({}, () => (next) => (action) => {
        if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY' && chat) {
          const watermark = chat.directLine.watermark;
          if (watermark && state.session) state.session.watermark = watermark;
          deps.activity(action.payload.activity);
          save();
        }
        return next(action);
      });
    }

    function wake() {
      if (chat && state.open) reconnect();
    }
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') hiddenSince = Date.now();
      else if (hiddenSince && Date.now() - hiddenSince >= RESUME_AFTER_HIDDEN_MS) wake();
    });
    window.addEventListener('online', wake);
    window.addEventListener('pageshow', (event) => event.persisted && wake());

    return {
      /** Connects, or reconnects the conversation it has (the Retry button). */
      start: () => (chat ? reconnect() : start(false)),
      /** Whether Web Chat runs. */
      get running() {
        return Boolean(chat);
      },
      /** Renders Web Chat again, e.g. in another language. */
      rerender: () => chat && render(chat.directLine),
    };
  }

  /** MKB-like colours with a contrast of at least 4.5:1; suggested actions wrap rather than scroll sideways. */
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

  window.__tryggWebchat = window.__tryggWebchat || {};
  window.__tryggWebchat.createChat = createChat;
})();
