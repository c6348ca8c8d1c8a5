import { Link } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { untranslated } from "~/modules/i18n/languages";

export type RoundHeaderProps = {
  invitationId: string;
  consultationTitle: string;
  roundTitle: string;
  /** The titles' language when it is not the reader's (they have no translations). */
  titlesFrom?: string;
  organisation: string;
  deadlineText: string | null;
  isOpen: boolean;
  current?: string;
  /** The language of `current` when it is untranslated consultation text (a section heading). */
  currentFrom?: string;
};

export function RoundHeader(props: RoundHeaderProps) {
  const { t } = useTranslation("respond");
  return (
    <>
      <nav className="breadcrumbs" aria-label={t("breadcrumb")}>
        <ol>
          <li>
            <Link to={`/respond/${props.invitationId}`}>{t("contents")}</Link>
          </li>
          {props.current ? (
            <li aria-current="page">
              <span {...untranslated(props.currentFrom)}>{props.current}</span>
            </li>
          ) : null}
        </ol>
      </nav>
      <p className="muted round-context">
        <Trans
          t={t}
          i18nKey="answeringFor"
          values={{ consultation: props.consultationTitle, round: props.roundTitle, organisation: props.organisation }}
          components={{ strong: <strong />, original: <span {...untranslated(props.titlesFrom)} /> }}
        />
      </p>
      {props.isOpen ? (
        props.deadlineText ? (
          <p className="muted">{t("dueBy", { deadline: props.deadlineText })}</p>
        ) : null
      ) : (
        <div className="notice notice--warning" role="status">
          <p>{props.deadlineText ? t("notAcceptingClosed", { deadline: props.deadlineText }) : t("notAccepting")}</p>
        </div>
      )}
    </>
  );
}

/** Says so when consultation text is shown in its original language for want of a translation. */
export function UntranslatedNote({ from }: { from?: string }) {
  const { t } = useTranslation("respond");
  return from ? <p className="muted untranslated-note">{t("untranslated")}</p> : null;
}
