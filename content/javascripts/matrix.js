/* Column choice of the responsibility matrix (vastuut-kunnittain/). Progressive enhancement, no
   dependencies: without this script the whole table shows. The reader picks a municipality and
   whether they are a registered job seeker; other columns are hidden and the choice is kept in the URL. */
(function () {
  "use strict";
  var wrapper = document.querySelector(".kg-matrix-wrapper");
  var form = wrapper && wrapper.querySelector(".kg-matrix-form");
  if (!form || !window.URLSearchParams || !window.history.replaceState) return;

  var municipality = form.elements.kunta;
  var group = form.elements.ryhma;
  var table = wrapper.querySelector(".kg-matrix");
  var columnCells = Array.prototype.slice.call(table.querySelectorAll("[data-column]"));
  var municipalityHeaders = Array.prototype.slice.call(table.querySelectorAll("th[data-municipality]:not([data-column])"));

  function known(select, value) {
    return Array.prototype.some.call(select.options, function (option) { return option.value === value; });
  }

  function apply(updateUrl) {
    var m = municipality.value;
    var g = group.value;
    columnCells.forEach(function (cell) {
      cell.hidden = Boolean((m && cell.getAttribute("data-municipality") !== m) || (g && cell.getAttribute("data-group") !== g));
    });
    municipalityHeaders.forEach(function (header) {
      header.hidden = Boolean(m && header.getAttribute("data-municipality") !== m);
      header.colSpan = g ? 1 : 2;
    });
    if (updateUrl) {
      var chosen = {};
      if (m) chosen.kunta = m;
      if (g) chosen.ryhma = g;
      var query = new URLSearchParams(chosen).toString();
      window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
    }
  }

  var initial = new URLSearchParams(window.location.search);
  [municipality, group].forEach(function (select) {
    var wanted = initial.get(select.name);
    if (wanted && known(select, wanted)) select.value = wanted;
  });
  form.hidden = false;
  apply(false);
  form.addEventListener("change", function () { apply(true); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
})();
