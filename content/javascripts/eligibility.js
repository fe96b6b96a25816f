/* The eligibility tree, one question at a time (progressive enhancement of kuka-saa-palvelua/).
 *
 * Without this script the page shows the first question as links to a static page per question
 * and outcome. With it, the hidden forms and outcomes rendered by the build are shown one at a
 * time. Every text comes from the page (rendered from data/eligibility.yaml), none from here.
 * The answers live only in the URL fragment (#answers=value,value,...): they are never sent to a
 * server, a result can be bookmarked or shared, and Back/Forward move between questions.
 */
(function () {
  "use strict";

  var root = document.getElementById("kg-tree");
  if (!root || !window.addEventListener || !("hidden" in root)) {
    return;
  }
  var PREFIX = "#answers=";
  var app = root.querySelector(".kg-tree-app");
  var staticPart = root.querySelector(".kg-tree-static");
  var summary = app.querySelector(".kg-tree-answers");
  var answerList = summary.querySelector(".kg-tree-answer-list");
  var nodes = {};
  Array.prototype.forEach.call(app.querySelectorAll("[data-node]"), function (element) {
    nodes[element.getAttribute("data-node")] = element;
  });

  function answersInUrl() {
    var hash = window.location.hash;
    if (hash.indexOf(PREFIX) !== 0 || hash.length === PREFIX.length) {
      return [];
    }
    return decodeURIComponent(hash.slice(PREFIX.length)).split(",");
  }

  function urlFor(values) {
    return PREFIX + values.join(",");
  }

  function radioFor(form, value) {
    var radios = form.querySelectorAll("input[type=radio]");
    for (var i = 0; i < radios.length; i += 1) {
      if (radios[i].value === value) {
        return radios[i];
      }
    }
    return null;
  }

  /* Replay the answers from the start; an answer that does not fit ends the replay there. */
  function replay(values) {
    var current = root.getAttribute("data-start");
    var trail = [];
    for (var i = 0; i < values.length; i += 1) {
      var form = nodes[current];
      var radio = form && form.tagName === "FORM" ? radioFor(form, values[i]) : null;
      if (!radio) {
        break;
      }
      trail.push({ form: form, radio: radio });
      current = radio.getAttribute("data-next");
    }
    return { trail: trail, current: current };
  }

  function textOf(element) {
    return (element.textContent || "").replace(/\s+/g, " ").trim();
  }

  function showSummary(trail) {
    while (answerList.firstChild) {
      answerList.removeChild(answerList.firstChild);
    }
    var values = trail.map(function (step) { return step.radio.value; });
    trail.forEach(function (step, index) {
      var question = textOf(step.form.querySelector(".kg-tree-heading"));
      var row = document.createElement("div");
      var term = document.createElement("dt");
      term.textContent = question;
      var answer = document.createElement("dd");
      var label = step.form.querySelector("label[for='" + step.radio.id + "']");
      var chosen = document.createElement("span");
      chosen.textContent = textOf(label);
      var change = document.createElement("a");
      change.href = urlFor(values.slice(0, index));
      change.className = "kg-tree-change";
      change.textContent = root.getAttribute("data-change");
      var context = document.createElement("span");
      context.className = "kg-visually-hidden";
      context.textContent = " " + root.getAttribute("data-change-context").replace("{question}", question);
      change.appendChild(context);
      answer.appendChild(chosen);
      answer.appendChild(document.createTextNode(" "));
      answer.appendChild(change);
      row.appendChild(term);
      row.appendChild(answer);
      answerList.appendChild(row);
    });
    summary.hidden = trail.length === 0;
  }

  function render(moveFocus) {
    var state = replay(answersInUrl());
    Object.keys(nodes).forEach(function (id) {
      nodes[id].hidden = id !== state.current;
    });
    var shown = nodes[state.current];
    if (shown.tagName === "FORM") {
      Array.prototype.forEach.call(shown.querySelectorAll("input[type=radio]"), function (radio) {
        radio.checked = false;
      });
      shown.querySelector(".kg-tree-error").hidden = true;
    }
    showSummary(state.trail);
    app.classList.toggle("kg-tree-at-outcome", shown.tagName !== "FORM");
    Array.prototype.forEach.call(app.querySelectorAll("[data-action=back]"), function (button) {
      button.hidden = state.trail.length === 0;
    });
    app.querySelector("[data-action=restart]").hidden = state.trail.length === 0;
    app.querySelector("[data-action=print]").hidden = shown.tagName === "FORM";
    if (moveFocus) {
      shown.querySelector(".kg-tree-heading").focus();
    }
    return state;
  }

  function go(values) {
    window.location.hash = urlFor(values);
  }

  app.addEventListener("submit", function (event) {
    event.preventDefault();
    var form = event.target;
    var chosen = form.querySelector("input[type=radio]:checked");
    var error = form.querySelector(".kg-tree-error");
    if (!chosen) {
      error.hidden = false;
      form.querySelector("input[type=radio]").focus();
      return;
    }
    var state = replay(answersInUrl());
    var values = state.trail.map(function (step) { return step.radio.value; });
    values.push(chosen.value);
    go(values);
  });

  app.addEventListener("click", function (event) {
    var action = event.target.closest ? event.target.closest("[data-action]") : null;
    if (!action) {
      return;
    }
    var values = replay(answersInUrl()).trail.map(function (step) { return step.radio.value; });
    var name = action.getAttribute("data-action");
    if (name === "back") {
      go(values.slice(0, -1));
    } else if (name === "restart") {
      go([]);
    } else if (name === "print") {
      window.print();
    }
  });

  /* Quick exit: leave without adding this page to the history of the tab. */
  Array.prototype.forEach.call(document.querySelectorAll(".kg-quick-exit"), function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      window.location.replace(link.href);
    });
  });

  window.addEventListener("hashchange", function () {
    render(true);
  });

  /* Enhance: the forms replace the links; the answer summary and errors are announced. */
  summary.setAttribute("aria-label", textOf(summary.querySelector("h2")));
  Array.prototype.forEach.call(app.querySelectorAll(".kg-tree-error"), function (error) {
    error.setAttribute("role", "alert");
  });
  staticPart.hidden = true;
  app.hidden = false;
  render(window.location.hash.indexOf(PREFIX) === 0);
})();
