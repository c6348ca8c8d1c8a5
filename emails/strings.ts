/**
 * Every word the emails say, in the four languages Consult runs in. Kept short and plain:
 * many readers use a second language or a screen reader. Arabic is written right to left.
 */
export const EMAIL_LANGUAGES = ["en", "fr", "es", "ar"] as const;
export type EmailLanguage = (typeof EMAIL_LANGUAGES)[number];

/** Any stored language code ("fr", "fr-CA", "AR") to one the emails speak; English otherwise. */
export function emailLanguage(code: string | null | undefined): EmailLanguage {
  const base = (code ?? "").toLowerCase().split(/[-_]/)[0];
  return (EMAIL_LANGUAGES as readonly string[]).includes(base ?? "") ? (base as EmailLanguage) : "en";
}

export function textDirection(language: EmailLanguage): "ltr" | "rtl" {
  return language === "ar" ? "rtl" : "ltr";
}

type Strings = {
  /** Quotation marks around a title, as each language writes them. */
  quote: (s: string) => string;
  greeting: (name: string) => string;
  linkFallback: string;
  footer: string;
  signIn: {
    subject: string;
    preview: string;
    intro: (minutes: number) => string;
    button: string;
    codeIntro: string;
    notYou: string;
  };
  invitation: {
    subject: (consultation: string, round: string) => string;
    preview: (organisation: string) => string;
    intro: (organisation: string, consultation: string, round: string) => string;
    closes: (when: string) => string;
    button: string;
    personal: string;
  };
  receipt: {
    subject: (organisation: string, round: string) => string;
    preview: (round: string) => string;
    intro: (organisation: string, round: string, when: string) => string;
    copyHeading: string;
    noAnswer: string;
    button: string;
    changes: string;
    version: (n: number) => string;
    attachmentsHeading: string;
    noAttachments: string;
  };
  withdrawal: {
    subject: (organisation: string, round: string) => string;
    preview: (round: string) => string;
    intro: (organisation: string, round: string, when: string) => string;
    kept: string;
    button: string;
  };
  reminder: {
    subject: (round: string) => string;
    preview: (deadline: string) => string;
    notStarted: (organisation: string, round: string) => string;
    draftStarted: (organisation: string, round: string) => string;
    deadline: (when: string) => string;
    button: string;
    signInNote: string;
  };
  extended: {
    subject: (round: string) => string;
    preview: (deadline: string) => string;
    intro: (organisation: string, round: string) => string;
    deadline: (when: string) => string;
    onlyYou: string;
    button: string;
    signInNote: string;
  };
  roundOpened: {
    subject: (round: string) => string;
    preview: (consultation: string) => string;
    intro: (consultation: string, round: string) => string;
    sent: (organisations: number, messages: number) => string;
    closes: (when: string) => string;
    button: string;
  };
  summary: {
    subject: (round: string) => string;
    preview: (consultation: string) => string;
    intro: (consultation: string, round: string) => string;
    outcome: (organisation: string) => string;
    button: string;
    publicLink: string;
  };
};

