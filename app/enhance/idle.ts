/**
 * No timeout without warning (WCAG 2.2.1): a few minutes before the session would end for
 * want of activity, a notice (rendered hidden by the server) is put into its live region;
 * "Stay signed in" asks the server for the page, which counts as activity.
 */
export function idleWarning(idleMinutes: number, warnMinutes: number) {
  const notice = document.getElementById("idle-warning");
  const region = notice?.parentElement;
  if (!notice || !region) return () => {};
  // Out of the live region until needed: adding it is what screen readers announce.
  notice.remove();
  notice.hidden = false;
  let lastActivity = Date.now();
  const active = () => {
    lastActivity = Date.now();
    notice.remove();
  };
  notice.querySelector("[data-stay-in]")?.addEventListener("click", () => {
    active();
    void fetch(window.location.pathname, { credentials: "same-origin" }).catch(() => {});
  });
  window.setInterval(() => {
    if (Date.now() - lastActivity > (idleMinutes - warnMinutes) * 60_000 && !notice.isConnected) region.append(notice);
  }, 20_000);
  return active;
}
