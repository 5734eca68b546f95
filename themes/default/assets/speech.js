/*
 * "Nghe đọc tin": reads a vacancy's key facts aloud with the browser's own speech (Web Speech
 * API), for readers who read with difficulty. The button appears only where the browser has a
 * Vietnamese voice; nothing is sent anywhere, no speech service is called.
 */
(function () {
  'use strict';

  /** The first Vietnamese voice among `voices`, preferring one that runs on the phone itself. */
  function vietnameseVoice(voices) {
    var vietnamese = (voices || []).filter(function (voice) {
      return /^vi([-_]|$)/i.test(voice.lang || '');
    });
    var local = vietnamese.filter(function (voice) { return voice.localService; });
    return local[0] || vietnamese[0] || null;
  }

  /** The text read aloud: the element's text, one sentence per line, without repeated spaces. */
  function textToRead(text) {
    return text.split('\n').map(function (line) { return line.replace(/\s+/g, ' ').trim(); })
      .filter(function (line) { return line.length > 0; }).join('. ').replace(/\.\./g, '.');
  }

  var api = { vietnameseVoice: vietnameseVoice, textToRead: textToRead };
  if (typeof module === 'object' && module.exports) { module.exports = api; return; }

  var facts = document.querySelector('[data-speak]');
  var synth = window.speechSynthesis;
  if (!facts || !synth || typeof window.SpeechSynthesisUtterance !== 'function') return;
  var button = null;

  function offer() {
    var voice = vietnameseVoice(synth.getVoices());
    if (!voice || button) return;
    button = document.createElement('button');
    button.type = 'button';
    button.className = 'speak-button';
    button.textContent = 'Nghe đọc tin';
    facts.parentNode.insertBefore(button, facts.nextSibling);
    button.addEventListener('click', function () {
      if (synth.speaking) {
        synth.cancel();
        return;
      }
      var title = document.querySelector('h1');
      var utterance = new window.SpeechSynthesisUtterance(textToRead((title ? title.innerText + '\n' : '') + facts.innerText));
      utterance.lang = voice.lang;
      try { utterance.voice = voice; } catch (error) { /* the language alone picks a voice */ }
      utterance.onend = utterance.onerror = function () { button.textContent = 'Nghe đọc tin'; };
      button.textContent = 'Dừng đọc';
      synth.speak(utterance);
    });
  }

  offer();
  if (typeof synth.addEventListener === 'function') synth.addEventListener('voiceschanged', offer);
})();
