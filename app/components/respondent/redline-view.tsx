/** A redline readable by everyone: struck and underlined for the eye, announced for screen readers. */
import { useTranslation } from "react-i18next";
import { condense, type RedlinePart } from "~/modules/document/redline";

export function RedlineView({ parts, title, id }: { parts: RedlinePart[]; title: string; id: string }) {
  const { t } = useTranslation("section");
  const changed = parts.some((p) => p.kind !== "same");
  return (
    <section className="redline" aria-labelledby={id}>
      <h3 id={id} className="redline__title">
        {title}
      </h3>
      {changed ? (
        <div className="redline__text" dir="auto">
          {condense(parts).map((p, i) =>
            p === null ? (
              <span key={i} className="redline__gap">
                {" … "}
              </span>
            ) : p.kind === "same" ? (
              <span key={i}>{p.text}</span>
            ) : p.kind === "ins" ? (
              <ins key={i}>
                <span className="visually-hidden">[{t("inserted")} </span>
                {p.text}
                <span className="visually-hidden"> {t("changeEnd")}]</span>
              </ins>
            ) : (
              <del key={i}>
                <span className="visually-hidden">[{t("deleted")} </span>
                {p.text}
                <span className="visually-hidden"> {t("changeEnd")}]</span>
              </del>
            ),
          )}
        </div>
      ) : (
        <p className="muted">{t("noChanges")}</p>
      )}
    </section>
  );
}
