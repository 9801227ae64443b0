/*
 * "Leave this site" (GOV.UK "Exit this page"). Without this script the button
 * is a plain link to a neutral site. With it:
 * - pressing Shift three times within five seconds leaves too;
 * - leaving blanks the page at once and replaces it in the history, so the
 *   Back button does not bring it back.
 */
(function () {
    "use strict";
    var root = document.querySelector("[data-quick-exit]");
    if (!root) { return; }
    var link = root.querySelector("[data-quick-exit-link]");
    var hint = root.querySelector("[data-quick-exit-hint]");
    var status = root.querySelector("[data-quick-exit-status]");
    var presses = [];
    var WINDOW_MS = 5000;

    if (hint) { hint.hidden = false; }

    function leave(event) {
        if (event) { event.preventDefault(); }
        document.documentElement.classList.add("quick-exit--leaving");
        if (status) { status.textContent = "Leaving this site"; }
        try { document.title = "Loading"; } catch (error) { /* keep going */ }
        window.location.replace(link.href);
    }

    link.addEventListener("click", leave);

    document.addEventListener("keyup", function (event) {
        if (event.key !== "Shift") {
            presses = [];
            return;
        }
        var now = Date.now();
        presses = presses.filter(function (time) { return now - time < WINDOW_MS; });
        presses.push(now);
        if (presses.length >= 3) {
            presses = [];
            leave();
        }
    });
}());
