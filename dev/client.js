// Dev-only: reloads the page whenever the dev server finishes a build (or a build fails).
const events = new EventSource("/_dev/events");
events.addEventListener("reload", () => location.reload());
