/** The fixed answer sets (agreement scale, yes/no) in each language; ids never change. */
import { defineCatalog } from "../catalog";

export const options = defineCatalog({
  en: {
    "strongly-agree": "Strongly agree",
    agree: "Agree",
    neutral: "Neither agree nor disagree",
    disagree: "Disagree",
    "strongly-disagree": "Strongly disagree",
    "dont-know": "Don't know",
    yes: "Yes",
    no: "No",
  },
  fr: {
    "strongly-agree": "Tout à fait d’accord",
    agree: "D’accord",
    neutral: "Ni d’accord ni pas d’accord",
    disagree: "Pas d’accord",
    "strongly-disagree": "Pas du tout d’accord",
    "dont-know": "Je ne sais pas",
    yes: "Oui",
    no: "Non",
  },
  es: {
    "strongly-agree": "Muy de acuerdo",
    agree: "De acuerdo",
    neutral: "Ni de acuerdo ni en desacuerdo",
    disagree: "En desacuerdo",
    "strongly-disagree": "Muy en desacuerdo",
    "dont-know": "No sé",
    yes: "Sí",
    no: "No",
  },
  ar: {
    "strongly-agree": "أوافق بشدة",
    agree: "أوافق",
    neutral: "لا أوافق ولا أعارض",
    disagree: "لا أوافق",
    "strongly-disagree": "لا أوافق بشدة",
    "dont-know": "لا أعرف",
    yes: "نعم",
    no: "لا",
  },
});
