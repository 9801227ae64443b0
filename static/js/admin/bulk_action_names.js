// The snippet list's bulk action bar names the thing ("1 rung selected"):
// Wagtail reads these words from wagtailConfig each time a box is ticked.
document.addEventListener("DOMContentLoaded", () => {
    const names = document.getElementById("bulk-action-names");
    const strings = window.wagtailConfig && window.wagtailConfig.STRINGS;
    if (names && strings && strings.BULK_ACTIONS) {
        strings.BULK_ACTIONS.SNIPPET = JSON.parse(names.textContent);
    }
});
