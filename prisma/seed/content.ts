/**
 * The demo consultation as plain data: an update of the CCM guidance on an integrated approach
 * to victim assistance (see ../../../shared/DOMAIN.md). Nothing here touches the database;
 * demo.ts turns it into rows. The fixed option sets are exported for the app to reuse.
 *
 * Dates are relative to the moment of seeding ("days ago"), so the demo round is always open.
 */
import type { Attribution, ContactRole, QuestionType } from "../../app/generated/prisma/enums";

// ───────────────────────────── shapes ─────────────────────────────

export type ChoiceOption = { id: string; label: string };

export type SectionContent = {
  key: string;
  heading: string;
  tags: string[];
  body: string; // Markdown
  translations?: Record<string, { heading: string; body: string }>;
};

export type StakeholderTypeContent = {
  key: string;
  label: string;
  translations: Record<string, string>;
};

export type ContactContent = {
  name: string;
  email: string; // lower-case
  language: string;
  role: ContactRole;
  isFocalPoint?: boolean;
};

export type OrganisationContent = {
  name: string;
  shortName?: string;
  type: string; // stakeholder type key
  country: string | null; // ISO 3166-1 alpha-2
  languages: string[];
  survivorLed?: boolean;
  timeZone: string; // given to its contacts
  contacts: ContactContent[];
};

export type StaffUserContent = {
  email: string;
  name: string;
  language: string;
  timeZone: string;
  isAdmin: boolean;
  role: "COORDINATOR" | "ANALYST";
};

export type QuestionTranslation = { prompt: string; help?: string; options?: Record<string, string> };

export type QuestionContent = {
  key: string; // used only inside the seed, to attach answers
  section: string | null; // section key; null = about the whole document
  type: QuestionType;
  prompt: string;
  help?: string;
  required?: boolean;
  options?: ChoiceOption[]; // SINGLE_CHOICE and MULTIPLE_CHOICE only; fixed sets for the others
  translations?: Record<string, QuestionTranslation>;
};

/** Proposed wording is written as edits of the section's first paragraph: [passage, replacement]. */
export type AnswerContent = { choices: string[] } | { text: string } | { edits: Array<[string, string]> };

export type ResponseContent = {
  organisation: string; // organisation name
  status: "SUBMITTED" | "DRAFT";
  attribution: Attribution;
  consentToPublish: boolean;
  author: string; // contact email: the submitter, or whoever is drafting
  startedDaysAgo: number;
  submittedDaysAgo?: number; // SUBMITTED only
  lastSavedDaysAgo?: number; // DRAFT only
  answers: Record<string, AnswerContent>; // by question key
};

const md = (...blocks: string[]) => blocks.join("\n\n");
const list = (...items: string[]) => items.map((item) => `- ${item}`).join("\n");
const choose = (...choices: string[]): AnswerContent => ({ choices });
const say = (text: string): AnswerContent => ({ text });
const edit = (...edits: Array<[string, string]>): AnswerContent => ({ edits });

// ───────────────────────────── fixed option sets ─────────────────────────────

export const AGREEMENT_OPTIONS = [
  { id: "strongly-agree", label: "Strongly agree" },
  { id: "agree", label: "Agree" },
  { id: "neutral", label: "Neither agree nor disagree" },
  { id: "disagree", label: "Disagree" },
  { id: "strongly-disagree", label: "Strongly disagree" },
  { id: "dont-know", label: "Don't know" },
] as const satisfies readonly ChoiceOption[];

export const YES_NO_OPTIONS = [
  { id: "yes", label: "Yes" },
  { id: "no", label: "No" },
] as const satisfies readonly ChoiceOption[];

export type AgreementOptionId = (typeof AGREEMENT_OPTIONS)[number]["id"];
export type YesNoOptionId = (typeof YES_NO_OPTIONS)[number]["id"];

/** Labels of the fixed option sets in the other languages: { fr: { "agree": "D'accord", ... } }. */
export const FIXED_OPTION_TRANSLATIONS: Record<string, Record<AgreementOptionId | YesNoOptionId, string>> = {
  fr: {
    "strongly-agree": "Tout à fait d'accord",
    agree: "D'accord",
    neutral: "Ni d'accord ni pas d'accord",
    disagree: "Pas d'accord",
    "strongly-disagree": "Pas du tout d'accord",
    "dont-know": "Je ne sais pas",
    yes: "Oui",
    no: "Non",
  },
  es: {
    "strongly-agree": "Totalmente de acuerdo",
    agree: "De acuerdo",
    neutral: "Ni de acuerdo ni en desacuerdo",
    disagree: "En desacuerdo",
    "strongly-disagree": "Totalmente en desacuerdo",
    "dont-know": "No sé",
    yes: "Sí",
    no: "No",
  },
  ar: {
    "strongly-agree": "أوافق بشدة",
    agree: "أوافق",
    neutral: "لا أوافق ولا أعارض",
    disagree: "لا أوافق",
    "strongly-disagree": "لا أوافق إطلاقًا",
    "dont-know": "لا أعرف",
    yes: "نعم",
    no: "لا",
  },
};

/** The options a question offers: the fixed sets for agreement and yes/no, else its own. */
export function optionsFor(question: Pick<QuestionContent, "type" | "options">): ChoiceOption[] {
  if (question.type === "AGREEMENT") return AGREEMENT_OPTIONS.map((o) => ({ ...o }));
  if (question.type === "YES_NO") return YES_NO_OPTIONS.map((o) => ({ ...o }));
  return (question.options ?? []).map((o) => ({ ...o }));
}

// ───────────────────────────── the consultation ─────────────────────────────

export const CONSULTATION = {
  slug: "victim-assistance-guidance",
  title: "Guidance on an Integrated Approach to Victim Assistance (update)",
  summary: md(
    "Austria and Panamá, who coordinate the work on victim assistance under the Convention on Cluster Munitions, " +
      "are revising the guidance on an integrated approach to victim assistance first published in 2016. The update " +
      "brings it into line with the Lausanne Action Plan (Actions 31 to 37) and with IMAS 13.10, the mine action " +
      "standard on victim assistance.",
    "This consultation asks affected States Parties, survivors and their organisations, other States, international " +
      "organisations and civil society what they think of the first draft, section by section. The views received " +
      "will shape a revised draft, which will be discussed informally before it is presented to the Meeting of States Parties.",
  ),
  languages: ["en", "fr", "es", "ar"],
  createdDaysAgo: 45,
};

export const DOCUMENT_VERSION = {
  number: 1,
  title: "First draft",
  note: "Prepared by the co-coordinators with the Implementation Support Unit and circulated for the first call for views.",
  createdDaysAgo: 30,
};

// ───────────────────────────── the draft ─────────────────────────────

