import type { InstrumentDefinition } from './definition'

type Domains = InstrumentDefinition['domains']
type Scales = InstrumentDefinition['scales']

/** The ten domains the starter instruments share, so executive and team views compare by domain. */
export const starterDomains: Domains = [
  {
    key: 'D01',
    title: 'Everyday interactions',
    description: 'Whether everyday contact conveys hope, respect and belief in recovery',
    wording: {
      'person-using-service': {
        title: 'How staff treat you',
        description: 'How staff talk with you and treat you from day to day.',
      },
    },
  },
  {
    key: 'D02',
    title: 'Learning together',
    description: 'Co-produced training and education for staff, people using services and families',
    wording: {
      'person-using-service': {
        title: 'Learning together',
        description: 'Whether you and your family can learn alongside staff.',
      },
    },
  },
  {
    key: 'D03',
    title: 'Recovery education',
    description: 'A recovery college or equivalent learning offer open to all',
    wording: {
      'person-using-service': {
        title: 'Courses and learning',
        description: 'Courses and classes you can go to, like a recovery college.',
      },
    },
  },
  {
    key: 'D04',
    title: 'Leadership and culture',
    description: 'Leaders model, resource and hold the organisation to recovery values',
    wording: {
      'person-using-service': {
        title: 'The people in charge',
        description: 'Whether the people who run this service care about your recovery.',
      },
    },
  },
  {
    key: 'D05',
    title: 'Personal choice and control',
    description: 'Personalised planning, choice and shared decisions',
    wording: {
      'person-using-service': {
        title: 'Your choices',
        description: 'Whether you have a say in your care and the choices made about it.',
      },
    },
  },
  {
    key: 'D06',
    title: 'Safety and positive risk',
    description: 'Shared, collaborative approaches to safety and risk',
    wording: {
      'person-using-service': {
        title: 'Feeling safe',
        description: 'How staff work with you to keep you safe.',
      },
    },
  },
  {
    key: 'D07',
    title: 'Involvement in governance',
    description: 'People with lived experience in decisions, boards and evaluation',
    wording: {
      'person-using-service': {
        title: 'Having a say in the service',
        description: 'Whether people who use services help to decide how it is run.',
      },
    },
  },
  {
    key: 'D08',
    title: 'Lived-experience workforce',
    description: 'Peer support workers and lived-experience roles, their support and growth',
    wording: {
      'person-using-service': {
        title: 'Peer support workers',
        description: 'Staff who have been through mental health problems themselves.',
      },
    },
  },
  {
    key: 'D09',
    title: 'Staff wellbeing',
    description: 'Staff supported in their own wellbeing and recovery',
    wording: {
      'person-using-service': {
        title: 'Staff wellbeing',
        description: 'Whether staff are looked after, so they can look after you.',
      },
    },
  },
  {
    key: 'D10',
    title: 'Life beyond services',
    description: 'Work, home, relationships and community connection',
    wording: {
      'person-using-service': {
        title: 'Your life outside',
        description: 'Work, home, friends, family and things you enjoy doing.',
      },
    },
  },
]

export const stage4: Scales[number] = {
  id: 'STAGE4',
  title: 'Stage of development',
  levels: [
    {
      value: 0,
      label: 'Not yet started',
      descriptor: 'No work on this has begun or been planned.',
    },
    {
      value: 1,
      label: 'Engaging',
      descriptor: 'Leaders have agreed it matters and early plans or conversations are under way.',
    },
    {
      value: 2,
      label: 'Developing',
      descriptor: 'It happens in some services or some of the time, but not yet consistently.',
    },
    {
      value: 3,
      label: 'Embedded',
      descriptor: 'It is routine across the organisation, checked regularly and sustained.',
    },
  ],
}

export const agree5: Scales[number] = {
  id: 'AGREE5',
  title: 'Agreement',
  levels: [
    { value: 1, label: 'Strongly disagree' },
    { value: 2, label: 'Disagree' },
    { value: 3, label: 'Neither agree nor disagree' },
    { value: 4, label: 'Agree' },
    { value: 5, label: 'Strongly agree' },
  ],
}
