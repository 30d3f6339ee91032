/*
 * Runs right after office.js from Microsoft's CDN was loaded, or failed to (see office-loader.js): if it
 * did not load — an intranet without Internet, a proxy that blocks it — loads the copy bundled with the
 * add-in. office.js defines `OSF` (its core namespace) as well as `Office`; a page-defined `Office` alone
 * does not count. `window.__zpbOfficeJs` tells the diagnostics which copy runs. ES5, like the loader.
 */
(function () {
  "use strict";
  if (typeof window.OSF !== "undefined" && typeof window.Office !== "undefined") {
    window.__zpbOfficeJs = "cdn";
    return;
  }
  window.__zpbOfficeJs = "local";
  document.write('<script src="office-js/office.js"><\/script>');
})();