export const SECTIONS: SectionContent[] = [
  {
    key: "purpose-and-scope",
    heading: "Purpose and scope",
    tags: ["Article 5", "IMAS 13.10"],
    body: md(
      "This guidance sets out how States Parties can meet their obligations to cluster munition victims under Article 5 " +
        "of the Convention on Cluster Munitions by working through the national systems that already exist for health, " +
        "disability, social protection, education, employment and development, rather than by building separate services " +
        "beside them. It replaces the guidance on an integrated approach adopted in 2016, and brings it into line with the " +
        "Lausanne Action Plan 2021–2026 (Actions 31 to 37) and with the International Mine Action Standard on victim " +
        "assistance, IMAS 13.10.",
      "The guidance is addressed first to the States Parties that have reported obligations under Article 5. As of " +
        "November 2023 these were twelve: Afghanistan, Albania, Bosnia and Herzegovina, Chad, Croatia, Iraq, Lao PDR, " +
        "Lebanon, Mauritania, Montenegro, Somalia and South Sudan. It is equally meant for donor and partner States, whose " +
        "cooperation and assistance make much of this work possible, and for everyone who plans, delivers or monitors " +
        "assistance: survivors and their representative organisations, national mine action authorities, ministries, " +
        "service providers, international organisations and civil society.",
      "The Convention understands victims broadly. Victims are not only the people killed or injured by cluster munitions, " +
        "but also those who have suffered psychological harm, economic loss or social exclusion, or whose rights have been " +
        "substantially impaired, as well as the families and communities affected alongside them. The guidance follows this " +
        "understanding throughout, and uses “survivors” for the people who were themselves injured.",
      "As in the 2016 guidance, each section looks at its subject at three levels: laws, policies and plans; equal access " +
        "to services and resources; and measuring progress. Sections 2 to 4 set out the principles and the national " +
        "framework; sections 5 to 8 take the components of assistance in turn; sections 9 and 10 deal with the people who " +
        "provide assistance and with how progress is measured and reported. Where a section supports a particular action " +
        "of the Lausanne Action Plan, this is indicated.",
      "The guidance creates no new obligations. It collects approaches that have worked in different national contexts so " +
        "that each State can adapt them to its own institutions, resources and needs, in consultation with survivors.",
    ),
    translations: {
      fr: {
        heading: "Objet et champ d'application",
        body: md(
          "Les présentes orientations exposent la manière dont les États parties peuvent s'acquitter de leurs obligations " +
            "envers les victimes d'armes à sous-munitions au titre de l'article 5 de la Convention sur les armes à " +
            "sous-munitions en s'appuyant sur les systèmes nationaux qui existent déjà en matière de santé, de handicap, de " +
            "protection sociale, d'éducation, d'emploi et de développement, plutôt qu'en créant des services distincts à côté " +
            "de ceux-ci. Elles remplacent les orientations sur une approche intégrée adoptées en 2016 et les mettent en " +
            "conformité avec le Plan d'action de Lausanne 2021-2026 (actions 31 à 37) et avec la Norme internationale de " +
            "l'action contre les mines relative à l'assistance aux victimes, l'IMAS 13.10.",
          "Les orientations s'adressent en premier lieu aux États parties qui ont déclaré avoir des obligations au titre de " +
            "l'article 5. En novembre 2023, ils étaient douze : l'Afghanistan, l'Albanie, la Bosnie-Herzégovine, la Croatie, " +
            "l'Irak, le Liban, la Mauritanie, le Monténégro, la République démocratique populaire lao, la Somalie, le Soudan " +
            "du Sud et le Tchad. Elles s'adressent tout autant aux États donateurs et partenaires, dont la coopération et " +
            "l'assistance rendent possible une grande partie de ce travail, ainsi qu'à toutes celles et ceux qui planifient, " +
            "fournissent ou suivent l'assistance : les survivants et les organisations qui les représentent, les autorités " +
            "nationales de l'action contre les mines, les ministères, les prestataires de services, les organisations " +
            "internationales et la société civile.",
          "La Convention retient une conception large des victimes. Sont victimes non seulement les personnes tuées ou " +
            "blessées par des armes à sous-munitions, mais aussi celles qui ont subi un préjudice psychologique, une perte " +
            "économique ou une exclusion sociale, ou dont les droits ont été gravement compromis, ainsi que les familles et " +
            "les communautés touchées avec elles. Les orientations suivent cette conception d'un bout à l'autre et emploient " +
            "le terme « survivants » pour désigner les personnes qui ont elles-mêmes été blessées.",
          "Comme dans les orientations de 2016, chaque section examine son sujet à trois niveaux : les lois, politiques et " +
            "plans ; l'égalité d'accès aux services et aux ressources ; et la mesure des progrès. Les sections 2 à 4 " +
            "présentent les principes et le cadre national ; les sections 5 à 8 traitent tour à tour des composantes de " +
            "l'assistance ; les sections 9 et 10 portent sur les personnes qui fournissent l'assistance et sur la manière de " +
            "mesurer les progrès et d'en rendre compte. Lorsqu'une section contribue à une action précise du Plan d'action " +
            "de Lausanne, cela est indiqué.",
          "Les orientations ne créent aucune obligation nouvelle. Elles rassemblent des approches qui ont fait leurs preuves " +
            "dans différents contextes nationaux, afin que chaque État puisse les adapter à ses institutions, à ses " +
            "ressources et à ses besoins, en consultation avec les survivants.",
        ),
      },
    },
  },
  {
    key: "integrated-approach-principles",
    heading: "Principles of an integrated approach",
    tags: ["Article 5", "CRPD"],
    body: md(
      "An integrated approach treats victim assistance as part of a State's wider efforts to realise the rights of persons " +
        "with disabilities and to reduce poverty, not as a separate sector. Specific victim assistance efforts should act as " +
        "a catalyst that improves laws, services and systems for everyone with similar needs, while broader disability, " +
        "health and development efforts should be designed so that they also reach cluster munition victims.",
      "The Convention on the Rights of Persons with Disabilities (CRPD) provides the rights framework for this approach. " +
        "Most survivors are persons with disabilities, and the obligations a State has accepted under the CRPD, together " +
        "with its commitments under the Sustainable Development Goals, reinforce what Article 5 requires. Aligning victim " +
        "assistance with these frameworks avoids duplication and makes assistance more likely to last.",
      "The following principles apply to every section of this guidance:",
      list(
        "**Non-discrimination.** There must be no discrimination against or among victims, or between victims and people " +
          "who have similar impairments from other causes. Differences in treatment should rest only on medical, " +
          "rehabilitation, psychological or socio-economic needs.",
        "**Age and gender sensitivity and diversity.** Women, girls, boys and men experience injury, disability and " +
          "exclusion differently, as do older people, people in rural or remote areas and members of minority groups. " +
          "Services and plans should respond to these differences.",
        "**Availability, accessibility, affordability and sustainability.** Services must exist where people live, be " +
          "physically and financially within reach, communicate in accessible formats and be funded for the long term.",
        "**Participation.** Survivors and their representative organisations should be closely consulted and actively " +
          "involved in every decision that concerns them.",
        "**National ownership.** Plans, budgets and coordination belong to the State; international cooperation supports " +
          "national effort rather than replacing it.",
      ),
      "Integration does not mean that victims become invisible. A State should still be able to show how cluster munition " +
        "victims are identified, whether they reach the services they need, and where gaps remain. Specific measures, such " +
        "as outreach in contaminated areas or peer support, remain appropriate wherever general systems do not yet reach victims.",
      "For donor and partner States the same logic applies to cooperation: support to victim assistance can be delivered " +
        "through programmes on health, disability inclusion, social protection and development, and can strengthen them, " +
        "provided that those programmes are accessible to victims and report on whether they reach them.",
    ),
    translations: {
      fr: {
        heading: "Principes d'une approche intégrée",
        body: md(
          "Une approche intégrée considère l'assistance aux victimes comme une composante des efforts plus larges d'un État " +
            "pour réaliser les droits des personnes handicapées et réduire la pauvreté, et non comme un secteur à part. Les " +
            "efforts propres à l'assistance aux victimes devraient servir de catalyseur pour améliorer les lois, les services " +
            "et les systèmes au bénéfice de toutes les personnes ayant des besoins similaires, tandis que les efforts plus " +
            "larges en matière de handicap, de santé et de développement devraient être conçus de manière à atteindre " +
            "également les victimes d'armes à sous-munitions.",
          "La Convention relative aux droits des personnes handicapées (CDPH) fournit le cadre de droits de cette approche. " +
            "La plupart des survivants sont des personnes handicapées, et les obligations qu'un État a acceptées au titre de " +
            "la CDPH, ainsi que ses engagements au titre des objectifs de développement durable, renforcent ce qu'exige " +
            "l'article 5. Aligner l'assistance aux victimes sur ces cadres évite les doublons et rend l'assistance plus durable.",
          "Les principes suivants s'appliquent à chaque section des présentes orientations :",
          list(
            "**Non-discrimination.** Aucune discrimination ne doit s'exercer à l'encontre des victimes ou entre elles, ni " +
              "entre les victimes et les personnes présentant des déficiences similaires dues à d'autres causes. Les " +
              "différences de traitement ne doivent reposer que sur des besoins médicaux, de réadaptation, psychologiques " +
              "ou socio-économiques.",
            "**Prise en compte de l'âge, du genre et de la diversité.** Les femmes, les filles, les garçons et les hommes " +
              "vivent différemment les blessures, le handicap et l'exclusion, tout comme les personnes âgées, les habitants " +
              "des zones rurales ou reculées et les membres de groupes minoritaires. Les services et les plans doivent " +
              "tenir compte de ces différences.",
            "**Disponibilité, accessibilité, coût abordable et durabilité.** Les services doivent exister là où vivent les " +
              "personnes, être physiquement et financièrement à leur portée, communiquer dans des formats accessibles et " +
              "être financés sur le long terme.",
            "**Participation.** Les survivants et les organisations qui les représentent doivent être étroitement " +
              "consultés et activement associés à toute décision qui les concerne.",
            "**Appropriation nationale.** Les plans, les budgets et la coordination relèvent de l'État ; la coopération " +
              "internationale appuie l'effort national au lieu de s'y substituer.",
          ),
          "L'intégration ne signifie pas que les victimes deviennent invisibles. Un État doit toujours pouvoir montrer " +
            "comment les victimes d'armes à sous-munitions sont identifiées, si elles ont accès aux services dont elles ont " +
            "besoin et où subsistent des lacunes. Des mesures spécifiques, telles que les services de proximité dans les " +
            "zones contaminées ou le soutien par les pairs, restent appropriées partout où les systèmes généraux " +
            "n'atteignent pas encore les victimes.",
          "Pour les États donateurs et partenaires, la même logique s'applique à la coopération : l'appui à l'assistance " +
            "aux victimes peut passer par des programmes de santé, d'inclusion des personnes handicapées, de protection " +
            "sociale et de développement, et contribuer à les renforcer, à condition que ces programmes soient accessibles " +
            "aux victimes et rendent compte de la mesure dans laquelle ils les atteignent.",
        ),
      },
    },
  },
  {
    key: "data-collection",
    heading: "Data collection and needs assessment",
    tags: ["LAP Action 32", "IMAS 13.10"],
    body: md(
      "Article 5 requires each State Party to make every effort to collect reliable and relevant data on cluster munition " +
        "victims and to assess their needs. Data are the basis of every other part of victim assistance: without them a " +
        "State cannot plan services, budget for them, or show whether victims are being reached.",
      "Data should be disaggregated at least by sex, age and disability, and where possible by location and type of " +
        "impairment, so that plans can respond to the different needs of women, girls, boys and men and of people living " +
        "far from services. Casualty data collected by mine action operators are a starting point, but they describe the " +
        "incident, not the person's needs years later.",
      "States are encouraged to:",
      list(
        "record casualties and survivors' needs in a national information system, or link the systems that already exist, " +
          "rather than rely on one-off surveys;",
        "include disability questions, such as the Washington Group short set, in censuses and household surveys, so that " +
          "victims can be compared with other people with similar impairments;",
        "review needs regularly, since they change over a lifetime: a child's prosthesis must be replaced as the child " +
          "grows, and needs for care and income change with age;",
        "make sure that every need identified leads to a referral to a service, and that the referral is followed up.",
      ),
      "Mine action organisations have a role in this chain. IMAS 13.10 expects them to collect casualty data, to refer " +
        "victims to services and to share information with the authorities responsible for health and disability, even " +
        "where they do not provide assistance themselves.",
      "Personal data about victims are sensitive. Collection should rest on informed consent; data should be kept secure " +
        "and shared only as far as assistance requires; and people should be able to see and correct what is held about them.",
    ),
  },
  {
    key: "focal-points-and-plans",
    heading: "National focal points and action plans",
    tags: ["LAP Action 31", "Article 5"],
    body: md(
      "Each State Party with victims should designate a focal point within the government to coordinate victim assistance. " +
        "The focal point needs a clear mandate, enough authority to bring ministries together, and the staff and budget to " +
        "do the work; it is best placed in, or closely linked to, the ministry that leads on disability or social affairs.",
      "Coordination should involve all the ministries concerned (health, social affairs, education, labour and finance), " +
        "the national mine action authority, service providers, and survivors and their representative organisations. " +
        "Many States use an existing national disability coordination mechanism for this purpose rather than creating a new one.",
      "Article 5 also calls for a national plan with a budget and a timeframe. It may be a dedicated victim assistance " +
        "plan or part of a national disability or development strategy. What matters is that it sets measurable objectives, " +
        "says who is responsible for each, is costed, and is funded from the national budget as well as through " +
        "international cooperation.",
      "Laws and policies should be reviewed so that they guarantee the rights of persons with disabilities in line with " +
        "the CRPD, and so that victims can claim the services and benefits to which they are entitled. Where a law gives " +
        "victims of armed conflict specific entitlements, care should be taken that it does not leave out others with " +
        "similar needs.",
      "Plans should be reviewed regularly with the participation of survivors, and progress reported every year (see " +
        "section 10). States that need support should describe their needs clearly, and donor and partner States should " +
        "align their assistance with the national plan.",
    ),
  },
  {
    key: "medical-care-rehabilitation",
    heading: "Medical care and rehabilitation",
    tags: ["LAP Action 33"],
    body: md(
      "Victims need effective care from the moment of injury and for the rest of their lives. In contaminated areas this " +
        "begins with first aid and rapid transport to a facility able to treat blast and fragmentation injuries, and " +
        "continues with surgery, pain management and the treatment of damage to hearing and sight, which is often overlooked.",
      "Physical rehabilitation (physiotherapy, prosthetics, orthotics, wheelchairs and other assistive products) should be " +
        "part of the national health system, delivered to recognised professional standards. Prostheses and assistive " +
        "products must be maintained and replaced throughout a person's life; children need new devices often as they grow.",
      "To make care available, accessible and affordable, States can:",
      list(
        "train community first responders and health workers in contaminated areas in trauma care;",
        "include rehabilitation and assistive products in health insurance or universal health coverage, so that survivors " +
          "do not depend on project funding;",
        "bring services closer to people through outreach and mobile teams, and help with the cost of transport and " +
          "accommodation;",
        "make sure that referral pathways connect emergency care, rehabilitation and psychosocial support.",
      ),
      "Better trauma care and rehabilitation benefit the whole community, including people injured on the roads, people " +
        "with chronic illness and older people; this is the core of the integrated approach. Donor support lasts longest " +
        "when it strengthens national facilities and the training of national staff.",
    ),
  },
  {
    key: "psychosocial-support",
    heading: "Psychological and psychosocial support",
    tags: ["LAP Action 34"],
    body: md(
      "The psychological and social effects of cluster munitions are often deeper and last longer than the physical " +
        "injuries, yet they receive the least attention and funding. They affect survivors, the families of people killed " +
        "or injured, and whole communities that live with contamination, fear and the loss of livelihoods.",
      "Support should be organised in layers: basic services and security provided with dignity; support within families " +
        "and communities; focused support by trained non-specialists, including peer supporters; and specialised mental " +
        "health care for those who need it. Most people need the first layers; fewer need specialised care, but it must " +
        "be available to them.",
      "Peer support by trained survivors is among the most effective forms of support. Peer supporters understand the " +
        "experience, reach people who would not approach a health service, and show by example that a full life after " +
        "injury is possible. They should be trained, supervised and paid for their work.",
      "Psychosocial support should be part of primary health care and community services, so that it remains available " +
        "when specific projects end. Services should take account of the stigma attached to mental health and of the " +
        "different ways in which women, men, children and older people express distress.",
    ),
  },
  {
    key: "socio-economic-inclusion",
    heading: "Socio-economic inclusion",
    tags: ["LAP Action 35", "CRPD"],
    body: md(
      "Cluster munitions often injure people at the age when they provide for their families, and in rural areas where " +
        "livelihoods depend on physical work and on land that may be contaminated. Socio-economic inclusion (education, " +
        "work, income and social protection) is therefore central to victim assistance, and it is where integration with " +
        "development efforts matters most.",
      "Children and young people who are victims, or whose parents are, should be able to attend inclusive schools and " +
        "vocational training on an equal basis with others. Adults need access to vocational training, employment, support " +
        "for self-employment and credit, with reasonable accommodation at work and protection against discrimination.",
      "Social protection is the safety net for those who cannot work or whose income falls short. Disability allowances " +
        "and pensions should be adequate and easy to apply for, and should not stop as soon as a person starts earning, " +
        "which would discourage work.",
      "Inclusion also depends on accessible transport, buildings and information. States should make sure that national " +
        "development and poverty-reduction programmes, and international development cooperation, include persons with " +
        "disabilities and report on whether victims benefit from them.",
    ),
  },
  {
    key: "survivor-participation",
    heading: "Participation of survivors and their organisations",
    tags: ["LAP Action 36"],
    body: md(
      "The Convention requires States Parties to consult closely with cluster munition victims and their representative " +
        "organisations, and to involve them actively. Participation is both a right and a condition of good assistance: " +
        "survivors know best which services work and where the barriers are.",
      "Meaningful participation goes beyond attending meetings. Survivors should take part in designing, implementing and " +
        "monitoring national plans, sit on coordination bodies, and be included in national delegations to meetings of " +
        "the Convention. Their representative organisations should be helped to become sustainable, with core funding as " +
        "well as project funding.",
      "Participation has practical conditions:",
      list(
        "meetings in accessible venues, with documents in accessible formats and in languages participants understand;",
        "reasonable accommodation, and reimbursement of travel costs and lost income;",
        "enough time to consult members before views are given;",
        "feedback on how the views given were taken into account.",
      ),
      "Particular attention should be given to the participation of women survivors, young people, people living in " +
        "remote areas and the families of those killed, whose voices are heard least often.",
    ),
  },
  {
    key: "professional-training",
    heading: "Training of victim assistance professionals",
    tags: ["LAP Action 37", "IMAS 13.10"],
    body: md(
      "Good services depend on people with the right skills: emergency and trauma care staff, surgeons, physiotherapists, " +
        "prosthetists and orthotists, psychologists and social workers, peer supporters, teachers and employment advisers. " +
        "In many affected States there are too few of them, and most work in the capital.",
      "Training should be built into national education systems, through university and vocational curricula leading " +
        "to recognised qualifications, rather than delivered only as short courses within projects. Rehabilitation " +
        "professionals should be trained to internationally recognised standards.",
      "Staff of mine action organisations, health workers and community workers in contaminated areas should know how to " +
        "recognise victims' needs and refer them to services; IMAS 13.10 sets out what is expected of mine action " +
        "organisations in this respect.",
      "Training should cover the rights of persons with disabilities, gender and age sensitivity, and how to communicate " +
        "with survivors and involve them. Keeping trained staff, especially outside the capital, requires adequate pay and " +
        "career prospects, which national plans should address.",
    ),
  },
  {
    key: "measuring-progress",
    heading: "Measuring progress and reporting",
    tags: ["Article 7", "LAP Action 32"],
    body: md(
      "Measuring progress shows whether victims' lives are actually improving, not only whether activities took place. " +
        "States should set baselines and targets in their national plans and follow them with indicators that can be " +
        "disaggregated by sex, age, disability and location.",
      "Useful indicators combine access to services (for example, the share of identified survivors who received " +
        "rehabilitation in the past year), the quality of those services, and outcomes such as school attendance, " +
        "employment and income compared with the rest of the population. Survivors' own view of whether services meet " +
        "their needs should be part of the evidence.",
      "States report on victim assistance in their annual transparency reports under Article 7 of the Convention. The same " +
        "information can feed reports under the CRPD and on the Sustainable Development Goals, which lightens the " +
        "reporting burden and shows how victim assistance fits within broader efforts.",
      "Independent monitoring by civil society, including the Landmine and Cluster Munition Monitor, complements what " +
        "States report. Reports should describe challenges and unmet needs as well as progress, so that cooperation and " +
        "assistance can be directed where they are most needed.",
    ),
  },
];

