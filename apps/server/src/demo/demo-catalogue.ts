// Who is in the demo: the team, and the clients with their people. Invented names throughout;
// client domains use the reserved `.example` top-level domain.

/** How an account manager tends to keep promises, so the analytics have differences to show. */
export type DeliveryStyle = 'steady' | 'erratic' | 'early' | 'average';

export interface DemoTeamMember {
  name: string;
  email: string;
  role: 'account_manager' | 'leader';
  /** Only account managers own accounts and make promises. */
  style: DeliveryStyle | null;
}

export const demoTeam: readonly DemoTeamMember[] = [
  {
    name: 'María López',
    email: 'maria.lopez@steadfast.demo',
    role: 'account_manager',
    style: 'steady',
  },
  {
    name: 'Jonas Becker',
    email: 'jonas.becker@steadfast.demo',
    role: 'account_manager',
    style: 'erratic',
  },
  {
    name: 'Priya Raman',
    email: 'priya.raman@steadfast.demo',
    role: 'account_manager',
    style: 'early',
  },
  {
    name: 'Tom Whitfield',
    email: 'tom.whitfield@steadfast.demo',
    role: 'account_manager',
    style: 'average',
  },
  { name: 'Helen Okafor', email: 'helen.okafor@steadfast.demo', role: 'leader', style: null },
];

export type Region = 'de' | 'uk' | 'us' | 'sg' | 'nl' | 'fr';

export interface DemoCompany {
  name: string;
  domain: string;
  timeZone: string;
  region: Region;
}

function company(name: string, domain: string, timeZone: string, region: Region): DemoCompany {
  return { name, domain: `${domain}.example`, timeZone, region };
}

export const demoCompanies: readonly DemoCompany[] = [
  company('Nordwind Logistik GmbH', 'nordwind-logistik', 'Europe/Berlin', 'de'),
  company('Hanseatic Cold Chain AG', 'hanseatic-coldchain', 'Europe/Berlin', 'de'),
  company('Brenner Maschinenbau GmbH', 'brenner-mb', 'Europe/Berlin', 'de'),
  company('Alpenmilch Distribution GmbH', 'alpenmilch-distribution', 'Europe/Berlin', 'de'),
  company('Kessler Pharma Services', 'kessler-pharma', 'Europe/Berlin', 'de'),
  company('Harbourside Wholesale Ltd', 'harbourside-wholesale', 'Europe/London', 'uk'),
  company('Pennine Building Supplies', 'pennine-building', 'Europe/London', 'uk'),
  company('Thames Valley Medical Supplies', 'tvms', 'Europe/London', 'uk'),
  company('Ashgrove Retail Group', 'ashgrove-retail', 'Europe/London', 'uk'),
  company('Clydebank Marine Parts', 'clydebank-marine', 'Europe/London', 'uk'),
  company('Brightline Dental Group', 'brightline-dental', 'America/New_York', 'us'),
  company('Meridian Freight Partners', 'meridian-freight', 'America/New_York', 'us'),
  company('Hudson Office Interiors', 'hudson-interiors', 'America/New_York', 'us'),
  company('Keystone Auto Parts Co.', 'keystone-autoparts', 'America/New_York', 'us'),
  company('Lakeshore Food Service', 'lakeshore-foods', 'America/Chicago', 'us'),
  company('Prairie Ag Equipment', 'prairie-ag', 'America/Chicago', 'us'),
  company('Pacific Crest Outfitters', 'pacific-crest', 'America/Los_Angeles', 'us'),
  company('Sierra Solar Installations', 'sierra-solar', 'America/Los_Angeles', 'us'),
  company('Golden Gate Coffee Roasters', 'gg-roasters', 'America/Los_Angeles', 'us'),
  company('Cascade Biotech Labs', 'cascade-biotech', 'America/Los_Angeles', 'us'),
  company('Straits Electronics Pte Ltd', 'straits-electronics', 'Asia/Singapore', 'sg'),
  company('Lion City Fulfilment', 'lioncity-fulfilment', 'Asia/Singapore', 'sg'),
  company('Marina Bay Hospitality Group', 'mbhg', 'Asia/Singapore', 'sg'),
  company('Tuas Precision Engineering', 'tuas-precision', 'Asia/Singapore', 'sg'),
  company('Van Dijk Horticulture B.V.', 'vandijk-horti', 'Europe/Amsterdam', 'nl'),
  company('Rotterdam Port Services', 'rps-port', 'Europe/Amsterdam', 'nl'),
  company('Zuidas Legal Partners', 'zuidas-legal', 'Europe/Amsterdam', 'nl'),
  company('Maison Lefèvre Boulangeries', 'maison-lefevre', 'Europe/Paris', 'fr'),
  company('Rhône Pharma Logistique', 'rhone-pharma', 'Europe/Paris', 'fr'),
  company('Atelier Garnier Mobilier', 'atelier-garnier', 'Europe/Paris', 'fr'),
];

