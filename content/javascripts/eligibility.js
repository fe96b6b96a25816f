/* The eligibility tool, one question at a time (progressive enhancement of kuka-saa-palvelua/).
 *
 * Without this script the page is a start page with the first question as links to a static page
 * per question and result. With it, the hidden forms and results rendered by the build are shown
 * one at a time, following GOV.UK's question pages: the question is the <h1> and the document
 * title ("Error: ..." on an error), a back link at the top, an error summary linked to the field,
 * the previous answer pre-selected on Back or Change, and a change keeps every later answer that
 * is still asked on the new path. Every text comes from the page, none from here.
 *
 * The answers live only in the URL fragment (#answers=value,value,...): they are never sent to a
 * server. Each answer replaces the tab's history entry (history.replaceState) instead of adding
 * one, so the tool leaves a single entry, which "Exit this page" then replaces too.
 *
 * "Exit this page" (GOV.UK pattern) works on every page of the tool: the button, or Shift pressed
 * three times within five seconds, replaces the page (location.replace) with a neutral site.
 */
(function () {
  "use strict";

  if (!window.addEventListener || !document.querySelector) {
    return;
  }

  /* --- Exit this page ---------------------------------------------------------------------- */
  var exitLink = document.querySelector(".kg-quick-exit");
  function exitPage() {
    if (!exitLink) {
      return;
    }
    document.body.style.visibility = "hidden";
    if (window.history && window.history.replaceState) {
      window.history.replaceState(null, "", window.location.pathname);
    }
    window.location.replace(exitLink.href);
  }
  if (exitLink) {
    exitLink.addEventListener("click", function (event) {
      event.preventDefault();
      exitPage();
    });
    var shiftPresses = [];
    document.addEventListener("keyup", function (event) {
      if (event.key !== "Shift") {
        shiftPresses = [];
        return;
      }
      var now = Date.now();
      shiftPresses = shiftPresses.filter(function (time) { return now - time < 5000; });
      shiftPresses.push(now);
      if (shiftPresses.length >= 3) {
        shiftPresses = [];
        exitPage();
      }
    });
  }

  /* --- The date on the printed sheet --------------------------------------------------------- */
  function stampDate() {
    var language = document.documentElement.lang || "fi";
    Array.prototype.forEach.call(document.querySelectorAll(".kg-sheet-date"), function (element) {
      var reader = element.closest ? element.closest("[lang]") : null;
      var lang = reader ? reader.getAttribute("lang") : language;
      try {
        element.textContent = new Date().toLocaleDateString(lang);
      } catch (error) {
        element.textContent = new Date().toLocaleDateString();
      }
    });
  }
  stampDate();
  window.addEventListener("beforeprint", stampDate);

  var root = document.getElementById("kg-tree");
  if (!root || !("hidden" in root) || !window.history || !window.history.replaceState) {
    return;
  }

  var PREFIX = "#answers=";
  var app = root.querySelector(".kg-tree-app");
  var staticPart = root.querySelector(".kg-tree-static");
  var summary = app.querySelector(".kg-tree-answers");
  var answerList = summary.querySelector(".kg-tree-answer-list");
  var errorSummary = app.querySelector(".kg-error-summary");
  var errorLink = errorSummary.querySelector(".kg-error-link");
  var malformedNotice = app.querySelector(".kg-tree-malformed");
  var intro = app.querySelector(".kg-tree-intro");
  var backLink = app.querySelector(".kg-back-link");
  var pageTitle = root.getAttribute("data-title");
  var titleSuffix = document.title.indexOf(pageTitle) === 0 ? document.title.slice(pageTitle.length) : "";
  var nodes = {};
  Array.prototype.forEach.call(app.querySelectorAll("[data-node]"), function (element) {
    nodes[element.getAttribute("data-node")] = element;
  });
  var remembered = {}; /* fact -> value: answers kept for Back and Change */
  var changing = false; /* after a Change, continue through the answers still asked */

  function textOf(element) {
    return (element.textContent || "").replace(/\s+/g, " ").trim();
  }

  /* The answers in the address, or null when the address cannot be read. */
  function answersInUrl() {
    var hash = window.location.hash;
    if (hash.indexOf(PREFIX) !== 0 || hash.length === PREFIX.length) {
      return [];
    }
    try {
      return decodeURIComponent(hash.slice(PREFIX.length)).split(",");
    } catch (error) {
      return null;
    }
  }

  function urlFor(values) {
    return values.length ? PREFIX + values.map(encodeURIComponent).join(",") : "";
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
    return { trail: trail, current: current, complete: trail.length === values.length };
  }

  function valuesOf(trail) {
    return trail.map(function (step) { return step.radio.value; });
  }

  function go(values) {
    window.history.replaceState(null, "", window.location.pathname + window.location.search + urlFor(values));
    render(true);
  }

  function showSummary(trail) {
    while (answerList.firstChild) {
      answerList.removeChild(answerList.firstChild);
    }
    var values = valuesOf(trail);
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
      change.href = urlFor(values.slice(0, index)) || "#";
      change.className = "kg-tree-change";
      change.setAttribute("data-change-to", String(index));
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
  }

  function clearError(form) {
    errorSummary.hidden = true;
    if (form.tagName === "FORM") {
      form.classList.remove("kg-has-error");
      form.querySelector(".kg-tree-error").hidden = true;
      form.querySelector("fieldset").removeAttribute("aria-describedby");
    }
  }

  function setTitle(heading, error) {
    var text = textOf(heading);
    if (error) {
      text = root.getAttribute("data-error-title").replace("{title}", text);
    }
    document.title = text + titleSuffix;
  }

  function render(moveFocus) {
    var values = answersInUrl();
    var state = replay(values || []);
    if (values === null || !state.complete) {
      /* A malformed address: start over (or from the answers that fit) and say so. */
      malformedNotice.hidden = false;
      window.history.replaceState(null, "", window.location.pathname + window.location.search + urlFor(valuesOf(state.trail)));
    }
    Object.keys(nodes).forEach(function (id) {
      nodes[id].hidden = id !== state.current;
    });
    var shown = nodes[state.current];
    var atQuestion = shown.tagName === "FORM";
    clearError(shown);
    if (atQuestion) {
      var fact = shown.getAttribute("data-fact");
      var previous = remembered[fact] ? radioFor(shown, remembered[fact]) : null;
      Array.prototype.forEach.call(shown.querySelectorAll("input[type=radio]"), function (radio) {
        radio.checked = radio === previous;
      });
    }
    state.trail.forEach(function (step) {
      remembered[step.form.getAttribute("data-fact")] = step.radio.value;
    });
    showSummary(state.trail);
    summary.hidden = atQuestion || state.trail.length === 0;
    intro.hidden = state.trail.length > 0;
    backLink.parentNode.hidden = state.trail.length === 0;
    app.classList.toggle("kg-tree-at-outcome", !atQuestion);
    app.querySelector("[data-action=restart]").hidden = state.trail.length === 0;
    app.querySelector("[data-action=print]").hidden = atQuestion;
    var heading = shown.querySelector(".kg-tree-heading");
    setTitle(heading, false);
    if (moveFocus) {
      heading.focus();
    }
    return state;
  }

  function showError(form) {
    var first = form.querySelector("input[type=radio]");
    var message = form.querySelector(".kg-tree-error");
    form.classList.add("kg-has-error");
    message.hidden = false;
    form.querySelector("fieldset").setAttribute("aria-describedby", message.id);
    errorLink.href = "#" + first.id;
    errorSummary.hidden = false;
    setTitle(form.querySelector(".kg-tree-heading"), true);
    errorSummary.focus();
  }

  app.addEventListener("submit", function (event) {
    event.preventDefault();
    var form = event.target;
    var chosen = form.querySelector("input[type=radio]:checked");
    if (!chosen) {
      showError(form);
      return;
    }
    remembered[form.getAttribute("data-fact")] = chosen.value;
    var values = valuesOf(replay(answersInUrl() || []).trail);
    values.push(chosen.value);
    if (changing) {
      /* Keep every later answer that is still asked on the new path. */
      var next = chosen.getAttribute("data-next");
      while (nodes[next] && nodes[next].tagName === "FORM") {
        var kept = remembered[nodes[next].getAttribute("data-fact")];
        var radio = kept ? radioFor(nodes[next], kept) : null;
        if (!radio) {
          break;
        }
        values.push(kept);
        next = radio.getAttribute("data-next");
      }
      changing = false;
    }
    malformedNotice.hidden = true;
    go(values);
  });

  app.addEventListener("click", function (event) {
    var target = event.target.closest ? event.target : null;
    if (!target) {
      return;
    }
    if (target.closest(".kg-error-link")) {
      event.preventDefault();
      var field = document.getElementById(errorLink.getAttribute("href").slice(1));
      if (field) {
        field.focus();
      }
      return;
    }
    var values = valuesOf(replay(answersInUrl() || []).trail);
    var change = target.closest("[data-change-to]");
    if (change) {
      event.preventDefault();
      changing = true;
      go(values.slice(0, Number(change.getAttribute("data-change-to"))));
      return;
    }
    var action = target.closest("[data-action]");
    if (!action) {
      return;
    }
    event.preventDefault();
    var name = action.getAttribute("data-action");
    malformedNotice.hidden = true;
    if (name === "back") {
      changing = false;
      go(values.slice(0, -1));
    } else if (name === "restart") {
      changing = false;
      remembered = {};
      go([]);
    } else if (name === "print") {
      stampDate();
      window.print();
    }
  });

  /* Someone edits the address, or follows a link with answers in it. */
  window.addEventListener("hashchange", function () {
    render(true);
  });

  /* Enhance: announce errors and the summary only now; the no-JS part stays until this succeeded. */
  summary.setAttribute("aria-label", textOf(summary.querySelector("h2")));
  errorSummary.setAttribute("role", "alert");
  errorSummary.setAttribute("aria-labelledby", "kg-error-summary-title");
  render(window.location.hash.indexOf(PREFIX) === 0);
  staticPart.hidden = true;
  app.hidden = false;
  if (!malformedNotice.hidden || window.location.hash.indexOf(PREFIX) === 0) {
    var current = app.querySelector("[data-node]:not([hidden]) .kg-tree-heading");
    if (current) {
      current.focus();
    }
  }
})();
