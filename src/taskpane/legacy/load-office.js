/*
 * Loads office.js only inside Office, which opens the pane with ?_host_Info=… (the manifest also adds
 * ?office=1). Loaded in a plain browser, office.js contacts Microsoft's telemetry service, and browser
 * mode must not send anything anywhere. A file of its own, not an inline script: the pages'
 * Content-Security-Policy allows scripts from the add-in's own origin only. ES5 on purpose: this runs
 * before the IE11 check.
 */
(function () {
  "use strict";
  var inOffice = /[?&#](_host_Info|office)=/i.test(window.location.search + window.location.hash);
  try {
    inOffice = inOffice || window.sessionStorage.getItem("zpb.inOffice") === "1";
    if (inOffice) window.sessionStorage.setItem("zpb.inOffice", "1");
    // eslint-disable-next-line @typescript-eslint/no-unused-vars -- ES5 has no optional catch binding
  } catch (e) {
    /* storage may be disabled; the query string decides alone */
  }
  // document.write keeps office.js ahead of the bundles, as a script tag in the page would.
  if (inOffice) document.write('<script src="office-js/office.js"><\/script>');
})();
