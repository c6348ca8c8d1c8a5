/** After a save posted once the session had ended: the text is kept, and here it is. */
import { useTranslation } from "react-i18next";

export function SignedOutNotice({ texts, signInHref }: { texts: string[]; signInHref: string }) {
  const { t } = useTranslation("section");
  return (
    <>
      <h1>{t("expiredTitle")}</h1>
      <div className="notice notice--warning" role="status">
        <p>{t("expiredBody")}</p>
      </div>
      <p>
        <a className="button" href={signInHref}>
          {t("signInAgain")}
        </a>
      </p>
      {texts.map((text, i) => (
        <section key={i} className="kept-text" aria-labelledby={`kept-${i}`}>
          <h2 id={`kept-${i}`}>{t("answerN", { n: i + 1 })}</h2>
          <div className="kept-text__body" dir="auto">{text}</div>
        </section>
      ))}
    </>
  );
}
