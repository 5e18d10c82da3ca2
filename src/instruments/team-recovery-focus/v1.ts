import type { InstrumentDefinition } from '../definition'
import { agree5, starterDomains } from '../starter-parts'

type ItemText = Pick<InstrumentDefinition['items'][number], 'linkId' | 'domain' | 'text'>

const items: ItemText[] = [
  {
    linkId: 'T01',
    domain: 'D01',
    text: {
      staff:
        'Staff in our team show that they believe the people we support can recover and have good lives.',
      'person-using-service': 'Staff here believe I can get better and have a good life.',
    },
  },
  {
    linkId: 'T02',
    domain: 'D01',
    text: {
      staff: 'We treat the people we support with respect and listen to what they tell us.',
      'person-using-service': 'Staff treat me with respect and listen to me.',
    },
  },
  {
    linkId: 'T03',
    domain: 'D01',
    text: {
      staff: 'We talk with people about their hopes and strengths, not only their problems.',
      'person-using-service':
        'Staff talk with me about my hopes and what I am good at, not just my problems.',
    },
  },
  {
    linkId: 'T04',
    domain: 'D02',
    text: {
      staff:
        'Our team has had training that people with lived experience helped to plan and deliver.',
      'person-using-service':
        'People who have had mental health problems help to train the staff here.',
    },
  },
  {
    linkId: 'T05',
    domain: 'D02',
    text: {
      staff: 'People we support and their families are invited to learn alongside staff.',
      'person-using-service': 'I have been asked to learn things together with staff.',
    },
  },
  {
    linkId: 'T06',
    domain: 'D03',
    text: {
      staff: 'We tell people about courses they can join, such as a recovery college.',
      'person-using-service': 'Staff have told me about courses or classes I can join.',
    },
  },
  {
    linkId: 'T07',
    domain: 'D03',
    text: {
      staff: 'We help people to take part in learning that interests them.',
      'person-using-service': 'Staff help me to join in with learning that interests me.',
    },
  },
  {
    linkId: 'T08',
    domain: 'D04',
    text: {
      staff: 'Our team leader makes recovery a priority in how the team works.',
      'person-using-service':
        'The people in charge here care about helping me to get better in my own way.',
    },
  },
  {
    linkId: 'T09',
    domain: 'D04',
    text: {
      staff: 'We have the time and support we need to work in a recovery-focused way.',
      'person-using-service': 'Staff have time to help me with the things that matter to me.',
    },
  },
  {
    linkId: 'T10',
    domain: 'D05',
    text: {
      staff: 'Care plans are written with the person and set out their own goals.',
      'person-using-service': 'My care plan was made with me and says what I want.',
    },
  },
  {
    linkId: 'T11',
    domain: 'D05',
    text: {
      staff: 'People have real choices about their care and support.',
      'person-using-service': 'I can choose the kind of help I get.',
    },
  },
  {
    linkId: 'T12',
    domain: 'D05',
    text: {
      staff: 'Decisions about care and medication are made together with the person.',
      'person-using-service': 'Staff and I decide together about my care and my medicines.',
    },
  },
  {
    linkId: 'T13',
    domain: 'D06',
    text: {
      staff: 'We make safety plans together with the person and the people close to them.',
      'person-using-service': 'I helped to make my plan for keeping safe.',
    },
  },
  {
    linkId: 'T14',
    domain: 'D06',
    text: {
      staff: 'We support people to try things that matter to them, even when there is some risk.',
      'person-using-service': 'Staff help me to try new things, even if there is a bit of risk.',
    },
  },
  {
    linkId: 'T15',
    domain: 'D06',
    text: {
      staff:
        'We use restrictions only when they are really needed, and talk them through with the person.',
      'person-using-service':
        'Staff only stop me doing things when they really have to, and they tell me why.',
    },
  },
  {
    linkId: 'T16',
    domain: 'D07',
    text: {
      staff: 'People we support help to decide how our team works and what it could do better.',
      'person-using-service': 'I get a say in how this service is run.',
    },
  },
  {
    linkId: 'T17',
    domain: 'D07',
    text: {
      staff:
        'We ask people what they think of our service and tell them what we changed as a result.',
      'person-using-service':
        'Staff ask what I think of the service and tell me what they changed.',
    },
  },
  {
    linkId: 'T18',
    domain: 'D08',
    text: {
      staff: 'Our team includes peer support workers.',
      'person-using-service':
        'I can get support from a peer worker here (someone who has had mental health problems too).',
    },
  },
  {
    linkId: 'T19',
    domain: 'D08',
    text: {
      staff:
        'Peer support workers in our team are valued and listened to as equal members of the team.',
      'person-using-service': 'Peer workers here are treated as an important part of the team.',
    },
  },
  {
    linkId: 'T20',
    domain: 'D08',
    text: {
      staff: 'Our team makes it easy for people to see a peer support worker when they want to.',
      'person-using-service': 'It is easy for me to see a peer worker when I want to.',
    },
  },
  {
    linkId: 'T21',
    domain: 'D09',
    text: {
      staff: 'Our team has the support it needs to look after staff wellbeing.',
      'person-using-service': 'Staff here seem to have the support they need to do their job well.',
    },
  },
  {
    linkId: 'T22',
    domain: 'D09',
    text: {
      staff: "People in our team look out for each other's wellbeing.",
      'person-using-service': 'Staff here look out for each other.',
    },
  },
  {
    linkId: 'T23',
    domain: 'D10',
    text: {
      staff: 'We help people with work, study, volunteering, housing and money when they want it.',
      'person-using-service':
        'Staff help me with things like work, study, housing or money if I want.',
    },
  },
  {
    linkId: 'T24',
    domain: 'D10',
    text: {
      staff: 'We help people to stay connected with family, friends and their community.',
      'person-using-service':
        'Staff help me to keep in touch with family, friends and my community.',
    },
  },
]

/**
 * A clinical team's own view: 24 statements over the ten domains, AGREE5, worded for staff and,
 * in plain English, for people using the service.
 */
export const teamRecoveryFocusV1: InstrumentDefinition = {
  url: 'urn:recovery-culture:questionnaire:team-recovery-focus',
  slug: 'team-recovery-focus',
  version: 1,
  title: 'Team recovery focus',
  description:
    'Staff and people using the service say how far they agree with statements about how the team works. Answer on your own and anonymously, or agree the answers together in a team workshop.',
  status: 'active',
  perspectives: ['staff', 'person-using-service'],
  scales: [agree5],
  domains: starterDomains,
  items: items.map((item) => ({ ...item, scale: 'AGREE5', allowNA: true, allowDK: true })),
}
