/*
 * Loads office.js only inside Office, which opens the pane with ?_host_Info=… (the manifest also adds
 * ?office=1); pages only Office opens (the ribbon's function file, its dialog) mark this script with
 * data-office="always". Loaded in a plain browser, office.js contacts Microsoft's telemetry service, and
 * browser mode must not send anything anywhere.
 *
 * Where from: Microsoft's CDN, which Microsoft documents as the supported reference (the only one for
 * Marketplace listings; it carries the current fixes and the list of Office on the web's frames), then,
 * if that did not load (an intranet without Internet), the copy bundled with the add-in
 * (legacy/office-fallback.js decides). `officejs=local` in the query skips the CDN for deployments that
 * know they are offline. The pages' Content-Security-Policy allows scripts from the add-in's own origin
 * and from https://appsforoffice.microsoft.com only, and no inline script: hence files, not inline code.
 * ES5 on purpose: this runs before the IE11 check.
 */
(function () {
  "use strict";
  var CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
  var scripts = document.getElementsByTagName("script");
  // The script being parsed is the last one so far (document.currentScript is missing in IE11).
  var me = scripts[scripts.length - 1];
  var always = me && me.getAttribute("data-office") === "always";
  var query = window.location.search + window.location.hash;
  var inOffice = always || /[?&#](_host_Info|office)=/i.test(query);
  var local = /[?&#]officejs=local\b/i.test(query);
  try {
    inOffice = inOffice || window.sessionStorage.getItem("zpb.inOffice") === "1";
    if (inOffice) window.sessionStorage.setItem("zpb.inOffice", "1");
    local = local || window.sessionStorage.getItem("zpb.officeJs") === "local";
    if (local) window.sessionStorage.setItem("zpb.officeJs", "local");
    // eslint-disable-next-line @typescript-eslint/no-unused-vars -- ES5 has no optional catch binding
  } catch (e) {
    /* storage may be disabled; the query string decides alone */
  }
  if (!inOffice) return;
  // document.write keeps office.js ahead of the bundles and in the head, as Microsoft requires.
  if (!local) document.write('<script src="' + CDN + '"><\/script>');
  document.write('<script src="legacy/office-fallback.js"><\/script>');
})();