// ───────────────────────────── stakeholders ─────────────────────────────

export const STAKEHOLDER_TYPES: StakeholderTypeContent[] = [
  {
    key: "affected-state",
    label: "Affected State Party (Article 5)",
    translations: {
      fr: "État partie affecté (article 5)",
      es: "Estado Parte afectado (artículo 5)",
      ar: "دولة طرف متأثرة (المادة 5)",
    },
  },
  {
    key: "state-party",
    label: "Other State Party",
    translations: { fr: "Autre État partie", es: "Otro Estado Parte", ar: "دولة طرف أخرى" },
  },
  {
    key: "observer-state",
    label: "Signatory or observer State",
    translations: { fr: "État signataire ou observateur", es: "Estado signatario u observador", ar: "دولة موقِّعة أو مراقبة" },
  },
  {
    key: "survivor-org",
    label: "Survivor organisation / organisation of persons with disabilities",
    translations: {
      fr: "Organisation de survivants / organisation de personnes handicapées",
      es: "Organización de sobrevivientes / organización de personas con discapacidad",
      ar: "منظمة ناجين / منظمة أشخاص ذوي إعاقة",
    },
  },
  {
    key: "ngo",
    label: "Civil society / NGO",
    translations: { fr: "Société civile / ONG", es: "Sociedad civil / ONG", ar: "المجتمع المدني / منظمة غير حكومية" },
  },
  {
    key: "international-org",
    label: "International organisation",
    translations: { fr: "Organisation internationale", es: "Organización internacional", ar: "منظمة دولية" },
  },
  {
    key: "convention-body",
    label: "Convention body",
    translations: { fr: "Organe conventionnel", es: "Órgano de la Convención", ar: "هيئة تابعة للاتفاقية" },
  },
];

