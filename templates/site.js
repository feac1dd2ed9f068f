/* Tiltaksbanken som nettside (rt tiltak site): filter.js.
   Uten JavaScript viser forsiden alle tiltakene og listene å bla i. Med JavaScript vises
   søkeskjemaet, og tiltakene som ikke passer, skjules med en gang. Søket bretter norske
   bokstaver som rt gjør (ø → o, å → a, æ → ae), og antall treff leses opp av skjermlesere
   (aria-live på #antall). Valgene står i adressen, så et filtrert utvalg kan deles. */
(function () {
  "use strict";
  var form = document.getElementById("filter");
  var list = document.getElementById("tiltak");
  var status = document.getElementById("antall");
  if (!form || !list || !status || !window.URLSearchParams) {
    return;
  }
  var cards = Array.prototype.slice.call(list.querySelectorAll("li[data-search]"));
  var fields = ["q", "age", "provider", "level", "access"];
  var folds = [
    [/[æä]/g, "ae"],
    [/[øöóô]/g, "o"],
    [/[åàáâ]/g, "a"],
    [/[éèêë]/g, "e"],
    [/[üú]/g, "u"],
    [/[íï]/g, "i"]
  ];

  /* The same folding as rt's own search (src/tiltak/search.rs). */
  function fold(text) {
    var out = text.toLowerCase();
    folds.forEach(function (f) {
      out = out.replace(f[0], f[1]);
    });
    return out;
  }

  function words(text) {
    return fold(text).split(/[^\p{L}\p{N}]+/u).filter(function (w) {
      return w.length > 0;
    });
  }

  /* A measure for parents fits the child's ages and every adult, as in rt. */
  function fitsAge(card, age) {
    var min = Number(card.dataset.ageMin);
    var max = Number(card.dataset.ageMax);
    return (age >= min && age <= max) || (card.dataset.parents === "true" && age >= 18);
  }

  var timer = null;
  function tell(shown) {
    var total = cards.length;
    var text = shown === total ? status.dataset.all : shown === 0 ? status.dataset.none : status.dataset.some;
    text = text.replace("{n}", String(shown)).replace("{total}", String(total));
    /* A short pause, so a screen reader says the count once the typing stops. */
    window.clearTimeout(timer);
    timer = window.setTimeout(function () {
      status.textContent = text;
    }, 350);
  }

  function remember() {
    var params = new URLSearchParams();
    fields.forEach(function (name) {
      var value = form.elements[name].value.trim();
      if (value !== "") {
        params.set(name, value);
      }
    });
    var query = params.toString();
    try {
      window.history.replaceState(null, "", query ? "?" + query : window.location.pathname);
    } catch (e) {
      /* Some browsers refuse this for pages opened from disk; the filter works anyway. */
    }
  }

  function apply() {
    var query = words(form.elements.q.value);
    var ageText = form.elements.age.value.trim();
    var age = ageText === "" ? NaN : Number(ageText);
    var chosen = ["provider", "level", "access"].map(function (name) {
      return [name, form.elements[name].value];
    });
    var shown = 0;
    cards.forEach(function (card) {
      var text = card.dataset.search;
      var fits = query.every(function (w) {
        return text.indexOf(w) !== -1;
      });
      fits = fits && (isNaN(age) || fitsAge(card, age));
      fits = fits && chosen.every(function (c) {
        return c[1] === "" || card.dataset[c[0]] === c[1];
      });
      card.hidden = !fits;
      if (fits) {
        shown += 1;
      }
    });
    tell(shown);
    remember();
  }

  var given = new URLSearchParams(window.location.search);
  fields.forEach(function (name) {
    if (given.has(name)) {
      form.elements[name].value = given.get(name);
    }
  });
  form.hidden = false;
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    apply();
  });
  form.addEventListener("reset", function () {
    window.setTimeout(apply, 0);
  });
  if (window.location.search) {
    apply();
  }
})();
