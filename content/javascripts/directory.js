/* Filters of the service directory (palveluhakemisto/). Progressive enhancement, no dependencies:
   without this script every card shows, grouped, and the filters are links to pre-built pages.
   The matching rule is the one of hooks/guide/site/directory.py (`matches`); texts come from the page. */
(function () {
  "use strict";
  var root = document.querySelector(".kg-directory");
  var form = root && root.querySelector(".kg-dir-form");
  if (!form || !window.URLSearchParams || !window.history.replaceState) return;

  var links = root.querySelector(".kg-dir-links");
  var count = root.querySelector(".kg-dir-count");
  var cards = Array.prototype.slice.call(root.querySelectorAll(".kg-dir-card"));
  var sections = Array.prototype.slice.call(root.querySelectorAll(".kg-dir-group"));
  var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
  var groupSelect = form.elements.ryhma;
  var allGroups = Array.prototype.slice.call(groupSelect.options)
    .map(function (option) { return option.value; })
    .filter(Boolean);
  var countLanguage = root.getAttribute("data-count-lang") || document.documentElement.lang;
  var plural = window.Intl && Intl.PluralRules ? new Intl.PluralRules(countLanguage) : null;

  function listed(card, attribute, value) {
    var values = (card.getAttribute(attribute) || "").split(" ");
    // "*": the programme names no language; interpreting makes the service open to every language.
    return values.indexOf(value) !== -1 || (attribute === "data-kieli" && values.indexOf("*") !== -1);
  }

  function matches(card, chosen) {
    if (chosen.toteutus) {
      var groups = chosen.ryhma ? [chosen.ryhma] : allGroups;
      var delivered = groups.some(function (group) {
        return listed(card, "data-toteutus-" + group, chosen.toteutus);
      });
      if (!delivered) return false;
    }
    return Object.keys(chosen).every(function (name) {
      return name === "toteutus" || listed(card, "data-" + name, chosen[name]);
    });
  }

  function chosenFilters() {
    var chosen = {};
    selects.forEach(function (select) {
      if (select.value) chosen[select.name] = select.value;
    });
    return chosen;
  }

  function countText(number) {
    var one = plural ? plural.select(number) === "one" : number === 1;
    var template = root.getAttribute(one ? "data-count-one" : "data-count-other");
    return template.replace("{count}", String(number));
  }

  function apply(updateUrl) {
    var chosen = chosenFilters();
    var shown = 0;
    cards.forEach(function (card) {
      card.hidden = !matches(card, chosen);
      if (!card.hidden) shown += 1;
    });
    sections.forEach(function (section) {
      section.hidden = !section.querySelector(".kg-dir-card:not([hidden])");
    });
    count.textContent = countText(shown);
    if (updateUrl) {
      var query = new URLSearchParams(chosen).toString();
      window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
    }
  }

  var initial = new URLSearchParams(window.location.search);
  selects.forEach(function (select) {
    var wanted = initial.get(select.name);
    var known = Array.prototype.some.call(select.options, function (option) { return option.value === wanted; });
    if (wanted && known) select.value = wanted;
  });

  form.hidden = false;
  if (links) links.hidden = true;
  if (countLanguage !== document.documentElement.lang) count.setAttribute("lang", countLanguage);
  apply(false);
  count.setAttribute("role", "status");
  count.setAttribute("aria-live", "polite");
  count.setAttribute("aria-atomic", "true");

  form.addEventListener("change", function () { apply(true); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.querySelector(".kg-dir-clear").addEventListener("click", function () {
    selects.forEach(function (select) { select.value = ""; });
    apply(true);
  });
})();
