// storyline dashboard: selecting a quote on an article page without reloading it. Everything
// works without this script (the links carry ?quote=START-END and the server marks the quote);
// it only saves the round trip. Text is inserted with textContent, never as HTML.
"use strict";

function selectQuote(key, quotes) {
  for (const el of document.querySelectorAll(".text .sel")) {
    el.classList.remove("sel");
    el.removeAttribute("id");
  }
  let first = null;
  for (const el of document.querySelectorAll(".text [data-quotes]")) {
    if (el.dataset.quotes.split(" ").includes(key)) {
      el.classList.add("sel");
      if (first === null) {
        first = el;
      }
    }
  }
  const quote = quotes.find((q) => q.key === key);
  const box = document.getElementById("selected");
  if (box && quote) {
    box.textContent = "";
    const who = document.createElement("strong");
    who.textContent = quote.speaker || "unattributed";
    box.append(who, " " + (quote.cue || "") + " (" + quote.kind + "): \u201c" + quote.text + "\u201d");
  }
  if (first !== null) {
    first.id = "sel";
    first.scrollIntoView({ block: "center" });
  }
}

document.addEventListener("DOMContentLoaded", () => {
  const data = document.getElementById("quote-data");
  if (!data) {
    return;
  }
  const quotes = JSON.parse(data.textContent);
  for (const link of document.querySelectorAll("a.select-quote")) {
    link.addEventListener("click", (event) => {
      event.preventDefault();
      selectQuote(link.dataset.key, quotes);
      history.replaceState(null, "", "?quote=" + encodeURIComponent(link.dataset.key) + "#sel");
    });
  }
});