const submitter = (name: string, email: string, language = "en"): ContactContent => ({
  name,
  email,
  language,
  role: "SUBMITTER",
  isFocalPoint: true,
});
const contributor = (name: string, email: string, language = "en"): ContactContent => ({
  name,
  email,
  language,
  role: "CONTRIBUTOR",
});

/** The demo respondent whose invitation link the server prints at first start. */
export const DEMO_RESPONDENT_EMAIL = "focalpoint@laopdr.example";

export const ORGANISATIONS: OrganisationContent[] = [
  // The twelve States Parties with Article 5 obligations (as of November 2023).
  {
    name: "Afghanistan",
    type: "affected-state",
    country: "AF",
    languages: ["en"],
    timeZone: "Asia/Kabul",
    contacts: [
      submitter("Habibullah Sadat", "va.focalpoint@mophd.afghanistan.example"),
      contributor("Mariam Ahmadzai", "m.ahmadzai@dmac.afghanistan.example"),
    ],
  },
  {
    name: "Albania",
    type: "affected-state",
    country: "AL",
    languages: ["en"],
    timeZone: "Europe/Tirane",
    contacts: [
      submitter("Elira Dervishi", "focalpoint@shendetesia.albania.example"),
      contributor("Arben Kola", "a.kola@amae.albania.example"),
    ],
  },
  {
    name: "Bosnia and Herzegovina",
    shortName: "BiH",
    type: "affected-state",
    country: "BA",
    languages: ["en"],
    timeZone: "Europe/Sarajevo",
    contacts: [submitter("Amra Hadžić", "focalpoint@mcp.bih.example")],
  },
  {
    name: "Chad",
    type: "affected-state",
    country: "TD",
    languages: ["fr", "ar"],
    timeZone: "Africa/Ndjamena",
    contacts: [
      submitter("Mahamat Abakar Issa", "pointfocal@hcnd.tchad.example", "fr"),
      contributor("Achta Djibrine", "a.djibrine@sante.tchad.example", "fr"),
    ],
  },
  {
    name: "Croatia",
    type: "affected-state",
    country: "HR",
    languages: ["en"],
    timeZone: "Europe/Zagreb",
    contacts: [submitter("Ivana Marković", "focalpoint@mvep.croatia.example")],
  },
  {
    name: "Iraq",
    type: "affected-state",
    country: "IQ",
    languages: ["ar", "en"],
    timeZone: "Asia/Baghdad",
    contacts: [
      submitter("Ali Hassan Al-Saadi", "focalpoint@moh.iraq.example", "ar"),
      contributor("Zainab Kareem", "z.kareem@dma.iraq.example", "ar"),
    ],
  },
  {
    name: "Lao People's Democratic Republic",
    shortName: "Lao PDR",
    type: "affected-state",
    country: "LA",
    languages: ["en"],
    timeZone: "Asia/Vientiane",
    contacts: [
      submitter("Souksavanh Phommachanh", DEMO_RESPONDENT_EMAIL),
      contributor("Vilayvanh Keomany", "va@nra.laopdr.example"),
    ],
  },
  {
    name: "Lebanon",
    type: "affected-state",
    country: "LB",
    languages: ["ar", "en", "fr"],
    timeZone: "Asia/Beirut",
    contacts: [
      submitter("Rania Haddad", "focalpoint@lmac.lebanon.example", "ar"),
      contributor("Karim Nassar", "k.nassar@lmac.lebanon.example"),
    ],
  },
  {
    name: "Mauritania",
    type: "affected-state",
    country: "MR",
    languages: ["fr", "ar"],
    timeZone: "Africa/Nouakchott",
    contacts: [submitter("Mohamed Lemine Ould Cheikh", "pointfocal@pnhd.mauritanie.example", "fr")],
  },
  {
    name: "Montenegro",
    type: "affected-state",
    country: "ME",
    languages: ["en"],
    timeZone: "Europe/Podgorica",
    contacts: [submitter("Jelena Vuković", "focalpoint@mvp.montenegro.example")],
  },
  {
    name: "Somalia",
    type: "affected-state",
    country: "SO",
    languages: ["en", "ar"],
    timeZone: "Africa/Mogadishu",
    contacts: [submitter("Abdirahman Warsame", "focalpoint@sema.somalia.example")],
  },
  {
    name: "South Sudan",
    type: "affected-state",
    country: "SS",
    languages: ["en"],
    timeZone: "Africa/Juba",
    contacts: [
      submitter("Grace Akech Deng", "focalpoint@nmaa.southsudan.example"),
      contributor("James Lual Garang", "j.garang@gender.southsudan.example"),
    ],
  },

  // Other States.
  {
    name: "Austria",
    type: "state-party",
    country: "AT",
    languages: ["en"],
    timeZone: "Europe/Vienna",
    contacts: [submitter("Katharina Steiner", "va@bmeia.austria.example")],
  },
  {
    name: "Panamá",
    type: "state-party",
    country: "PA",
    languages: ["es", "en"],
    timeZone: "America/Panama",
    contacts: [submitter("Lucía Castillo", "va@mire.panama.example", "es")],
  },
  {
    name: "Norway",
    type: "state-party",
    country: "NO",
    languages: ["en"],
    timeZone: "Europe/Oslo",
    contacts: [submitter("Ingrid Solberg", "humanitarian@mfa.norway.example")],
  },
  {
    name: "Indonesia",
    type: "observer-state",
    country: "ID",
    languages: ["en"],
    timeZone: "Asia/Jakarta",
    contacts: [submitter("Dewi Kusumawati", "disarmament@kemlu.indonesia.example")],
  },

  // Survivor networks and organisations of persons with disabilities.
  {
    name: "Afghan Landmine Survivors' Organisation",
    shortName: "ALSO",
    type: "survivor-org",
    country: "AF",
    languages: ["en"],
    survivorLed: true,
    timeZone: "Asia/Kabul",
    contacts: [
      submitter("Abdul Wahid Rahimi", "director@also-afghanistan.example"),
      contributor("Nazifa Karimi", "programmes@also-afghanistan.example"),
    ],
  },
  {
    name: "Kukës Survivors' Network",
    type: "survivor-org",
    country: "AL",
    languages: ["en"],
    survivorLed: true,
    timeZone: "Europe/Tirane",
    contacts: [
      submitter("Gentian Berisha", "contact@kukes-survivors.example"),
      contributor("Drita Shehu", "d.shehu@kukes-survivors.example"),
    ],
  },
  {
    name: "Landmine Survivors Initiatives",
    shortName: "LSI",
    type: "survivor-org",
    country: "BA",
    languages: ["en"],
    survivorLed: true,
    timeZone: "Europe/Sarajevo",
    contacts: [submitter("Emir Kovačević", "info@lsi-bih.example")],
  },

  // Civil society.
  {
    name: "Humanity & Inclusion",
    shortName: "HI",
    type: "ngo",
    country: null,
    languages: ["en", "fr"],
    timeZone: "Europe/Paris",
    contacts: [
      submitter("Claire Moreau", "va-advocacy@hi-global.example"),
      contributor("Thomas Leclerc", "t.leclerc@hi-global.example", "fr"),
    ],
  },
  {
    name: "ICBL-CMC (Landmine and Cluster Munition Monitor)",
    shortName: "ICBL-CMC",
    type: "ngo",
    country: null,
    languages: ["en"],
    timeZone: "Europe/Zurich",
    contacts: [submitter("Sarah Whitfield", "monitor@icblcmc.example")],
  },
  {
    name: "Norwegian People's Aid",
    shortName: "NPA",
    type: "ngo",
    country: null,
    languages: ["en"],
    timeZone: "Europe/Oslo",
    contacts: [submitter("Erik Hansen", "va@npaid.example")],
  },
  {
    name: "COPE (Cooperative Orthotic and Prosthetic Enterprise)",
    shortName: "COPE",
    type: "ngo",
    country: "LA",
    languages: ["en"],
    timeZone: "Asia/Vientiane",
    contacts: [submitter("Bounmy Sisomphone", "info@cope-laos.example")],
  },

  // International organisations.
  {
    name: "International Committee of the Red Cross",
    shortName: "ICRC",
    type: "international-org",
    country: null,
    languages: ["en", "fr"],
    timeZone: "Europe/Zurich",
    contacts: [
      submitter("Marc Dubois", "rehabilitation@icrc-demo.example"),
      contributor("Anna Keller", "a.keller@icrc-demo.example"),
    ],
  },
  {
    name: "United Nations Mine Action Service",
    shortName: "UNMAS",
    type: "international-org",
    country: null,
    languages: ["en", "fr"],
    timeZone: "America/New_York",
    contacts: [submitter("Fatima Osman", "victim-assistance@unmas-demo.example")],
  },
  {
    name: "Geneva International Centre for Humanitarian Demining",
    shortName: "GICHD",
    type: "international-org",
    country: null,
    languages: ["en", "fr"],
    timeZone: "Europe/Zurich",
    contacts: [submitter("Lukas Meier", "l.meier@gichd-demo.example")],
  },

  // Convention bodies.
  {
    name: "CCM Implementation Support Unit",
    shortName: "CCM ISU",
    type: "convention-body",
    country: null,
    languages: ["en", "fr", "es"],
    timeZone: "Europe/Zurich",
    contacts: [submitter("Isabelle Laurent", "isu@ccm-demo.example")],
  },
  {
    name: "Anti-Personnel Mine Ban Convention Implementation Support Unit",
    shortName: "APMBC ISU",
    type: "convention-body",
    country: null,
    languages: ["en", "fr", "es"],
    timeZone: "Europe/Zurich",
    contacts: [submitter("Nadia Rossi", "victim-assistance@apmbc-demo.example")],
  },
];

