import { useTranslation } from "react-i18next";

export type SubmittedVersion = { number: number; date: string; by: string | null };

/** Every version the organisation submitted, newest first (each is kept). */
export function SubmittedVersions({ versions }: { versions: SubmittedVersion[] }) {
  const { t } = useTranslation("review");
  if (versions.length === 0) return null;
  return (
    <section aria-labelledby="versions-title">
      <h2 id="versions-title">{t("versionsTitle")}</h2>
      <ul className="versions">
        {versions.map((v) => (
          <li key={v.number}>{t("versionOn", { number: v.number, date: v.date, name: v.by ?? t("unknownPerson") })}</li>
        ))}
      </ul>
    </section>
  );
}
