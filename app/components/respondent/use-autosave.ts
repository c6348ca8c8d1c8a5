/**
 * With JavaScript on: every change is kept in this browser (localStorage, per invitation and
 * section) and saved ~1.5 s after the typing stops, through a fetcher posting intent=autosave
 * with a fresh save key and the revisions the answers were based on. Offline, the save waits
 * for the `online` event. On load, text this device has that the server has not is offered
 * back. A warning comes a few minutes before the session would end for want of activity.
 */
import { useFetcher } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState, type RefObject } from "react";
import { formValues } from "~/modules/forms/validation";
import { newSaveKey } from "~/modules/response/save-fields";
import type { ConflictView } from "~/modules/response/save-fields";
import type { SectionAction } from "~/routes/respond.$invitationId.sections.$sectionKey";

type Fields = Record<string, string | string[]>;
export type Kept = { at: number; fields: Fields };
export type SaveStatus =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; at: string }
  | { kind: "offline" }
  | { kind: "failed" }
  | { kind: "invalid" }
  | { kind: "closed" }
  | { kind: "conflict" }
  | { kind: "expired"; signInHref: string };

const DEBOUNCE_MS = 1500;

/** Only the answers: the rest of the form (keys, revisions) belongs to one page load. */
function answersOf(form: HTMLFormElement): Fields {
  return Object.fromEntries(Object.entries(formValues(new FormData(form))).filter(([name]) => name.startsWith("q_")));
}

const sameFields = (a: Fields, b: Fields) => {
  const names = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...names].every((n) => JSON.stringify(a[n] ?? "") === JSON.stringify(b[n] ?? ""));
};

function read(key: string): Kept | null {
  try {
    const raw = window.localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as Kept) : null;
  } catch {
    return null;
  }
}

function write(key: string, kept: Kept | null) {
  try {
    if (kept) window.localStorage.setItem(key, JSON.stringify(kept));
    else window.localStorage.removeItem(key);
  } catch {
    // Storage full or disabled: the server save still runs.
  }
}

/** Puts kept answers back into the form's fields. */
function fill(form: HTMLFormElement, fields: Fields) {
  for (const element of Array.from(form.elements)) {
    const field = element as HTMLInputElement | HTMLTextAreaElement;
    if (!field.name?.startsWith("q_")) continue;
    const value = fields[field.name];
    const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
    if (field instanceof HTMLInputElement && (field.type === "radio" || field.type === "checkbox")) field.checked = list.includes(field.value);
    else field.value = list[0] ?? "";
  }
}

export function useAutosave(options: {
  formRef: RefObject<HTMLFormElement>;
  storageKey: string;
  revisions: Record<string, number>;
  idleMinutes: number;
  enabled: boolean;
  /** A button save or a link is on its way: an autosave finishing now would cut it short. */
  navigating: boolean;
  /** The page follows a save the person made with a button: what this device kept is stored. */
  justSaved: boolean;
}) {
  const { formRef, storageKey, enabled } = options;
  const navigating = useRef(options.navigating);
  navigating.current = options.navigating;
  const fetcher = useFetcher<SectionAction>();
  const keepAlive = useFetcher();
  const [revisions, setRevisions] = useState(options.revisions);
  const [status, setStatus] = useState<SaveStatus>({ kind: "idle" });
  const [conflicts, setConflicts] = useState<{ list: ConflictView[]; mine: Fields } | null>(null);
  const [restore, setRestore] = useState<Kept | null>(null);
  const [idleWarning, setIdleWarning] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const changes = useRef(0);
  const sent = useRef(0);
  const lastActivity = useRef(Date.now());
  const handled = useRef<unknown>(null);

  const save = useCallback(() => {
    const form = formRef.current;
    if (!form || !enabled || navigating.current) return;
    if (!navigator.onLine) {
      setStatus({ kind: "offline" });
      return;
    }
    const body = new FormData(form);
    body.set("intent", "autosave");
    body.set("saveKey", newSaveKey());
    sent.current = changes.current;
    setStatus({ kind: "saving" });
    fetcher.submit(body, { method: "post" });
  }, [formRef, enabled, fetcher]);

  const onChange = useCallback(() => {
    const form = formRef.current;
    if (!form || !enabled) return;
    changes.current += 1;
    lastActivity.current = Date.now();
    setIdleWarning(false);
    write(storageKey, { at: Date.now(), fields: answersOf(form) });
    clearTimeout(timer.current);
    timer.current = setTimeout(save, DEBOUNCE_MS);
  }, [formRef, enabled, storageKey, save]);

  // The server's answer to an autosave.
  useEffect(() => {
    const result = fetcher.data;
    if (fetcher.state !== "idle" || !result || handled.current === result) return;
    handled.current = result;
    if (result.kind === "saved") {
      setRevisions((r) => ({ ...r, ...result.revisions }));
      setConflicts(null);
      setStatus({ kind: "saved", at: result.savedAt });
      if (changes.current === sent.current) write(storageKey, null);
    } else if (result.kind === "conflict") {
      setRevisions((r) => ({ ...r, ...result.revisions }));
      setConflicts({ list: result.conflicts, mine: formRef.current ? answersOf(formRef.current) : {} });
      setStatus({ kind: "conflict" });
    } else if (result.kind === "expired") setStatus({ kind: "expired", signInHref: result.signInHref });
    else if (result.kind === "closed") setStatus({ kind: "closed" });
    else setStatus({ kind: "invalid" });
  }, [fetcher.state, fetcher.data, storageKey, formRef]);

  // Back online: send what waited.
  useEffect(() => {
    const online = () => {
      if (read(storageKey)) save();
    };
    const offline = () => {
      if (read(storageKey)) setStatus({ kind: "offline" });
    };
    window.addEventListener("online", online);
    window.addEventListener("offline", offline);
    return () => {
      window.removeEventListener("online", online);
      window.removeEventListener("offline", offline);
    };
  }, [storageKey, save]);

  // On load: does this device hold text the server does not have?
  useEffect(() => {
    const form = formRef.current;
    const kept = read(storageKey);
    if (!form || !kept) return;
    if (options.justSaved || sameFields(kept.fields, answersOf(form))) write(storageKey, null);
    else if (enabled) setRestore(kept);
  }, [formRef, storageKey, enabled]); // eslint-disable-line react-hooks/exhaustive-deps

  // Warn before the idle timeout, unless the person is typing.
  useEffect(() => {
    if (!enabled) return;
    const warnMinutes = Math.max(1, Math.min(5, Math.floor(options.idleMinutes / 3)));
    const check = setInterval(() => {
      if (Date.now() - lastActivity.current > (options.idleMinutes - warnMinutes) * 60_000) setIdleWarning(true);
    }, 20_000);
    return () => clearInterval(check);
  }, [enabled, options.idleMinutes]);

  useEffect(() => () => clearTimeout(timer.current), []);

  return {
    revisions,
    status,
    conflicts,
    onChange,
    /** The page's own save is starting: no autosave now. */
    cancel() {
      clearTimeout(timer.current);
    },
    restore,
    warnMinutes: Math.max(1, Math.min(5, Math.floor(options.idleMinutes / 3))),
    idleWarning,
    acceptRestore() {
      if (restore && formRef.current) fill(formRef.current, restore.fields);
      setRestore(null);
      onChange();
    },
    discardRestore() {
      write(storageKey, null);
      setRestore(null);
    },
    stayIn() {
      lastActivity.current = Date.now();
      setIdleWarning(false);
      keepAlive.load(window.location.pathname);
    },
  };
}