// ───────────────────────────── people running the consultation ─────────────────────────────

export const COORDINATOR_EMAIL = "coordinator@consult.localhost";

export const STAFF_USERS: StaffUserContent[] = [
  {
    email: COORDINATOR_EMAIL,
    name: "Coordinator (Austria)",
    language: "en",
    timeZone: "Europe/Vienna",
    isAdmin: true,
    role: "COORDINATOR",
  },
  {
    email: "coordinator.panama@consult.localhost",
    name: "Coordinator (Panamá)",
    language: "es",
    timeZone: "America/Panama",
    isAdmin: false,
    role: "COORDINATOR",
  },
  {
    email: "analyst@consult.localhost",
    name: "Analyst (Implementation Support Unit)",
    language: "en",
    timeZone: "Europe/Zurich",
    isAdmin: false,
    role: "ANALYST",
  },
];

// ───────────────────────────── round 1 ─────────────────────────────

export const ROUND = {
  number: 1,
  title: "First call for views on the draft",
  instructions: md(
    "Please read each section of the draft and answer the questions beside it. Answer only the sections you know: " +
      "apart from a few questions marked as required, every question is optional.",
    "Your answers are saved as you go, so you can stop and come back later, from any device, until the round closes. " +
      "Several colleagues from your organisation can contribute; the person designated to submit sends the final response.",
    "Before submitting, choose whether your response may be published with your organisation's name, shown only by " +
      "stakeholder type, or kept confidential to the coordinators.",
  ),
  opensInDays: -10,
  closesInDays: 21,
  timeZone: "Europe/Vienna",
  audienceTypes: STAKEHOLDER_TYPES.map((t) => t.key),
  reminderDays: [7, 2],
};

// ───────────────────────────── the questionnaire ─────────────────────────────

const NEEDS_PROMPT = "This section reflects the needs of survivors in your country or in the contexts where you work.";
const NEEDS_PROMPT_FR = "Cette section reflète les besoins des survivants dans votre pays ou dans les contextes où vous travaillez.";
// No "(optional)" in the prompt: the section page marks every question that is not required.
const WORDING_PROMPT = "Propose new wording for the opening paragraph of this section.";
const WORDING_PROMPT_FR = "Proposez une nouvelle formulation du premier paragraphe de cette section.";
const WORDING_HELP =
  "Change only what you want changed: your version is compared with the draft word by word, and you can see the changes before saving.";
const WORDING_HELP_FR =
  "Ne modifiez que ce que vous souhaitez changer : votre version est comparée mot à mot au projet, et vous pouvez voir les modifications avant d'enregistrer.";

const needs = (key: string, section: string): QuestionContent => ({
  key,
  section,
  type: "AGREEMENT",
  prompt: NEEDS_PROMPT,
  translations: { fr: { prompt: NEEDS_PROMPT_FR } },
});

const wording = (key: string, section: string): QuestionContent => ({
  key,
  section,
  type: "PROPOSED_WORDING",
  prompt: WORDING_PROMPT,
  help: WORDING_HELP,
  translations: { fr: { prompt: WORDING_PROMPT_FR, help: WORDING_HELP_FR } },
});

const comments = (key: string, section: string, prompt: string, promptFr: string, help?: [string, string]): QuestionContent => ({
  key,
  section,
  type: "LONG_TEXT",
  prompt,
  ...(help ? { help: help[0] } : {}),
  translations: { fr: { prompt: promptFr, ...(help ? { help: help[1] } : {}) } },
});

