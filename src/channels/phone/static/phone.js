// The local phone simulator page: rings the bot through /phone/api, sends what the caller says or presses,
// speaks the replies with the browser's speech synthesis (each <voice> of the SSML in its own language), and
// logs the SSML and the actions (listen, say, transfer, hang up) the bot asked for.
(function () {
  'use strict';

  var ringForm = document.getElementById('ring');
  var sayForm = document.getElementById('say');
  var statusLine = document.getElementById('status');
  var log = document.getElementById('log');
  var speakBox = document.getElementById('speak');
  var micButton = document.getElementById('mic');
  var call = null; // { id, token, stage, lang, locale }

  var STAGES = {
    menu: 'Språkmenyn',
    talk: 'Samtal',
    closing: 'Avslutar',
    transferring: 'Kopplar vidare',
    ended: 'Samtalet är slut',
  };
  var WHAT = { listen: 'Säger och lyssnar', say: 'Säger', transfer: 'Kopplar vidare till', hangUp: 'Lägger på' };
  var Recognition = window.SpeechRecognition || window.webkitSpeechRecognition;

  function setEnabled() {
    var live = Boolean(call) && call.stage !== 'ended';
    var talking = live && (call.stage === 'menu' || call.stage === 'talk');
    document.getElementById('call').disabled = live;
    document.getElementById('hangup').disabled = !live;
    sayForm.text.disabled = !talking;
    sayForm.querySelector('button[type="submit"]').disabled = !talking;
    micButton.hidden = !Recognition;
    micButton.disabled = !talking || !Recognition;
    Array.prototype.forEach.call(document.querySelectorAll('#keypad button'), function (b) {
      b.disabled = !talking;
    });
    document.querySelector('[data-kind="silence"]').disabled = !talking;
    document.querySelector('[data-kind="transferAccepted"]').disabled = !(live && call.stage === 'transferring');
    document.querySelector('[data-kind="transferFailed"]').disabled = !(live && call.stage === 'transferring');
  }

  function showStatus(text) {
    statusLine.textContent = text;
  }

  function addEntry(kind, label, text, ssml) {
    var item = document.createElement('li');
    item.className = kind;
    item.setAttribute('data-type', kind);
    var what = document.createElement('div');
    what.className = 'what';
    what.textContent = label;
    item.appendChild(what);
    if (text) {
      var body = document.createElement('div');
      body.className = 'text';
      body.textContent = text;
      item.appendChild(body);
    }
    if (ssml) {
      var details = document.createElement('details');
      var summary = document.createElement('summary');
      summary.textContent = 'SSML';
      var pre = document.createElement('pre');
      pre.className = 'ssml';
      pre.textContent = ssml;
      details.appendChild(summary);
      details.appendChild(pre);
      item.appendChild(details);
    }
    log.appendChild(item);
    item.scrollIntoView({ block: 'nearest' });
  }

  // Each <voice name="sv-SE-SofieNeural"> becomes one utterance in sv-SE; the browser picks its own voice.
  function speak(ssml) {
    if (!speakBox.checked || !window.speechSynthesis || !window.SpeechSynthesisUtterance) return;
    var doc = new DOMParser().parseFromString(ssml, 'application/xml');
    Array.prototype.forEach.call(doc.getElementsByTagName('voice'), function (voice) {
      var utterance = new SpeechSynthesisUtterance(voice.textContent);
      utterance.lang = (voice.getAttribute('name') || 'sv-SE').split('-').slice(0, 2).join('-');
      window.speechSynthesis.speak(utterance);
    });
  }

  function bargeIn() {
    if (window.speechSynthesis) window.speechSynthesis.cancel();
  }

  function show(result) {
    call.stage = result.stage;
    call.lang = result.lang;
    result.actions.forEach(function (action) {
      if (action.type === 'listen' || action.type === 'say') {
        call.locale = action.locale || call.locale;
        addEntry(action.type, WHAT[action.type] + ' (' + action.locale + ')', action.text, action.ssml);
        speak(action.ssml);
      } else if (action.type === 'transfer') {
        addEntry(
          'transfer',
          WHAT.transfer + ' ' + action.to,
          'Simulera svaret med knapparna "Jouren svarar" eller "Ingen svarar".',
        );
      } else {
        addEntry('hangUp', WHAT.hangUp);
      }
    });
    showStatus((STAGES[call.stage] || call.stage) + (call.stage === 'ended' ? '' : ' – språk: ' + call.lang));
    setEnabled();
  }

  function api(path, body) {
    return fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).then(function (res) {
      return res.json().then(function (json) {
        if (!res.ok) throw new Error(json.message || 'HTTP ' + res.status);
        return json;
      });
    });
  }

  function send(kind, value, label) {
    if (!call) return;
    bargeIn();
    if (label) addEntry('caller', 'Du', label);
    api('/phone/api/calls/' + encodeURIComponent(call.id) + '/input', {
      token: call.token,
      kind: kind,
      value: value || '',
    })
      .then(show)
      .catch(function (error) {
        showStatus('Fel: ' + error.message);
      });
  }

  ringForm.addEventListener('submit', function (event) {
    event.preventDefault();
    if (!ringForm.caller.checkValidity()) return ringForm.caller.reportValidity();
    bargeIn();
    log.textContent = '';
    addEntry('caller', 'Du ringer', 'från ' + ringForm.caller.value);
    api('/phone/api/calls', { caller: ringForm.caller.value })
      .then(function (result) {
        call = { id: result.id, token: result.token, stage: result.stage, lang: result.lang, locale: 'sv-SE' };
        show(result);
        sayForm.text.focus();
      })
      .catch(function (error) {
        showStatus('Kunde inte ringa: ' + error.message);
      });
  });

  sayForm.addEventListener('submit', function (event) {
    event.preventDefault();
    var text = sayForm.text.value.trim();
    if (!text) return;
    sayForm.text.value = '';
    send('speech', text, '”' + text + '”');
  });

  document.getElementById('keypad').addEventListener('click', function (event) {
    var key = event.target.getAttribute && event.target.getAttribute('data-key');
    if (key) send('dtmf', key, 'Trycker ' + key);
  });

  Array.prototype.forEach.call(document.querySelectorAll('[data-kind]'), function (button) {
    button.addEventListener('click', function () {
      send(button.getAttribute('data-kind'), '', button.textContent);
    });
  });

  document.getElementById('hangup').addEventListener('click', function () {
    send('hangup', '', 'Du lägger på');
  });

  micButton.addEventListener('click', function () {
    if (!Recognition || !call) return;
    bargeIn();
    var recognition = new Recognition();
    recognition.lang = call.locale || 'sv-SE';
    recognition.interimResults = false;
    recognition.maxAlternatives = 1;
    recognition.onresult = function (event) {
      var text = event.results[0][0].transcript;
      send('speech', text, '”' + text + '” (taligenkänning)');
    };
    recognition.onerror = function (event) {
      if (event.error === 'no-speech') send('silence', '', 'Tystnad');
      else showStatus('Taligenkänningen fungerar inte här (' + event.error + '): skriv i stället.');
    };
    recognition.start();
    showStatus('Lyssnar …');
  });

  setEnabled();
})();