const en: Strings = {
  quote: (s) => `“${s}”`,
  greeting: (name) => `Hello ${name},`,
  linkFallback: "If the button does not work, copy this address into your browser:",
  footer: "This message was sent by Consult, the consultation platform. If you did not expect it, you can ignore it.",
  signIn: {
    subject: "Your Consult sign-in link",
    preview: "Your sign-in link and code for Consult",
    intro: (m) => `Use the button below to sign in to Consult. The link and the code work once and expire in ${m} minute${m === 1 ? "" : "s"}.`,
    button: "Sign in",
    codeIntro: "Or enter this code on the sign-in page:",
    notYou: "If you did not ask to sign in, you can ignore this email. Nobody can sign in without it.",
  },
  invitation: {
    subject: (c, r) => `Invitation to comment: ${c} – ${r}`,
    preview: (o) => `${o} is invited to take part in a consultation`,
    intro: (o, c, r) => `${o} is invited to comment on ${en.quote(c)} in the consultation round ${en.quote(r)}.`,
    closes: (w) => `Responses close on ${w}.`,
    button: "Open the consultation",
    personal: "This link is personal to you. Please do not forward it: colleagues can be added as contacts instead.",
  },
  receipt: {
    subject: (o, r) => `Receipt: response from ${o} to ${r}`,
    preview: (r) => `Your response to ${r} has been received`,
    intro: (o, r, w) => `Thank you. The response of ${o} to ${en.quote(r)} was submitted on ${w}.`,
    copyHeading: "A copy of the answers",
    noAnswer: "(no answer)",
    button: "View the response",
    changes: "You can review the response and, while the round is open, change and submit it again.",
    version: (n) => `This is version ${n} of the response; every version is kept.`,
    attachmentsHeading: "Attached files",
    noAttachments: "No files are attached to the response.",
  },
  withdrawal: {
    subject: (o, r) => `Withdrawn: response from ${o} to ${r}`,
    preview: (r) => `Your response to ${r} has been withdrawn`,
    intro: (o, r, w) => `The response of ${o} to ${en.quote(r)} was withdrawn on ${w}. The coordinators no longer count it.`,
    kept: "The answers and attached files are kept as a draft, and every version submitted so far stays on record. While the round is open, you can change the response and submit it again.",
    button: "View the response",
  },
  reminder: {
    subject: (r) => `Reminder: ${r}`,
    preview: (d) => `Responses are due by ${d}`,
    notStarted: (o, r) => `This is a reminder that ${o} is invited to comment in the consultation round ${en.quote(r)} and has not answered yet.`,
    draftStarted: (o, r) => `This is a reminder that the response of ${o} to ${en.quote(r)} has been started but not submitted yet. Saved answers are only sent to the coordinators once the response is submitted.`,
    deadline: (w) => `Responses are due by ${w}.`,
    button: "Continue the response",
    signInNote: "You can also use the personal link in your invitation email. This button asks you to sign in with your email address.",
  },
  extended: {
    subject: (r) => `Deadline extended: ${r}`,
    preview: (d) => `You can now answer until ${d}`,
    intro: (o, r) => `The coordinators have given ${o} more time to respond to ${en.quote(r)}.`,
    deadline: (w) => `Your new deadline is ${w}.`,
    onlyYou: "This extension applies to your organisation only. Your saved answers are kept.",
    button: "Continue the response",
    signInNote: "You can also use the personal link in your invitation email. This button asks you to sign in with your email address.",
  },
  roundOpened: {
    subject: (r) => `Round opened: ${r}`,
    preview: (c) => `A consultation round of ${c} is now open`,
    intro: (c, r) => `The round ${en.quote(r)} of ${en.quote(c)} is now open for responses.`,
    sent: (o, m) => `Invitations to ${o} organisation${o === 1 ? "" : "s"} are on their way (${m} personal link${m === 1 ? "" : "s"}).`,
    closes: (w) => `It closes on ${w}.`,
    button: "See who has answered",
  },
  summary: {
    subject: (r) => `What we heard, what we changed: ${r}`,
    preview: (c) => `The summary of a consultation round on ${c} is published`,
    intro: (c, r) => `The coordinators of ${en.quote(c)} have published the summary of ${en.quote(r)}: the themes of the comments, the decisions with their reasons, and the changes made to the draft.`,
    outcome: (o) => `You can see, for each comment from ${o}, the decision and the resulting change.`,
    button: "See what happened to your comments",
    publicLink: "The public summary:",
  },
};

