/* Small repairs to the theme's scripts (Material for MkDocs 9.8.2). Loaded at the end of <body>,
   just before the theme's bundle: it must run before the bundle, and it blocks no rendering there.
   Texts come from the data-* attributes of this script's tag. Without JavaScript none of this is
   needed: search needs JavaScript, and the language switcher is plain links. Measured with
   bench/page_weight.py; check it again when Material is upgraded (if the theme's requests change,
   the patterns below no longer match and the theme simply behaves as it did before). */
(function () {
  "use strict";
  var script = document.currentScript;
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  var held = [];
  var searching = false;

  /* Two requests the theme makes on every page are not worth their weight:
     - a sitemap.xml next to every <link rel="alternate"> (nine on each page), to remap the language
       switcher's links (the theme's language switching relies on sitemap.xml:
       squidfunk/mkdocs-material#6704; the same request per alternate in the theme's successor:
       zensical/zensical#908). Ours already lead to the same page in each language (mkdocs-static-i18n),
       and the one sitemap is 0.9 MB of XML (37 kB gzip) to parse nine times. They are answered
       as aborted without the network; the theme then leaves the links as they are (an error or an
       empty sitemap would make it rewrite them);
     - the search index (35-50 kB gzip, the largest part of a page), fetched whether or not the
       reader searches (since Material 5 the index is built on page load, in a worker:
       squidfunk/mkdocs-material#1465; eager or lazy loading was discussed in #471). It is sent when
       the reader turns to search (the theme itself waits for
       that when a page is opened from disk); the dialog says "Initializing search" meanwhile. */
  XMLHttpRequest.prototype.open = function (method, url) {
    var path = new URL(String(url), window.location.href).pathname;
    this.kgSitemap = /\/sitemap\.xml$/.test(path);
    this.kgSearchIndex = /\/search\/search_index\.json$/.test(path);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this;
    var args = arguments;
    if (request.kgSitemap) {
      window.setTimeout(function () {
        request.dispatchEvent(new Event("abort"));
      }, 0);
      return undefined;
    }
    if (request.kgSearchIndex && !searching) {
      held.push(function () {
        send.apply(request, args);
      });
      return undefined;
    }
    return send.apply(request, args);
  };

  function startSearch() {
    searching = true;
    held.splice(0).forEach(function (start) {
      start();
    });
  }

  /* The reader turns to search: the search toggle opens (header button, keyboard shortcut, a
     ?q= link), or focus enters the search form. A page opened from a search result (?h=) needs
     the index at once, to highlight the words searched for. */
  if (new URLSearchParams(window.location.search).has("h")) {
    startSearch();
  }
  document.addEventListener(
    "change",
    function (event) {
      if (event.target.matches && event.target.matches("[data-md-toggle=search]") && event.target.checked) {
        startSearch();
      }
    },
    true
  );
  document.addEventListener(
    "focusin",
    function (event) {
      if (event.target.closest && event.target.closest(".md-search")) {
        startSearch();
      }
    },
    true
  );

  /* What a resident types is words, not lunr's query syntax: the theme's worker reads "-opetus"
     (the Finnish way of writing "S2-opetus" short) as "without opetus", and it matches every word
     as a prefix, so "i", "a" or "по" in "Kurser i finska" match every word that starts so and drown
     the service's own name. The query sent to the worker (message type 2) drops the signs +, -
     and the words of one or two letters (not those with a digit, such as "S2"), unless the query
     is nothing else. The field shows what the reader typed. */
  function plainQuery(query) {
    var words = query.replace(/(^|\s)[-+]+(?=\S)/g, "$1").split(/\s+/).filter(Boolean);
    var long = words.filter(function (word) {
      return word.length > 2 || /\d/.test(word);
    });
    return (long.length ? long : words).join(" ");
  }
  if (window.Worker) {
    var post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (message) {
      var args = Array.prototype.slice.call(arguments);
      if (message && message.type === 2 && typeof message.data === "string") {
        args[0] = { type: 2, data: plainQuery(message.data) };
      }
      return post.apply(this, args);
    };
  }

  /* The language switcher is a <details> that works without this; with it, Escape and a click
     elsewhere close it, as a menu would (Escape gives focus back to its button). */
  document.addEventListener("keydown", function (event) {
    var open = document.querySelector("details.kg-languages[open]");
    if (open && event.key === "Escape") {
      open.open = false;
      open.querySelector("summary").focus();
    }
  });
  document.addEventListener("click", function (event) {
    var open = document.querySelector("details.kg-languages[open]");
    if (open && !open.contains(event.target)) {
      open.open = false;
    }
  });

  /* The search overlay is a dialog without a name; name it once the page is there. */
  document.addEventListener("DOMContentLoaded", function () {
    var dialog = document.querySelector(".md-search[role=dialog]");
    if (dialog && !dialog.hasAttribute("aria-label")) {
      dialog.setAttribute("aria-label", script.getAttribute("data-search-label"));
    }
  });
})();
