// The page's own recorder, loaded first (a classic script, allowed by a strict CSP as 'self'):
// what reached the page's error handlers, every CSP violation, Vitrine's console output.
(function () {
  var report = (window.__report = { errors: [], violations: [], warnings: [], consoleErrors: [] });
  window.addEventListener('error', function (event) {
    report.errors.push(String((event.error && event.error.stack) || event.message));
  });
  window.addEventListener('unhandledrejection', function (event) {
    report.errors.push(String((event.reason && event.reason.stack) || event.reason));
  });
  document.addEventListener('securitypolicyviolation', function (event) {
    report.violations.push(event.violatedDirective + ' ' + event.blockedURI + ' ' + (event.sample || ''));
  });
  var warn = console.warn;
  var error = console.error;
  console.warn = function () {
    if (String(arguments[0]).indexOf('[vitrine]') === 0) report.warnings.push(String(arguments[0]));
    return warn.apply(console, arguments);
  };
  console.error = function () {
    if (String(arguments[0]).indexOf('[vitrine]') === 0)
      report.consoleErrors.push([].map.call(arguments, String).join(' '));
    return error.apply(console, arguments);
  };
})();