const fr: Strings = {
  quote: (s) => `« ${s} »`,
  greeting: (name) => `Bonjour ${name},`,
  linkFallback: "Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur :",
  footer:
    "Ce message a été envoyé par Consult, la plateforme de consultation. Si vous ne l’attendiez pas, vous pouvez l’ignorer.",
  signIn: {
    subject: "Votre lien de connexion à Consult",
    preview: "Votre lien et votre code de connexion à Consult",
    intro: (m) =>
      `Utilisez le bouton ci-dessous pour vous connecter à Consult. Le lien et le code ne servent qu’une fois et expirent dans ${m} minute${m > 1 ? "s" : ""}.`,
    button: "Se connecter",
    codeIntro: "Ou saisissez ce code sur la page de connexion :",
    notYou: "Si vous n’avez pas demandé à vous connecter, ignorez ce message. Personne ne peut se connecter sans lui.",
  },
  invitation: {
    subject: (c, r) => `Invitation à commenter : ${c} – ${r}`,
    preview: (o) => `${o} est invitée à participer à une consultation`,
    intro: (o, c, r) =>
      `${o} est invitée à commenter ${fr.quote(c)} dans le cadre de la phase de consultation ${fr.quote(r)}.`,
    closes: (w) => `Les réponses sont attendues jusqu’au ${w}.`,
    button: "Ouvrir la consultation",
    personal:
      "Ce lien vous est personnel. Merci de ne pas le transférer : vos collègues peuvent être ajoutés comme contacts.",
  },
  receipt: {
    subject: (o, r) => `Accusé de réception : réponse de ${o} à ${r}`,
    preview: (r) => `Votre réponse à ${r} a bien été reçue`,
    intro: (o, r, w) => `Merci. La réponse de ${o} à ${fr.quote(r)} a été envoyée le ${w}.`,
    copyHeading: "Copie des réponses",
    noAnswer: "(pas de réponse)",
    button: "Voir la réponse",
    changes: "Vous pouvez relire la réponse et, tant que la phase est ouverte, la modifier et l’envoyer à nouveau.",
    version: (n) => `Il s’agit de la version ${n} de la réponse ; chaque version est conservée.`,
    attachmentsHeading: "Fichiers joints",
    noAttachments: "Aucun fichier n’est joint à la réponse.",
  },
  withdrawal: {
    subject: (o, r) => `Retrait : réponse de ${o} à ${r}`,
    preview: (r) => `Votre réponse à ${r} a été retirée`,
    intro: (o, r, w) => `La réponse de ${o} à ${fr.quote(r)} a été retirée le ${w}. Les coordinateurs ne la prennent plus en compte.`,
    kept: "Les réponses et les fichiers joints sont conservés comme brouillon, et chaque version déjà envoyée reste archivée. Tant que la phase est ouverte, vous pouvez modifier la réponse et l’envoyer à nouveau.",
    button: "Voir la réponse",
  },
  reminder: {
    subject: (r) => `Rappel : ${r}`,
    preview: (d) => `Les réponses sont attendues jusqu’au ${d}`,
    notStarted: (o, r) => `Nous vous rappelons que ${o} est invitée à commenter dans le cadre de la phase de consultation ${fr.quote(r)} et n’a pas encore répondu.`,
    draftStarted: (o, r) => `Nous vous rappelons que la réponse de ${o} à ${fr.quote(r)} a été commencée mais pas encore envoyée. Les réponses enregistrées ne parviennent aux coordinateurs qu’une fois la réponse envoyée.`,
    deadline: (w) => `Les réponses sont attendues jusqu’au ${w}.`,
    button: "Reprendre la réponse",
    signInNote: "Vous pouvez aussi utiliser le lien personnel de votre e-mail d’invitation. Ce bouton vous demande de vous connecter avec votre adresse e-mail.",
  },
  extended: {
    subject: (r) => `Délai prolongé : ${r}`,
    preview: (d) => `Vous pouvez désormais répondre jusqu’au ${d}`,
    intro: (o, r) => `Les coordinateurs ont accordé à ${o} un délai supplémentaire pour répondre à ${fr.quote(r)}.`,
    deadline: (w) => `Votre nouveau délai est fixé au ${w}.`,
    onlyYou: "Cette prolongation ne concerne que votre organisation. Vos réponses enregistrées sont conservées.",
    button: "Reprendre la réponse",
    signInNote: "Vous pouvez aussi utiliser le lien personnel de votre e-mail d’invitation. Ce bouton vous demande de vous connecter avec votre adresse e-mail.",
  },
  roundOpened: {
    subject: (r) => `Phase ouverte : ${r}`,
    preview: (c) => `Une phase de consultation de ${c} est ouverte`,
    intro: (c, r) => `La phase ${fr.quote(r)} de ${fr.quote(c)} est ouverte aux réponses.`,
    sent: (o, m) => `Les invitations à ${o} organisation${o > 1 ? "s" : ""} sont en cours d’envoi (${m} lien${m > 1 ? "s" : ""} personnel${m > 1 ? "s" : ""}).`,
    closes: (w) => `Elle se termine le ${w}.`,
    button: "Voir qui a répondu",
  },
  summary: {
    subject: (r) => `Ce que nous avons entendu, ce que nous avons changé : ${r}`,
    preview: (c) => `La synthèse d’un cycle de consultation sur ${c} est publiée`,
    intro: (c, r) => `Les coordinateurs de ${fr.quote(c)} ont publié la synthèse de ${fr.quote(r)} : les thèmes des commentaires, les décisions et leurs motifs, et les modifications apportées au projet.`,
    outcome: (o) => `Vous pouvez voir, pour chaque commentaire de ${o}, la décision prise et la modification qui en résulte.`,
    button: "Voir la suite donnée à vos commentaires",
    publicLink: "La synthèse publique :",
  },
};