interface RegionPeople {
  firstNames: readonly string[];
  lastNames: readonly string[];
  /** A phone prefix and the digits that follow it, in fictional-number ranges. */
  phone: (digits: string) => string;
  sites: readonly string[];
}

export const regionPeople: Readonly<Record<Region, RegionPeople>> = {
  de: {
    firstNames: [
      'Anna',
      'Lukas',
      'Katrin',
      'Stefan',
      'Julia',
      'Matthias',
      'Sabine',
      'Felix',
      'Jana',
      'Tobias',
      'Miriam',
      'Henrik',
    ],
    lastNames: [
      'Schmidt',
      'Wagner',
      'Hoffmann',
      'Krüger',
      'Neumann',
      'Fischer',
      'Wolf',
      'Braun',
      'Vogel',
      'Yılmaz',
      'Lehmann',
      'Schulz',
    ],
    phone: (d) => `+49 30 5557 ${d}`,
    sites: ['Hamburg', 'Leipzig', 'Duisburg', 'Munich'],
  },
  uk: {
    firstNames: [
      'Oliver',
      'Charlotte',
      'Harry',
      'Amelia',
      'James',
      'Sophie',
      'Rhys',
      'Fiona',
      'Imran',
      'Grace',
      'Callum',
      'Priyanka',
    ],
    lastNames: [
      'Hughes',
      'Patel',
      'Davies',
      'Thompson',
      'Clarke',
      'Robertson',
      'Evans',
      'Shaw',
      'Okonkwo',
      'Ali',
      'Murray',
      'Bennett',
    ],
    phone: (d) => `+44 20 7946 0${d.slice(1)}`,
    sites: ['Leeds', 'Bristol', 'Manchester', 'Glasgow'],
  },
  us: {
    firstNames: [
      'Megan',
      'Daniel',
      'Ashley',
      'Marcus',
      'Jennifer',
      'Kevin',
      'Rosa',
      'Tyler',
      'Brandon',
      'Latoya',
      'Hannah',
      'Luis',
      'Samantha',
      'Derek',
    ],
    lastNames: [
      'Johnson',
      'Nguyen',
      'Martinez',
      'Carter',
      'Sullivan',
      'Brooks',
      'Kim',
      'Reyes',
      'Washington',
      'Hoffman',
      'Patel',
      'Greene',
      'Ortiz',
      'Walsh',
    ],
    phone: (d) => `+1 212 555 01${d.slice(2)}`,
    sites: ['Newark', 'Columbus', 'Dallas', 'Reno'],
  },
  sg: {
    firstNames: ['Wei Ling', 'Arjun', 'Hui Min', 'Darren', 'Siti', 'Kelvin', 'Mei', 'Rajesh'],
    lastNames: ['Tan', 'Lim', 'Ng', 'Goh', 'Rahman', 'Chua', 'Menon', 'Koh'],
    phone: (d) => `+65 6555 ${d}`,
    sites: ['Jurong', 'Tuas', 'Changi', 'Woodlands'],
  },
  nl: {
    firstNames: ['Sanne', 'Daan', 'Femke', 'Jeroen', 'Lotte', 'Bram', 'Eva', 'Joris'],
    lastNames: ['de Vries', 'Jansen', 'Bakker', 'Visser', 'Smit', 'Mulder', 'de Boer', 'Meijer'],
    phone: (d) => `+31 20 555 ${d}`,
    sites: ['Rotterdam', 'Venlo', 'Tilburg', 'Almere'],
  },
  fr: {
    firstNames: ['Camille', 'Julien', 'Élodie', 'Nicolas', 'Claire', 'Thomas', 'Manon', 'Hugo'],
    lastNames: ['Martin', 'Bernard', 'Dubois', 'Moreau', 'Laurent', 'Girard', 'Roux', 'Fournier'],
    phone: (d) => `+33 1 5555 ${d}`,
    sites: ['Lyon', 'Lille', 'Marseille', 'Orléans'],
  },
};

export const contactRoles: readonly string[] = [
  'Head of Procurement',
  'Operations Manager',
  'IT Lead',
  'Finance Director',
  'Warehouse Manager',
  'Supply Chain Lead',
  'Office Manager',
  'Managing Director',
];

/** `María López` → `maria.lopez`: e-mail local parts without accents or spaces. */
export function emailLocalPart(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '.')
    .replace(/^\.|\.$/g, '');
}
