/* Small repairs to the theme's scripts (Material for MkDocs 9.8.2); loaded before the theme's
   bundle. Texts come from the data-* attributes of this script's tag. Without JavaScript none
   of this is needed: search needs JavaScript, and the language switcher is plain links. */
(function () {
  "use strict";
  var script = document.currentScript;
  var sitemap = new URL(script.getAttribute("data-sitemap"), window.location.href).href;

  /* The theme looks for a sitemap.xml next to every <link rel="alternate"> (our alternates are
     the same page in each language, so that would be one 404 per language on every page).
     The site has one sitemap, at its root: ask for that one. */
  var open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url) {
    var args = Array.prototype.slice.call(arguments);
    var target = new URL(String(url), window.location.href);
    if (/\/sitemap\.xml$/.test(target.pathname)) {
      args[1] = sitemap;
    }
    return open.apply(this, args);
  };

  /* The search overlay is a dialog without a name; name it once the page is there. */
  document.addEventListener("DOMContentLoaded", function () {
    var dialog = document.querySelector(".md-search[role=dialog]");
    if (dialog && !dialog.hasAttribute("aria-label")) {
      dialog.setAttribute("aria-label", script.getAttribute("data-search-label"));
    }
  });
})();
