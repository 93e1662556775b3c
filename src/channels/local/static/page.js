// The local chat page: reads the preview choice from the URL, asks the shim for a token bound to that
// channel, locale and (for SMS) phone number, and runs Microsoft Web Chat over polling Direct Line.
// Changing a choice reloads the page with new query parameters, which is the simplest complete restart.
(function () {
  'use strict';

  var form = document.getElementById('preview');
  var params = new URLSearchParams(location.search);
  var isKnown = function (select, value) {
    return Array.prototype.some.call(select.options, function (option) {
      return option.value === value;
    });
  };

  var channel = isKnown(form.channel, params.get('channel')) ? params.get('channel') : 'webchat';
  var locale = isKnown(form.locale, params.get('locale')) ? params.get('locale') : 'sv-SE';
  var phone = params.get('phone') || form.phone.defaultValue;
  var isSms = channel === 'sms';

  form.channel.value = channel;
  form.locale.value = locale;
  form.phone.value = phone;
  document.getElementById('phone-field').hidden = !isSms;
  document.getElementById('sms-note').hidden = !isSms;
  document.documentElement.lang = locale;

  function restart(event) {
    if (event) event.preventDefault();
    if (!form.phone.checkValidity()) return form.phone.reportValidity();
    var next = new URLSearchParams({ channel: form.channel.value, locale: form.locale.value });
    if (form.channel.value === 'sms') next.set('phone', form.phone.value);
    location.search = next.toString();
  }
  form.addEventListener('submit', restart);
  form.channel.addEventListener('change', function () {
    restart();
  });
  form.locale.addEventListener('change', function () {
    restart();
  });
  form.phone.addEventListener('change', function () {
    restart();
  });

  // An SMS shows plain text only: no markdown, no suggested-action buttons.
  function asSms(activity) {
    if (!activity || !activity.from || activity.from.role !== 'bot') return activity;
    var copy = Object.assign({}, activity, { textFormat: 'plain' });
    delete copy.suggestedActions;
    return copy;
  }

  function showError(detail) {
    document.getElementById('connect-error').hidden = false;
    document.getElementById('connect-error-detail').textContent = detail || '';
  }

  var request = { channelId: channel, locale: locale };
  if (isSms) request.user = { id: phone };

  fetch('/v3/directline/tokens/generate', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(request),
  })
    .then(function (response) {
      return response.json().then(function (body) {
        if (!response.ok) throw new Error((body && body.error && body.error.message) || String(response.status));
        return body;
      });
    })
    .then(function (grant) {
      var directLine = window.WebChat.createDirectLine({
        domain: location.origin + '/v3/directline',
        token: grant.token,
        webSocket: false,
        pollingInterval: 500,
      });
      // Exposed for tests and curious developers: 2 is Online in DirectLineJS's ConnectionStatus.
      directLine.connectionStatus$.subscribe(function (status) {
        document.body.setAttribute('data-connection-status', String(status));
      });
      var store = window.WebChat.createStore({}, function () {
        return function (next) {
          return function (action) {
            var incoming = action.type === 'DIRECT_LINE/INCOMING_ACTIVITY' ? action.payload.activity : null;
            // Web Chat shows no trace activity; the console is where a developer can read the bot's decisions.
            if (incoming && incoming.type === 'trace') console.debug('trace', incoming.name, incoming.value);
            if (isSms && incoming) {
              action = Object.assign({}, action, {
                payload: Object.assign({}, action.payload, { activity: asSms(action.payload.activity) }),
              });
            }
            return next(action);
          };
        };
      });
      window.WebChat.renderWebChat(
        {
          directLine: directLine,
          store: store,
          locale: locale,
          styleOptions: { hideUploadButton: true },
          // Without this, Web Chat logs an error for every trace activity it has no renderer for.
          activityMiddleware: function () {
            return function (next) {
              return function (card) {
                return card && card.activity && card.activity.type === 'trace' ? false : next.apply(null, arguments);
              };
            };
          },
        },
        document.getElementById('webchat'),
      );
    })
    .catch(function (error) {
      showError(error && error.message);
    });
})();