const es: Strings = {
  quote: (s) => `«${s}»`,
  greeting: (name) => `Hola, ${name}:`,
  linkFallback: "Si el botón no funciona, copie esta dirección en su navegador:",
  footer:
    "Este mensaje lo envió Consult, la plataforma de consultas. Si no lo esperaba, puede ignorarlo.",
  signIn: {
    subject: "Su enlace para iniciar sesión en Consult",
    preview: "Su enlace y su código para iniciar sesión en Consult",
    intro: (m) =>
      `Use el botón de abajo para iniciar sesión en Consult. El enlace y el código solo sirven una vez y caducan en ${m} minuto${m === 1 ? "" : "s"}.`,
    button: "Iniciar sesión",
    codeIntro: "O escriba este código en la página de inicio de sesión:",
    notYou: "Si no pidió iniciar sesión, ignore este mensaje. Nadie puede iniciar sesión sin él.",
  },
  invitation: {
    subject: (c, r) => `Invitación a comentar: ${c} – ${r}`,
    preview: (o) => `${o} está invitada a participar en una consulta`,
    intro: (o, c, r) => `${o} está invitada a comentar ${es.quote(c)} en la ronda de consulta ${es.quote(r)}.`,
    closes: (w) => `El plazo para responder termina el ${w}.`,
    button: "Abrir la consulta",
    personal:
      "Este enlace es personal. Por favor, no lo reenvíe: sus colegas pueden añadirse como contactos.",
  },
  receipt: {
    subject: (o, r) => `Acuse de recibo: respuesta de ${o} a ${r}`,
    preview: (r) => `Hemos recibido su respuesta a ${r}`,
    intro: (o, r, w) => `Gracias. La respuesta de ${o} a ${es.quote(r)} se envió el ${w}.`,
    copyHeading: "Copia de las respuestas",
    noAnswer: "(sin respuesta)",
    button: "Ver la respuesta",
    changes: "Puede revisar la respuesta y, mientras la ronda siga abierta, modificarla y enviarla de nuevo.",
    version: (n) => `Esta es la versión ${n} de la respuesta; se conservan todas las versiones.`,
    attachmentsHeading: "Archivos adjuntos",
    noAttachments: "La respuesta no tiene archivos adjuntos.",
  },
  withdrawal: {
    subject: (o, r) => `Retirada: respuesta de ${o} a ${r}`,
    preview: (r) => `Su respuesta a ${r} se ha retirado`,
    intro: (o, r, w) => `La respuesta de ${o} a ${es.quote(r)} se retiró el ${w}. Los coordinadores ya no la tienen en cuenta.`,
    kept: "Las respuestas y los archivos adjuntos se conservan como borrador, y todas las versiones enviadas hasta ahora quedan registradas. Mientras la ronda siga abierta, puede modificar la respuesta y enviarla de nuevo.",
    button: "Ver la respuesta",
  },
  reminder: {
    subject: (r) => `Recordatorio: ${r}`,
    preview: (d) => `El plazo para responder termina el ${d}`,
    notStarted: (o, r) => `Le recordamos que ${o} está invitada a comentar en la ronda de consulta ${es.quote(r)} y todavía no ha respondido.`,
    draftStarted: (o, r) => `Le recordamos que la respuesta de ${o} a ${es.quote(r)} se ha empezado pero todavía no se ha enviado. Las respuestas guardadas solo llegan a los coordinadores cuando se envía la respuesta.`,
    deadline: (w) => `El plazo para responder termina el ${w}.`,
    button: "Continuar la respuesta",
    signInNote: "También puede usar el enlace personal de su correo de invitación. Este botón le pedirá que inicie sesión con su dirección de correo.",
  },
  extended: {
    subject: (r) => `Plazo ampliado: ${r}`,
    preview: (d) => `Ahora puede responder hasta el ${d}`,
    intro: (o, r) => `Los coordinadores han dado a ${o} más tiempo para responder a ${es.quote(r)}.`,
    deadline: (w) => `Su nuevo plazo termina el ${w}.`,
    onlyYou: "Esta ampliación solo se aplica a su organización. Sus respuestas guardadas se conservan.",
    button: "Continuar la respuesta",
    signInNote: "También puede usar el enlace personal de su correo de invitación. Este botón le pedirá que inicie sesión con su dirección de correo.",
  },
  roundOpened: {
    subject: (r) => `Ronda abierta: ${r}`,
    preview: (c) => `Una ronda de consulta de ${c} está abierta`,
    intro: (c, r) => `La ronda ${es.quote(r)} de ${es.quote(c)} ya está abierta a respuestas.`,
    sent: (o, m) => `Se están enviando las invitaciones a ${o} organizaci${o === 1 ? "ón" : "ones"} (${m} enlace${m === 1 ? "" : "s"} personal${m === 1 ? "" : "es"}).`,
    closes: (w) => `Se cierra el ${w}.`,
    button: "Ver quién ha respondido",
  },
  summary: {
    subject: (r) => `Lo que escuchamos, lo que cambiamos: ${r}`,
    preview: (c) => `Se ha publicado el resumen de una ronda de consulta sobre ${c}`,
    intro: (c, r) => `Los coordinadores de ${es.quote(c)} han publicado el resumen de ${es.quote(r)}: los temas de los comentarios, las decisiones con sus motivos y los cambios introducidos en el borrador.`,
    outcome: (o) => `Puede ver, para cada comentario de ${o}, la decisión y el cambio resultante.`,
    button: "Ver qué pasó con sus comentarios",
    publicLink: "El resumen público:",
  },
};

