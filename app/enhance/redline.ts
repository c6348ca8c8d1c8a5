/**
 * Live redline of proposed wording against the section's text, on the html-only section page:
 * the "Show my changes" button (hidden without JavaScript) shows the same markup as
 * app/components/respondent/redline-view.tsx, updated as the person types.
 */
import { condense, hasChanges, redline, type RedlinePart } from "~/modules/document/redline";
import type { SectionConfig } from "./section-config";

type Text = SectionConfig["text"];

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

/** A change, struck or underlined for the eye and announced for screen readers. */
function change(kind: "ins" | "del", value: string, text: Text) {
  const el = element(kind);
  el.append(element("span", "visually-hidden", `[${kind === "ins" ? text.inserted : text.deleted} `), value, element("span", "visually-hidden", ` ${text.changeEnd}]`));
  return el;
}

function view(parts: RedlinePart[], id: string, text: Text) {
  const region = element("section", "redline");
  region.setAttribute("aria-labelledby", id);
  const title = element("h3", "redline__title", text.changesTitle);
  title.id = id;
  region.append(title);
  if (!hasChanges(parts)) {
    region.append(element("p", "muted", text.noChanges));
    return region;
  }
  const body = element("div", "redline__text");
  body.dir = "auto";
  for (const p of condense(parts)) {
    body.append(p === null ? element("span", "redline__gap", " … ") : p.kind === "same" ? p.text : change(p.kind, p.text, text));
  }
  region.append(body);
  return region;
}

export function liveRedlines(start: string, text: Text) {
  for (const button of document.querySelectorAll<HTMLButtonElement>("[data-redline-toggle]")) {
    const id = button.dataset.redlineToggle!;
    const field = button.closest(".question")?.querySelector("textarea");
    const holder = button.parentElement;
    if (!field || !holder) continue;
    const saved = document.getElementById(`saved-${id}`)?.closest<HTMLElement>(".redline");
    let live: HTMLElement | null = null;
    let pending = 0;
    const render = () => {
      const next = view(redline(start, field.value), `live-${id}`, text);
      if (live) live.replaceWith(next);
      else holder.after(next);
      live = next;
    };
    button.addEventListener("click", () => {
      const open = live !== null;
      if (open) {
        live!.remove();
        live = null;
      } else render();
      if (saved) saved.hidden = !open;
      button.setAttribute("aria-expanded", String(!open));
      button.textContent = open ? text.showChanges : text.hideChanges;
    });
    // A long section makes the comparison cost a few milliseconds: once per pause in typing.
    field.addEventListener("input", () => {
      if (!live) return;
      clearTimeout(pending);
      pending = window.setTimeout(render, 150);
    });
    holder.hidden = false;
  }
}