/** In the order respondents see them: opening questions, the sections in order, closing questions. */
export const QUESTIONS: QuestionContent[] = [
  {
    key: "role",
    section: null,
    type: "SINGLE_CHOICE",
    prompt: "Which best describes your role in victim assistance?",
    help: "Choose the one that fits best. If you answer for a government, choose the body that coordinated this response.",
    required: true,
    options: [
      { id: "government", label: "Government ministry or victim assistance focal point" },
      { id: "mine-action-authority", label: "National mine action authority or centre" },
      { id: "service-provider", label: "Service provider (health, rehabilitation, psychosocial support or economic inclusion)" },
      { id: "survivor-org", label: "Survivor network or organisation of persons with disabilities" },
      { id: "donor", label: "Donor or partner State" },
      { id: "international", label: "International organisation or agency" },
      { id: "civil-society", label: "Other civil-society organisation" },
      { id: "other", label: "Other" },
    ],
    translations: {
      fr: {
        prompt: "Laquelle de ces descriptions correspond le mieux à votre rôle dans l'assistance aux victimes ?",
        help: "Choisissez la plus proche. Si vous répondez au nom d'un gouvernement, choisissez l'organe qui a coordonné cette réponse.",
        options: {
          government: "Ministère ou point focal national pour l'assistance aux victimes",
          "mine-action-authority": "Autorité ou centre national de l'action contre les mines",
          "service-provider": "Prestataire de services (santé, réadaptation, soutien psychosocial ou inclusion économique)",
          "survivor-org": "Réseau de survivants ou organisation de personnes handicapées",
          donor: "État donateur ou partenaire",
          international: "Organisation ou agence internationale",
          "civil-society": "Autre organisation de la société civile",
          other: "Autre",
        },
      },
    },
  },
  {
    key: "components",
    section: null,
    type: "MULTIPLE_CHOICE",
    prompt: "Which components of victim assistance does your organisation work on?",
    help: "Select all that apply.",
    required: true,
    options: [
      { id: "data-collection", label: "Data collection, needs assessment and referral" },
      { id: "medical-care", label: "Emergency and ongoing medical care" },
      { id: "rehabilitation", label: "Physical rehabilitation, prosthetics and assistive devices" },
      { id: "psychosocial", label: "Psychological and psychosocial support, including peer support" },
      { id: "socio-economic", label: "Socio-economic inclusion (education, employment, social protection)" },
      { id: "laws-policies", label: "Laws, policies, national plans and coordination" },
      { id: "funding", label: "Funding or technical support to others" },
    ],
    translations: {
      fr: {
        prompt: "Sur quelles composantes de l'assistance aux victimes votre organisation travaille-t-elle ?",
        help: "Cochez toutes les réponses pertinentes.",
        options: {
          "data-collection": "Collecte de données, évaluation des besoins et orientation",
          "medical-care": "Soins médicaux d'urgence et continus",
          rehabilitation: "Réadaptation physique, prothèses et aides techniques",
          psychosocial: "Soutien psychologique et psychosocial, y compris le soutien par les pairs",
          "socio-economic": "Inclusion socio-économique (éducation, emploi, protection sociale)",
          "laws-policies": "Lois, politiques, plans nationaux et coordination",
          funding: "Financement ou appui technique à d'autres acteurs",
        },
      },
    },
  },

  // 1 Purpose and scope
  {
    key: "purpose-clear",
    section: "purpose-and-scope",
    type: "AGREEMENT",
    prompt: "The purpose, audience and scope of the guidance are clear.",
    required: true,
    translations: { fr: { prompt: "L'objet, le public visé et le champ d'application des orientations sont clairs." } },
  },
  comments(
    "purpose-comments",
    "purpose-and-scope",
    "Comments on the purpose and scope",
    "Observations sur l'objet et le champ d'application",
    [
      "For example: who else the guidance should address, or what it should not try to cover.",
      "Par exemple : à qui d'autre les orientations devraient s'adresser, ou ce qu'elles ne devraient pas chercher à couvrir.",
    ],
  ),

  // 2 Principles
  {
    key: "principles-agree",
    section: "integrated-approach-principles",
    type: "AGREEMENT",
    prompt: "These principles are the right foundation for an integrated approach to victim assistance.",
    required: true,
    translations: {
      fr: { prompt: "Ces principes constituent le bon fondement d'une approche intégrée de l'assistance aux victimes." },
    },
  },
  wording("principles-wording", "integrated-approach-principles"),
  comments(
    "principles-comments",
    "integrated-approach-principles",
    "Is any principle missing, or should any be explained differently?",
    "Manque-t-il un principe, ou l'un d'eux devrait-il être expliqué autrement ?",
  ),

  // 3 Data collection
  needs("data-agree", "data-collection"),
  {
    key: "data-system",
    section: "data-collection",
    type: "SINGLE_CHOICE",
    prompt: "How are data on victims of cluster munitions and other explosive ordnance held in the country you know best?",
    options: [
      { id: "central-database", label: "In one national database that is regularly updated" },
      { id: "several-systems", label: "In several systems that are not linked" },
      { id: "casualties-only", label: "Casualties are recorded, but not survivors' needs" },
      { id: "none", label: "There is no systematic data collection" },
      { id: "not-applicable", label: "Not applicable to my organisation" },
    ],
    translations: {
      fr: {
        prompt:
          "Comment les données sur les victimes d'armes à sous-munitions et d'autres engins explosifs sont-elles conservées dans le pays que vous connaissez le mieux ?",
        options: {
          "central-database": "Dans une base de données nationale unique, régulièrement mise à jour",
          "several-systems": "Dans plusieurs systèmes qui ne sont pas reliés entre eux",
          "casualties-only": "Les accidents sont enregistrés, mais pas les besoins des survivants",
          none: "Il n'existe pas de collecte systématique de données",
          "not-applicable": "Sans objet pour mon organisation",
        },
      },
    },
  },
  comments(
    "data-comments",
    "data-collection",
    "Comments on data collection and needs assessment",
    "Observations sur la collecte de données et l'évaluation des besoins",
  ),

  // 4 Focal points and plans
  needs("plans-agree", "focal-points-and-plans"),
  {
    key: "plans-has-plan",
    section: "focal-points-and-plans",
    type: "YES_NO",
    prompt: "Does your country have a current national plan covering victim assistance, with a budget?",
    help: "A dedicated plan or a disability or development plan that includes victims. Answer “No” if the plan has expired or has no budget.",
    translations: {
      fr: {
        prompt: "Votre pays dispose-t-il d'un plan national en vigueur couvrant l'assistance aux victimes, doté d'un budget ?",
        help: "Un plan spécifique, ou un plan relatif au handicap ou au développement qui inclut les victimes. Répondez « Non » si le plan est arrivé à échéance ou n'a pas de budget.",
      },
    },
  },
  wording("plans-wording", "focal-points-and-plans"),

  // 5 Medical care and rehabilitation
  needs("medical-agree", "medical-care-rehabilitation"),
  comments(
    "medical-comments",
    "medical-care-rehabilitation",
    "Comments on medical care and rehabilitation",
    "Observations sur les soins médicaux et la réadaptation",
    [
      "Gaps in emergency care, rehabilitation or assistive products that the guidance should address.",
      "Lacunes dans les soins d'urgence, la réadaptation ou les aides techniques que les orientations devraient traiter.",
    ],
  ),

  // 6 Psychosocial support
  needs("psychosocial-agree", "psychosocial-support"),
  wording("psychosocial-wording", "psychosocial-support"),
  comments(
    "psychosocial-comments",
    "psychosocial-support",
    "What has worked in your context to provide psychological, psychosocial and peer support?",
    "Qu'est-ce qui a fonctionné dans votre contexte pour apporter un soutien psychologique, psychosocial et par les pairs ?",
  ),

  // 7 Socio-economic inclusion
  needs("inclusion-agree", "socio-economic-inclusion"),
  {
    key: "inclusion-barriers",
    section: "socio-economic-inclusion",
    type: "MULTIPLE_CHOICE",
    prompt: "Which barriers to socio-economic inclusion weigh most on survivors?",
    help: "Select up to three.",
    options: [
      { id: "distance", label: "Distance from services and the cost of transport" },
      { id: "education", label: "Schools and training that are not inclusive" },
      { id: "employment-discrimination", label: "Discrimination in employment" },
      { id: "credit", label: "No access to credit or livelihood support" },
      { id: "social-protection", label: "Social protection that is too low or hard to obtain" },
      { id: "information", label: "Lack of information about rights and services" },
      { id: "physical-access", label: "Inaccessible buildings and transport" },
    ],
    translations: {
      fr: {
        prompt: "Quels obstacles à l'inclusion socio-économique pèsent le plus sur les survivants ?",
        help: "Choisissez-en trois au maximum.",
        options: {
          distance: "L'éloignement des services et le coût du transport",
          education: "Des écoles et des formations qui ne sont pas inclusives",
          "employment-discrimination": "La discrimination dans l'emploi",
          credit: "L'absence d'accès au crédit ou d'appui aux moyens de subsistance",
          "social-protection": "Une protection sociale trop faible ou difficile à obtenir",
          information: "Le manque d'information sur les droits et les services",
          "physical-access": "Des bâtiments et des transports inaccessibles",
        },
      },
    },
  },
  comments(
    "inclusion-comments",
    "socio-economic-inclusion",
    "Comments on socio-economic inclusion",
    "Observations sur l'inclusion socio-économique",
  ),

  // 8 Participation
  needs("participation-agree", "survivor-participation"),
  wording("participation-wording", "survivor-participation"),
  comments(
    "participation-comments",
    "survivor-participation",
    "How could the participation of survivors be made more meaningful?",
    "Comment rendre la participation des survivants plus effective ?",
  ),

  // 9 Training
  needs("training-agree", "professional-training"),
  comments(
    "training-comments",
    "professional-training",
    "Comments on the training of victim assistance professionals",
    "Observations sur la formation des professionnels de l'assistance aux victimes",
  ),

  // 10 Measuring progress
  needs("measuring-agree", "measuring-progress"),
  {
    key: "measuring-indicator",
    section: "measuring-progress",
    type: "SHORT_TEXT",
    prompt: "Which one indicator would you add to measure progress?",
    help: "One line is enough, for example “share of survivors with a needs review in the past two years”.",
    translations: {
      fr: {
        prompt: "Quel indicateur ajouteriez-vous pour mesurer les progrès ?",
        help: "Une ligne suffit, par exemple « part des survivants dont les besoins ont été réévalués au cours des deux dernières années ».",
      },
    },
  },
  comments(
    "measuring-comments",
    "measuring-progress",
    "Comments on measuring progress and reporting",
    "Observations sur la mesure des progrès et l'établissement des rapports",
  ),

  // Closing questions about the whole document
  {
    key: "main-change",
    section: null,
    type: "SHORT_TEXT",
    prompt: "If you could make one change to the draft, what would it be?",
    help: "One or two sentences.",
    translations: {
      fr: {
        prompt: "Si vous pouviez apporter une seule modification au projet, laquelle serait-ce ?",
        help: "Une ou deux phrases.",
      },
    },
  },
  {
    key: "workshop",
    section: null,
    type: "YES_NO",
    prompt: "Would you take part in an online workshop on the revised draft?",
    help: "The workshop would last two hours, with interpretation into French, Spanish and Arabic.",
    translations: {
      fr: {
        prompt: "Participeriez-vous à un atelier en ligne sur le projet révisé ?",
        help: "L'atelier durerait deux heures, avec interprétation en français, en espagnol et en arabe.",
      },
    },
  },
];

// ───────────────────────────── responses received so far ─────────────────────────────

