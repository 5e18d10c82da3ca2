import type { InstrumentDefinition } from '../definition'
import { stage4, starterDomains } from '../starter-parts'

type ItemText = Pick<InstrumentDefinition['items'][number], 'linkId' | 'domain' | 'text'>

const items: ItemText[] = [
  {
    linkId: 'E01',
    domain: 'D01',
    text: {
      executive:
        'Staff in every service speak with people in a way that conveys hope and a belief that recovery is possible.',
    },
  },
  {
    linkId: 'E02',
    domain: 'D01',
    text: {
      executive:
        'People using our services are treated as experts in their own lives, in everyday conversations and in what is written about them.',
    },
  },
  {
    linkId: 'E03',
    domain: 'D01',
    text: {
      executive:
        'The language in our records, letters and meetings is respectful and plain, and avoids labels that diminish people.',
    },
  },
  {
    linkId: 'E04',
    domain: 'D01',
    text: {
      executive:
        'We routinely ask people how they experience their contact with our staff, and we act on what they tell us.',
    },
  },
  {
    linkId: 'E05',
    domain: 'D02',
    text: {
      executive:
        'Training for staff is designed and delivered together with people who have lived experience of mental health difficulties.',
    },
  },
  {
    linkId: 'E06',
    domain: 'D02',
    text: {
      executive:
        'People using services, families and staff learn alongside each other in shared sessions.',
    },
  },
  {
    linkId: 'E07',
    domain: 'D02',
    text: {
      executive:
        'Recovery-focused practice is part of induction and core training for every staff group, including managers and support staff.',
    },
  },
  {
    linkId: 'E08',
    domain: 'D03',
    text: {
      executive:
        'We offer a recovery college or similar learning programme that anyone can join: people using services, families and staff.',
    },
  },
  {
    linkId: 'E09',
    domain: 'D03',
    text: {
      executive:
        'Courses in our learning offer are planned and taught by tutors with lived experience working alongside tutors with professional experience.',
    },
  },
  {
    linkId: 'E10',
    domain: 'D03',
    text: { executive: 'Staff tell people about the learning offer and help them to take part.' },
  },
  {
    linkId: 'E11',
    domain: 'D04',
    text: {
      executive:
        "The board sets out recovery as a central aim of the organisation's strategy, with a named executive responsible for it.",
    },
  },
  {
    linkId: 'E12',
    domain: 'D04',
    text: {
      executive:
        'Leaders at every level show recovery values in how they make decisions and how they speak about the people we serve.',
    },
  },
  {
    linkId: 'E13',
    domain: 'D04',
    text: {
      executive:
        'Money, time and staff are committed to recovery-focused work in our mainstream plans, not only in pilot projects.',
    },
  },
  {
    linkId: 'E14',
    domain: 'D04',
    text: {
      executive:
        'The board regularly receives evidence of how recovery-focused our services are, and acts on it.',
    },
  },
  {
    linkId: 'E15',
    domain: 'D05',
    text: {
      executive:
        'Care plans are written with the person, in their own words, and set out their own goals.',
    },
  },
  {
    linkId: 'E16',
    domain: 'D05',
    text: {
      executive:
        'People are offered real choices about their treatment and support, and about who provides it.',
    },
  },
  {
    linkId: 'E17',
    domain: 'D05',
    text: {
      executive:
        'Decisions about care, including medication, are made together with the person, who has the information they need.',
    },
  },
  {
    linkId: 'E18',
    domain: 'D05',
    text: { executive: 'People can easily see, and add to, what is written about them.' },
  },
  {
    linkId: 'E19',
    domain: 'D06',
    text: {
      executive:
        'Safety plans are made together with the person and those close to them, and build on what helps the person stay well.',
    },
  },
  {
    linkId: 'E20',
    domain: 'D06',
    text: {
      executive:
        'Our policies support staff to take positive risks that help people build the life they want.',
    },
  },
  {
    linkId: 'E21',
    domain: 'D06',
    text: {
      executive:
        'Restrictive practices are monitored, discussed openly at board level and steadily reduced.',
    },
  },
  {
    linkId: 'E22',
    domain: 'D07',
    text: {
      executive:
        'People with lived experience take part in decisions at board and committee level, with the support and payment they need.',
    },
  },
  {
    linkId: 'E23',
    domain: 'D07',
    text: {
      executive:
        'People using services and carers help to design, review and improve our services.',
    },
  },
  {
    linkId: 'E24',
    domain: 'D07',
    text: { executive: 'People with lived experience help to recruit staff at every level.' },
  },
  {
    linkId: 'E25',
    domain: 'D07',
    text: {
      executive:
        'People with lived experience help to evaluate our services and to decide what counts as success.',
    },
  },
  {
    linkId: 'E26',
    domain: 'D08',
    text: { executive: 'Every clinical team includes peer support workers.' },
  },
  {
    linkId: 'E27',
    domain: 'D08',
    text: {
      executive:
        'Peer support workers have clear roles, fair pay and a career path, including senior lived-experience roles.',
    },
  },
  {
    linkId: 'E28',
    domain: 'D08',
    text: {
      executive:
        'Peer support workers are supervised by people who understand peer support, and can meet with other peer workers.',
    },
  },
  {
    linkId: 'E29',
    domain: 'D08',
    text: {
      executive: 'Staff in other roles understand and value what peer support workers contribute.',
    },
  },
  {
    linkId: 'E30',
    domain: 'D09',
    text: {
      executive:
        'Staff are supported to look after their own wellbeing, and can talk about their mental health without fear of judgement.',
    },
  },
  {
    linkId: 'E31',
    domain: 'D09',
    text: {
      executive:
        'Staff with their own lived experience of mental health difficulties are encouraged to draw on it in their work, if they choose to.',
    },
  },
  {
    linkId: 'E32',
    domain: 'D09',
    text: {
      executive:
        'Managers make reasonable adjustments and offer flexible support when staff need it.',
    },
  },
  {
    linkId: 'E33',
    domain: 'D10',
    text: {
      executive:
        'Our services help people to find and keep work, study or volunteering that they value.',
    },
  },
  {
    linkId: 'E34',
    domain: 'D10',
    text: {
      executive:
        'Our services help people with housing, money and other practical matters that affect their recovery.',
    },
  },
  {
    linkId: 'E35',
    domain: 'D10',
    text: {
      executive:
        'Our services help people to build ties with family, friends and their community, beyond mental health services.',
    },
  },
]

/** The organisation's own view, for its executive team: 35 items over the ten domains, STAGE4. */
export const orgRecoveryExecV1: InstrumentDefinition = {
  url: 'urn:recovery-culture:questionnaire:org-recovery-exec',
  slug: 'org-recovery-exec',
  version: 1,
  title: 'Organisational recovery focus: executive self-assessment',
  description:
    'The executive team rates how far each recovery practice has developed across the whole organisation, from not yet started to embedded. Complete it together as a team (consensus) or each on your own (individual).',
  status: 'active',
  perspectives: ['executive'],
  scales: [stage4],
  domains: starterDomains,
  items: items.map((item) => ({ ...item, scale: 'STAGE4', allowNA: false, allowDK: true })),
}
