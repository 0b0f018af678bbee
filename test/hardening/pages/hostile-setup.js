/* global URLSearchParams, location, DOMException, Storage */
// A hostile host page, before Vitrine loads: `?break=a,b,…` picks what the theme breaks.
(function () {
  var breaks = (new URLSearchParams(location.search).get('break') || '').split(',');
  var on = function (name) {
    return breaks.indexOf(name) !== -1;
  };
  if (on('css')) {
    var link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = '/__hardening/asset/hostile.css';
    document.head.appendChild(link);
  }
  if (on('fetch')) {
    // A theme that "disables" fetch, or replaces it with something that throws at once.
    window.fetch = function () {
      throw new TypeError('fetch is disabled by this theme');
    };
  }
  if (on('storage')) {
    // Blocked cookies / site data: the getters themselves throw (as in Chrome with third-party data blocked).
    ['localStorage', 'sessionStorage'].forEach(function (name) {
      Object.defineProperty(window, name, {
        configurable: true,
        get: function () {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    });
    Object.defineProperty(document, 'cookie', {
      configurable: true,
      get: function () {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
      set: function () {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  }
  if (on('quota')) {
    // Storage that reads but is full: every write throws QuotaExceededError (Safari private mode did this).
    Storage.prototype.setItem = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  }
  if (on('prototypes')) {
    // Old libraries: enumerable junk on the built-in prototypes.
    Array.prototype.junk = function () {
      return 'junk';
    };
    Array.prototype.remove = function () {
      throw new Error('Array.prototype.remove from an old plugin');
    };
    String.prototype.trim = (function (trim) {
      return function () {
        return trim.call(this);
      };
    })(String.prototype.trim);
  }
  if (on('json')) {
    // Prototype.js 1.6 era: JSON.stringify replaced, and toJSON on arrays that returns a string.
    JSON.stringify = function (value) {
      if (value && typeof value === 'object' && !Array.isArray(value)) return '{"replaced":true}';
      return '"replaced"';
    };
    Array.prototype.toJSON = function () {
      return 'hijacked';
    };
  }
  if (on('customevent')) {
    // The old IE polyfill: no `composed`, and initCustomEvent.
    window.CustomEvent = function CustomEvent(type, params) {
      params = params || { bubbles: false, cancelable: false, detail: null };
      var event = document.createEvent('CustomEvent');
      event.initCustomEvent(type, params.bubbles, params.cancelable, params.detail);
      return event;
    };
  }
  if (on('customevent-throws')) {
    window.CustomEvent = function CustomEvent() {
      throw new TypeError('Illegal constructor');
    };
  }
})();