/** Lao PDR has not answered: that is the demo respondent's job. */
export const RESPONSES: ResponseContent[] = [
  {
    organisation: "Humanity & Inclusion",
    status: "SUBMITTED",
    attribution: "PUBLIC",
    consentToPublish: true,
    author: "va-advocacy@hi-global.example",
    startedDaysAgo: 9,
    submittedDaysAgo: 6,
    answers: {
      role: choose("service-provider"),
      components: choose("data-collection", "rehabilitation", "psychosocial", "socio-economic", "laws-policies"),
      "purpose-clear": choose("strongly-agree"),
      "purpose-comments": say(
        "Clear and well framed. We suggest adding one sentence on victims of other explosive ordnance: in most affected " +
          "countries services do not distinguish cluster munition survivors from other survivors, and the guidance should " +
          "say that this is intended.",
      ),
      "principles-agree": choose("agree"),
      "principles-wording": edit(
        ["not as a separate sector", "not as a separate or parallel sector"],
        ["should be designed so that they also reach", "should be designed, funded and monitored so that they demonstrably reach"],
      ),
      "principles-comments": say(
        "The principles are right, but the text should say more about accountability: integration too often becomes a reason " +
          "to stop tracking victims. We would add that mainstream programmes funded as victim assistance should report " +
          "disaggregated results.",
      ),
      "data-agree": choose("agree"),
      "data-system": choose("several-systems"),
      "data-comments": say(
        "The reference to the Washington Group short set is welcome; please add the Child Functioning Module for children. " +
          "Stress that referrals must be followed up: in our experience a large share are never completed because of the " +
          "cost of transport.",
      ),
      "plans-agree": choose("agree"),
      "plans-has-plan": choose("no"),
      "medical-agree": choose("agree"),
      "medical-comments": say(
        "The section should refer to the WHO Priority Assistive Products List and to rehabilitation as part of universal " +
          "health coverage. Outreach should include home visits for people who cannot travel, not only mobile clinics.",
      ),
      "psychosocial-agree": choose("strongly-agree"),
      "psychosocial-wording": edit([
        "yet they receive the least attention and funding.",
        "yet they are the least recognised and the least funded component of victim assistance.",
      ]),
      "psychosocial-comments": say(
        "Community-based peer support groups, with referral to specialised care when needed, have worked in several " +
          "countries where we operate. The key was paying and supervising peer supporters rather than relying on volunteers.",
      ),
      "inclusion-agree": choose("agree"),
      "inclusion-barriers": choose("distance", "employment-discrimination", "social-protection"),
      "inclusion-comments": say(
        "Add a paragraph on inclusive livelihood programmes in development cooperation, with a clear expectation that " +
          "donors ask implementing partners to report on the participation of persons with disabilities.",
      ),
      "participation-agree": choose("agree"),
      "participation-wording": edit(["Participation is both a right", "Full and effective participation is both a right"]),
      "participation-comments": say(
        "Core funding for survivor organisations is the single most useful measure; short project grants do not build " +
          "organisations that can take part in national coordination year after year.",
      ),
      "training-agree": choose("agree"),
      "training-comments": say(
        "Name the ISPO education standards for prosthetics and orthotics, and include training of community health " +
          "workers in identification and referral.",
      ),
      "measuring-agree": choose("agree"),
      "measuring-indicator": say(
        "Share of survivors who say the services they receive meet their needs, by sex, age and disability",
      ),
      "measuring-comments": say("Encourage States to publish their baselines so that progress can be compared over time."),
      "main-change": say(
        "Make accountability explicit: integrated programmes must show, with disaggregated data, that they reach victims.",
      ),
      workshop: choose("yes"),
    },
  },
  {
    organisation: "International Committee of the Red Cross",
    status: "SUBMITTED",
    attribution: "CONFIDENTIAL",
    consentToPublish: false,
    author: "rehabilitation@icrc-demo.example",
    startedDaysAgo: 8,
    submittedDaysAgo: 5,
    answers: {
      role: choose("international"),
      components: choose("medical-care", "rehabilitation", "psychosocial", "socio-economic"),
      "purpose-clear": choose("agree"),
      "principles-agree": choose("agree"),
      "principles-comments": say(
        "We suggest adding quality of services as a principle alongside availability and accessibility: a service that " +
          "exists but does not meet professional standards can cause harm, particularly in prosthetics.",
      ),
      "data-agree": choose("neutral"),
      "data-system": choose("not-applicable"),
      "data-comments": say(
        "The data protection paragraph is welcome. It should add that data collected for humanitarian purposes must not " +
          "be used for other purposes, and that in conflict settings some data should not be centralised at all.",
      ),
      "plans-agree": choose("dont-know"),
      "medical-agree": choose("agree"),
      "medical-comments": say(
        "The continuum of care should start before the hospital: first aid training for communities and weapon-wounded " +
          "management for surgeons. For rehabilitation, national ownership of physical rehabilitation centres, including " +
          "the supply of components, is what makes services last after international support ends.",
      ),
      "psychosocial-agree": choose("agree"),
      "psychosocial-wording": edit(["are often deeper and last longer than", "can be as severe as, and last longer than,"]),
      "psychosocial-comments": say(
        "Integrating mental health and psychosocial support into physical rehabilitation centres has worked well: patients " +
          "return regularly for their devices, which gives a natural point of contact.",
      ),
      "inclusion-agree": choose("agree"),
      "inclusion-barriers": choose("distance", "credit", "physical-access"),
      "inclusion-comments": say(
        "Micro-economic initiatives for people with disabilities and their families should be mentioned as one option among others.",
      ),
      "participation-agree": choose("agree"),
      "training-agree": choose("strongly-agree"),
      "training-comments": say(
        "Training must be accompanied by mentoring and supervision after graduation; otherwise skills erode quickly in remote facilities.",
      ),
      "measuring-agree": choose("neutral"),
      "measuring-indicator": say("Number of people who received a new or repaired assistive device in the year, against estimated need"),
      "main-change": say("Add quality of services as an explicit principle and make the continuum of care the backbone of section 5."),
      workshop: choose("no"),
    },
  },
  {
    organisation: "Albania",
    status: "SUBMITTED",
    attribution: "PUBLIC",
    consentToPublish: true,
    author: "focalpoint@shendetesia.albania.example",
    startedDaysAgo: 9,
    submittedDaysAgo: 4,
    answers: {
      role: choose("government"),
      components: choose("data-collection", "medical-care", "rehabilitation", "laws-policies"),
      "purpose-clear": choose("agree"),
      "purpose-comments": say(
        "The scope is clear. We suggest stating that the guidance also applies to States that have completed clearance " +
          "but still have survivors with lifelong needs, as is the case for Albania.",
      ),
      "principles-agree": choose("strongly-agree"),
      "principles-wording": edit(
        [
          "to realise the rights of persons with disabilities and to reduce poverty",
          "to realise the rights of persons with disabilities, to reduce poverty and to support recovery after conflict",
        ],
        ["also reach cluster munition victims.", "also reach cluster munition victims, their families and affected communities."],
      ),
      "principles-comments": say(
        "Sustainability needs more emphasis. When international funding ended, several services in the north-east stopped " +
          "and it took years to bring them into the public health system.",
      ),
      "data-agree": choose("agree"),
      "data-system": choose("several-systems"),
      "data-comments": say(
        "Our casualty records go back to 1999 and are held by the mine action authority, while health and social services " +
          "keep their own registers. The guidance could explain how to link these systems, with consent, without building a new database.",
      ),
      "plans-agree": choose("agree"),
      "plans-has-plan": choose("yes"),
      "plans-wording": edit([
        "should designate a focal point within the government",
        "should designate a focal point at a senior level within the government",
      ]),
      "medical-agree": choose("agree"),
      "medical-comments": say(
        "Survivors in the Kukës region still travel to Tirana to have prostheses replaced. Regular outreach visits by the " +
          "national rehabilitation centre would make a real difference.",
      ),
      "psychosocial-agree": choose("neutral"),
      "psychosocial-comments": say(
        "Peer support worked when it was linked to the regional hospital; it is difficult to sustain through volunteers alone.",
      ),
      "inclusion-agree": choose("agree"),
      "inclusion-barriers": choose("distance", "employment-discrimination", "social-protection"),
      "inclusion-comments": say(
        "Disability allowances are lost when a person starts working, as the draft says. Examples of States that changed " +
          "this rule would be useful.",
      ),
      "participation-agree": choose("agree"),
      "participation-comments": say("Survivors are represented in our national coordination meetings; travel support for them should be budgeted."),
      "training-agree": choose("agree"),
      "measuring-agree": choose("neutral"),
      "measuring-indicator": say("Share of registered survivors whose needs were reviewed in the past two years"),
      "main-change": say("Say more about lifelong needs of survivors once clearance is complete."),
      workshop: choose("yes"),
    },
  },
  {
    organisation: "Afghan Landmine Survivors' Organisation",
    status: "SUBMITTED",
    attribution: "PUBLIC",
    consentToPublish: true,
    author: "director@also-afghanistan.example",
    startedDaysAgo: 7,
    submittedDaysAgo: 3,
    answers: {
      role: choose("survivor-org"),
      components: choose("psychosocial", "socio-economic", "laws-policies"),
      "purpose-clear": choose("agree"),
      "principles-agree": choose("agree"),
      "principles-wording": edit([
        "also reach cluster munition victims.",
        "also reach cluster munition victims and survivors of other explosive ordnance, including women and girls, who are the hardest to reach.",
      ]),
      "principles-comments": say(
        "Gender sensitivity must be more concrete. Women survivors in many provinces cannot travel to services without a " +
          "male relative and are rarely seen by female health workers.",
      ),
      "data-agree": choose("disagree"),
      "data-system": choose("casualties-only"),
      "data-comments": say(
        "Casualties are counted but nobody asks survivors what they need. Survivor organisations can do needs assessments " +
          "in communities if they are trained and funded.",
      ),
      "plans-agree": choose("disagree"),
      "plans-has-plan": choose("no"),
      "medical-agree": choose("neutral"),
      "medical-comments": say(
        "Rehabilitation centres exist but they are far from most survivors and the cost of travel is not covered. The " +
          "section is right in principle but does not reflect what happens when funding is cut.",
      ),
      "psychosocial-agree": choose("strongly-agree"),
      "psychosocial-comments": say(
        "Our peer supporters visit families at home. This works because they are survivors themselves and speak the local language.",
      ),
      "inclusion-agree": choose("agree"),
      "inclusion-barriers": choose("education", "credit", "information"),
      "inclusion-comments": say("Vocational training without start-up support or access to credit rarely leads to income."),
      "participation-agree": choose("disagree"),
      "participation-wording": edit([
        "and their representative organisations",
        "and their representative organisations, including organisations led by women survivors",
      ]),
      "participation-comments": say(
        "We are invited to meetings after decisions are made. Survivors should help write the national plan, not only comment on it.",
      ),
      "training-agree": choose("agree"),
      "training-comments": say("Peer supporters should receive certified training, so that their work is recognised and paid."),
      "measuring-agree": choose("agree"),
      "measuring-indicator": say("Number of women survivors reached by services, compared with men"),
      "main-change": say(
        "Add practical measures to reach women and girl survivors where their movement is restricted.",
      ),
      workshop: choose("yes"),
    },
  },
  {
    organisation: "Lebanon",
    status: "SUBMITTED",
    attribution: "TYPE_ONLY",
    consentToPublish: true,
    author: "focalpoint@lmac.lebanon.example",
    startedDaysAgo: 6,
    submittedDaysAgo: 2,
    answers: {
      role: choose("mine-action-authority"),
      components: choose("data-collection", "laws-policies", "funding"),
      "purpose-clear": choose("agree"),
      "purpose-comments": say(
        "The guidance should recognise that many affected States are facing economic crises or renewed conflict, which " +
          "change what is realistic.",
      ),
      "principles-agree": choose("agree"),
      "data-agree": choose("agree"),
      "data-system": choose("central-database"),
      "data-comments": say(
        "A national database exists and is updated with each new casualty, but needs are reviewed only when a project is " +
          "funded. The guidance could propose a minimum review interval.",
      ),
      "plans-agree": choose("neutral"),
      "plans-has-plan": choose("no"),
      "plans-wording": edit([
        "and the staff and budget to do the work",
        "and dedicated staff and a budget line, protected in times of economic crisis, to do the work",
      ]),
      "medical-agree": choose("agree"),
      "medical-comments": say(
        "Hospital costs have become unaffordable for many survivors. The guidance should address how to keep essential " +
          "care and rehabilitation free at the point of use when public budgets shrink.",
      ),
      "psychosocial-agree": choose("agree"),
      "inclusion-agree": choose("neutral"),
      "inclusion-barriers": choose("social-protection", "employment-discrimination", "distance"),
      "inclusion-comments": say(
        "The value of disability allowances has collapsed with inflation. Indexation of social protection should be mentioned.",
      ),
      "participation-agree": choose("agree"),
      "training-agree": choose("agree"),
      "training-comments": say("Many trained professionals have left the country; retention deserves its own paragraph."),
      "measuring-agree": choose("agree"),
      "measuring-comments": say("Reporting formats under Article 7 and the CRPD should be aligned to avoid duplication."),
      "main-change": say("Address how to keep victim assistance going during economic crisis and conflict."),
      workshop: choose("yes"),
    },
  },
  {
    organisation: "Kukës Survivors' Network",
    status: "SUBMITTED",
    attribution: "TYPE_ONLY",
    consentToPublish: true,
    author: "contact@kukes-survivors.example",
    startedDaysAgo: 5,
    submittedDaysAgo: 1,
    answers: {
      role: choose("survivor-org"),
      components: choose("psychosocial", "socio-economic"),
      "purpose-clear": choose("agree"),
      "purpose-comments": say("Please use “survivors” more often; many of us do not want to be called victims."),
      "principles-agree": choose("agree"),
      "principles-comments": say("Add dignity and respect as a principle: how people are treated matters as much as the service."),
      "data-agree": choose("neutral"),
      "data-system": choose("several-systems"),
      "plans-agree": choose("neutral"),
      "plans-has-plan": choose("yes"),
      "medical-agree": choose("disagree"),
      "medical-comments": say(
        "Most of us are now over fifty. The guidance should talk about ageing survivors: new health problems, pain and " +
          "devices that need changing more often.",
      ),
      "psychosocial-agree": choose("agree"),
      "psychosocial-wording": edit([
        "the families of people killed or injured",
        "the families of people killed or injured, including children who lost a parent",
      ]),
      "psychosocial-comments": say(
        "Meeting other survivors helped more than anything else. Our group meets every month, but we pay for the room ourselves.",
      ),
      "inclusion-agree": choose("agree"),
      "inclusion-barriers": choose("distance", "credit", "social-protection"),
      "inclusion-comments": say("Small grants for farming and livestock have helped families in our villages more than training courses."),
      "participation-agree": choose("disagree"),
      "participation-wording": edit(
        ["and to involve them actively.", "and to involve them actively at every stage, from planning to evaluation."],
        ["survivors know best", "survivors and their families know best"],
      ),
      "participation-comments": say(
        "We are asked for our views, but we rarely hear what happened to them. Feedback should be a requirement, not a wish.",
      ),
      "measuring-agree": choose("dont-know"),
      "main-change": say("Write about ageing survivors and give survivors a real role in deciding, not only in being consulted."),
      workshop: choose("yes"),
    },
  },
  {
    organisation: "Iraq",
    status: "DRAFT",
    attribution: "CONFIDENTIAL",
    consentToPublish: false,
    author: "z.kareem@dma.iraq.example",
    startedDaysAgo: 3,
    lastSavedDaysAgo: 1,
    answers: {
      role: choose("government"),
      components: choose("data-collection", "medical-care", "rehabilitation", "laws-policies"),
      "purpose-clear": choose("agree"),
      "data-agree": choose("agree"),
      "data-system": choose("several-systems"),
      "data-comments": say(
        "Casualty data are held separately in the federal system and in the Kurdistan Region. [Draft — to be completed " +
          "with the Ministry of Health before submission.]",
      ),
    },
  },
];

