/**
 * What every respondent page loads first: the signed-in contact (or a 404 for anyone else),
 * the reader's language and translator, the round as they see it, and dates in their own
 * time zone (their account's, else the round's), always naming the zone.
 */
import { requireInvitationContact } from "~/modules/auth/authorization.server";
import { serverT } from "~/modules/i18n/language.server";
import { localeOf } from "~/modules/i18n/languages";
import { formatDateTime, isTimeZone } from "~/modules/round/dates";
import { loadRespondentRound } from "./respondent-round.server";

export async function loadRespondentPage(request: Request, invitationId: string) {
  const access = await requireInvitationContact(request, invitationId);
  const { language, t } = await serverT(request);
  const round = await loadRespondentRound(invitationId, language);
  const zone = access.user.timeZone && isTimeZone(access.user.timeZone) ? access.user.timeZone : round.round.timeZone;
  const when = (date: Date) => formatDateTime(date, zone, localeOf(language));
  return {
    ...access,
    language,
    t,
    round,
    when,
    /** The props of <RoundHeader>. */
    header: {
      invitationId: round.invitationId,
      consultationTitle: round.consultationTitle,
      titlesFrom: round.titlesFrom,
      roundTitle: round.round.title,
      organisation: round.organisation.name,
      deadlineText: round.deadline ? when(round.deadline) : null,
      isOpen: round.isOpen,
    },
  };
}
