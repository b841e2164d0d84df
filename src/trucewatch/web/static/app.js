// Plain JavaScript, no library: ask before a rejection, and bring a linked span (#id) into view.
"use strict";
document.addEventListener("submit", (event) => {
  const button = event.submitter;
  if (button && button.classList.contains("reject") && !window.confirm("Reject this item?")) {
    event.preventDefault();
  }
});
window.addEventListener("DOMContentLoaded", () => {
  const target = window.location.hash && document.getElementById(window.location.hash.slice(1));
  if (target) { target.classList.add("focus"); target.scrollIntoView({ block: "center" }); }
});