// ───────────────────────────── triage so far ─────────────────────────────

export type WorklistContent = {
  summary: string;
  /** A section key; null for the document as a whole. */
  section: string | null;
  type: "GENERAL" | "TECHNICAL" | "EDITORIAL";
  priority: "HIGH" | "MEDIUM" | "LOW";
  status: "OPEN" | "ACCEPTED" | "ACCEPTED_WITH_CHANGES" | "NOT_ACCEPTED" | "NOTED" | "REFERRED";
  rationale: string;
  owner?: string;
  /** The answers it comes from: [organisation, question key]. */
  sources: Array<[string, string]>;
  createdDaysAgo: number;
};

/**
 * What the coordinators have made of the first answers, so the demo's worklist, tags and
 * "% reviewed" show the triage under way. The medical-care section is left untouched for the
 * walkthrough (and the end-to-end test) that triages it.
 */
export const WORKLIST: WorklistContent[] = [
  {
    summary: "Say that survivors of other explosive ordnance are reached through the same services",
    section: "purpose-and-scope",
    type: "TECHNICAL",
    priority: "MEDIUM",
    status: "ACCEPTED",
    rationale: "Services rarely distinguish cluster munition survivors from others. The scope will say that reaching every survivor through the same services is intended.",
    owner: COORDINATOR_EMAIL,
    sources: [["Humanity & Inclusion", "purpose-comments"]],
    createdDaysAgo: 4,
  },
  {
    summary: "Cover survivors' lifelong needs after clearance is complete",
    section: "purpose-and-scope",
    type: "TECHNICAL",
    priority: "HIGH",
    status: "ACCEPTED_WITH_CHANGES",
    rationale: "One sentence in the scope; the detail belongs in section 4, on national action plans.",
    owner: "coordinator.panama@consult.localhost",
    sources: [
      ["Albania", "purpose-comments"],
      ["Albania", "main-change"],
    ],
    createdDaysAgo: 3,
  },
  {
    summary: "Prefer “survivors” where the text means people",
    section: "purpose-and-scope",
    type: "EDITORIAL",
    priority: "LOW",
    status: "OPEN",
    rationale: "",
    sources: [["Kukës Survivors' Network", "purpose-comments"]],
    createdDaysAgo: 0.5,
  },
  {
    summary: "Recognise economic crises and renewed conflict in affected States",
    section: "purpose-and-scope",
    type: "GENERAL",
    priority: "LOW",
    status: "NOTED",
    rationale: "The guidance already asks for plans that are realistic; situations differ too much between States to say more here.",
    sources: [["Lebanon", "purpose-comments"]],
    createdDaysAgo: 1,
  },
  {
    summary: "Add quality of services as a principle",
    section: "integrated-approach-principles",
    type: "GENERAL",
    priority: "HIGH",
    status: "OPEN",
    rationale: "",
    owner: COORDINATOR_EMAIL,
    sources: [
      ["International Committee of the Red Cross", "principles-comments"],
      ["International Committee of the Red Cross", "main-change"],
    ],
    createdDaysAgo: 2,
  },
  {
    summary: "Make gender sensitivity concrete: reach women survivors whose movement is restricted",
    section: "integrated-approach-principles",
    type: "TECHNICAL",
    priority: "HIGH",
    status: "REFERRED",
    rationale: "Referred to the Implementation Support Unit's gender focal point for wording before the intersessional meeting.",
    sources: [
      ["Afghan Landmine Survivors' Organisation", "principles-comments"],
      ["Afghan Landmine Survivors' Organisation", "main-change"],
    ],
    createdDaysAgo: 1,
  },
];

/** When the tags below were applied: after the last response came in. */
export const TAGGED_DAYS_AGO = 0.25;

/** Tags applied to answers: [tag, organisation, question key]. */
export const TAGS: Array<[string, string, string]> = [
  ["terminology", "Kukës Survivors' Network", "purpose-comments"],
  ["gender", "Afghan Landmine Survivors' Organisation", "principles-comments"],
  ["gender", "Afghan Landmine Survivors' Organisation", "main-change"],
  ["lifelong needs", "Albania", "purpose-comments"],
  ["lifelong needs", "Albania", "main-change"],
];
