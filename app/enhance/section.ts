/**
 * The section page's script (the page is html-only: docs/decisions/007): the behaviour of
 * every respondent page (respondent.ts), then autosave with this device's draft, the idle
 * warning and the live redline, configured by the JSON block the server renders
 * (section-config.ts). Without it the page works the same with its buttons.
 */
import "./respondent";
import { autosave } from "./autosave";
import { idleWarning } from "./idle";
import { liveRedlines } from "./redline";
import { SECTION_CONFIG_ID, type SectionConfig } from "./section-config";

const block = document.getElementById(SECTION_CONFIG_ID);
const form = document.getElementById("answers");
if (block && form instanceof HTMLFormElement) {
  const config = JSON.parse(block.textContent ?? "{}") as SectionConfig;
  liveRedlines(config.start, config.text);
  if (config.enabled) autosave(form, config, idleWarning(config.idleMinutes, config.warnMinutes));
}
