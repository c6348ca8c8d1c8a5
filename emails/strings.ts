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
  },
};

const STRINGS: Record<EmailLanguage, Strings> = { en, fr, es, ar };

export function emailStrings(language: string | null | undefined): Strings {
  return STRINGS[emailLanguage(language)];
}
