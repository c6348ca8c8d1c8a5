import { Link } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";

export type RoundHeaderProps = {
  invitationId: string;
  consultationTitle: string;
  roundTitle: string;
  organisation: string;
  deadlineText: string | null;
  isOpen: boolean;
  current?: string;
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
          {props.current ? <li aria-current="page">{props.current}</li> : null}
        </ol>
      </nav>
      <p className="muted round-context">
        <Trans
          t={t}
          i18nKey="answeringFor"
          values={{ consultation: props.consultationTitle, round: props.roundTitle, organisation: props.organisation }}
          components={{ strong: <strong /> }}
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