/** Arabic counts nouns in three forms: 1–2 have their own words, 3–10 plural, 11+ singular. */
function arabicMinutes(m: number) {
  if (m === 1) return "دقيقة واحدة";
  if (m === 2) return "دقيقتين";
  if (m % 100 >= 3 && m % 100 <= 10) return `${m} دقائق`;
  return `${m} دقيقة`;
}

const ar: Strings = {
  quote: (s) => `«${s}»`,
  greeting: (name) => `مرحبًا ${name}،`,
  linkFallback: "إذا لم يعمل الزر، انسخ هذا العنوان والصقه في متصفحك:",
  footer: "أُرسلت هذه الرسالة من Consult، منصة المشاورات. إذا لم تكن تتوقعها، يمكنك تجاهلها.",
  signIn: {
    subject: "رابط تسجيل الدخول إلى Consult",
    preview: "رابط تسجيل الدخول ورمزه إلى Consult",
    intro: (m) =>
      `استخدم الزر أدناه لتسجيل الدخول إلى Consult. يصلح الرابط والرمز لمرة واحدة فقط، وتنتهي صلاحيتهما بعد ${arabicMinutes(m)}.`,
    button: "تسجيل الدخول",
    codeIntro: "أو أدخل هذا الرمز في صفحة تسجيل الدخول:",
    notYou: "إذا لم تطلب تسجيل الدخول، يمكنك تجاهل هذه الرسالة. لا يمكن لأحد تسجيل الدخول من دونها.",
  },
  invitation: {
    subject: (c, r) => `دعوة لإبداء الملاحظات: ${c} – ${r}`,
    preview: (o) => `${o} مدعوة للمشاركة في مشاورة`,
    intro: (o, c, r) => `${o} مدعوة لإبداء ملاحظاتها على ${ar.quote(c)} في جولة المشاورة ${ar.quote(r)}.`,
    closes: (w) => `آخر موعد لتقديم الردود: ${w}.`,
    button: "فتح المشاورة",
    personal: "هذا الرابط خاص بك. يُرجى عدم إعادة توجيهه، إذ يمكن إضافة زملائك كجهات اتصال.",
  },
  receipt: {
    subject: (o, r) => `إشعار استلام: رد ${o} على ${r}`,
    preview: (r) => `تم استلام ردكم على ${r}`,
    intro: (o, r, w) => `شكرًا لكم. قُدِّم رد ${o} على ${ar.quote(r)} في ${w}.`,
    copyHeading: "نسخة من الإجابات",
    noAnswer: "(لا توجد إجابة)",
    button: "عرض الرد",
    changes: "يمكنكم مراجعة الرد، وطالما بقيت الجولة مفتوحة، يمكنكم تعديله وتقديمه من جديد.",
    version: (n) => `هذه هي النسخة ${n} من الرد؛ وتُحفظ كل النسخ.`,
    attachmentsHeading: "الملفات المرفقة",
    noAttachments: "لا توجد ملفات مرفقة بالرد.",
  },
  withdrawal: {
    subject: (o, r) => `سحب: رد ${o} على ${r}`,
    preview: (r) => `تم سحب ردكم على ${r}`,
    intro: (o, r, w) => `سُحب رد ${o} على ${ar.quote(r)} في ${w}. ولم يعد المنسقون يحتسبونه.`,
    kept: "تبقى الإجابات والملفات المرفقة محفوظة كمسودة، وتبقى كل النسخ المقدَّمة حتى الآن في السجل. وطالما بقيت الجولة مفتوحة، يمكنكم تعديل الرد وتقديمه من جديد.",
    button: "عرض الرد",
  },
  reminder: {
    subject: (r) => `تذكير: ${r}`,
    preview: (d) => `آخر موعد لتقديم الردود: ${d}`,
    notStarted: (o, r) => `نذكّركم بأن ${o} مدعوة لإبداء ملاحظاتها في جولة المشاورة ${ar.quote(r)} ولم تقدّم ردها بعد.`,
    draftStarted: (o, r) => `نذكّركم بأن رد ${o} على ${ar.quote(r)} قد بدأ ولكنه لم يُقدَّم بعد. لا تصل الإجابات المحفوظة إلى المنسقين إلا بعد تقديم الرد.`,
    deadline: (w) => `آخر موعد لتقديم الردود: ${w}.`,
    button: "متابعة الرد",
    signInNote: "يمكنكم أيضًا استخدام الرابط الشخصي الوارد في رسالة الدعوة. سيطلب منكم هذا الزر تسجيل الدخول بعنوان بريدكم الإلكتروني.",
  },
  extended: {
    subject: (r) => `تمديد الموعد النهائي: ${r}`,
    preview: (d) => `يمكنكم الآن الرد حتى ${d}`,
    intro: (o, r) => `منح المنسقون ${o} مهلة إضافية للرد على ${ar.quote(r)}.`,
    deadline: (w) => `موعدكم النهائي الجديد: ${w}.`,
    onlyYou: "ينطبق هذا التمديد على منظمتكم فقط. إجاباتكم المحفوظة باقية.",
    button: "متابعة الرد",
    signInNote: "يمكنكم أيضًا استخدام الرابط الشخصي الوارد في رسالة الدعوة. سيطلب منكم هذا الزر تسجيل الدخول بعنوان بريدكم الإلكتروني.",
  },
  roundOpened: {
    subject: (r) => `فُتحت الجولة: ${r}`,
    preview: (c) => `جولة مشاورة في ${c} مفتوحة الآن`,
    intro: (c, r) => `الجولة ${ar.quote(r)} من ${ar.quote(c)} مفتوحة الآن لتلقي الردود.`,
    sent: (o, m) => `يجري إرسال الدعوات إلى المنظمات (${o}) عبر روابط شخصية (${m}).`,
    closes: (w) => `تُغلق في ${w}.`,
    button: "عرض من قدّم رده",
  },
  summary: {
    subject: (r) => `ما سمعناه وما غيّرناه: ${r}`,
    preview: (c) => `نُشر ملخص جولة المشاورة بشأن ${c}`,
    intro: (c, r) => `نشر منسقو ${ar.quote(c)} ملخص ${ar.quote(r)}: محاور التعليقات، والقرارات مع أسبابها، والتغييرات التي أُدخلت على المسودة.`,
    outcome: (o) => `يمكنكم الاطلاع، لكل تعليق من ${o}، على القرار المتخذ والتغيير الناتج عنه.`,
    button: "الاطلاع على مآل تعليقاتكم",
    publicLink: "الملخص العام:",
  },
};

const STRINGS: Record<EmailLanguage, Strings> = { en, fr, es, ar };

export function emailStrings(language: string | null | undefined): Strings {
  return STRINGS[emailLanguage(language)];
}
