import type { InformChannel, PromiseKind } from '@steadfast/domain';

// What the demo's promises say. The company in the demo sells warehouse technology (scanners,
// label printers, sensors) with a customer portal, so the promises are about those.

/** Fills for a title: `{contact}`, `{site}`, `{qty}`, `{ref}`, `{quarter}`. */
export const promiseTitles: Readonly<Record<PromiseKind, readonly string[]>> = {
  delivery: [
    'Deliver {qty} handheld scanners',
    'Ship {qty} replacement print heads',
    'Deliver {qty} rugged tablets with charging cradles',
    'Ship {qty}k RFID tags for the {site} warehouse',
    'Install dock-door sensors at the {site} site',
    'Deliver loaner label printers while theirs are repaired',
    'Ship spare batteries for the scanner fleet',
    'Deliver the {site} starter kit (scanners, cradles, printers)',
  ],
  response: [
    "Answer {contact}'s question about invoice INV-{ref}",
    'Reply to the security questionnaire follow-up',
    'Confirm stock for {qty} thermal label printers',
    'Get back about the SLA credit request',
    'Confirm the delivery address change for {site}',
    'Reply on API rate limits for their ERP sync',
    "Answer {contact}'s question about the firmware update",
  ],
  callback: [
    'Call {contact} back about the renewal terms',
    'Call back about the delayed order',
    "Return {contact}'s call about user training",
    'Call {contact} with the repair diagnosis',
    'Call back to walk through the new price list',
    'Call {contact} about the {site} go-live date',
  ],
  quote: [
    'Quote for {qty} additional scanners',
    'Revised quote with a volume discount',
    'Quote for the {site} site rollout',
    'Quote for a three-year support extension',
    'Price the RFID pilot for {site}',
    'Quote for replacing the {site} printer fleet',
  ],
  document: [
    'Send the countersigned NDA',
    'Share the ISO 27001 certificate',
    'Send the onboarding plan',
    'Send the Q{quarter} service report',
    'Send the updated data processing agreement',
    'Certificate of conformity for the last shipment',
    'Send the rollout checklist for {site}',
  ],
  fix: [
    'Fix the CSV export timing out',
    'Resolve duplicate invoices in the portal',
    'Fix the SSO login loop for {site} users',
    'Correct the VAT rate on their invoices',
    'Repair the scanners returned under RMA-{ref}',
    'Restore the missing label templates',
    'Fix the stock sync that stops overnight',
  ],
  meeting: [
    'Quarterly business review',
    'Onboarding kickoff with {contact}',
    'Renewal planning meeting',
    'Site visit at {site}',
    'Training session for the {site} shift leads',
    'Roadmap preview for {contact}',
  ],
  other: [
    'Introduce {contact} to our ERP integration partner',
    'Arrange a reference call with another customer',
    'Set up a sandbox account for their IT team',
    'Send the spare-parts price list for {site}',
  ],
};

export const promiseConditions: readonly string[] = [
  'Provided the customer sends the signed specs',
  'Provided the purchase order arrives this week',
  'Provided their IT team whitelists our IP range',
  'Provided we receive the sample files',
  'Provided finance approves the credit limit',
  'Provided the site survey confirms power at the dock doors',
];

/** Why a promise looked like slipping, by kind. */
export const atRiskReasons: Readonly<Record<PromiseKind, readonly string[]>> = {
  delivery: [
    'Carrier reports a backlog at the hub',
    'Supplier delay on charging cradles',
    'Customs hold at the port',
    'Stock count was wrong: units are not on the shelf',
  ],
  response: [
    'The specialist who knows the answer is out today',
    'Waiting on finance for the figures',
  ],
  callback: ['Back-to-back escalations all day', 'Still waiting for the repair diagnosis'],
  quote: ['Pricing approval from finance is taking longer', 'Supplier has not confirmed costs yet'],
  document: [
    'Legal review is taking longer than planned',
    'Auditor has not issued the certificate',
  ],
  fix: [
    'Root cause still unknown after the first attempt',
    'Needs a patch from our hardware vendor',
    'Only reproducible in their environment',
  ],
  meeting: ['Presenter called away to another client', 'Travel to the site fell through'],
  other: ['Partner has not replied yet', 'Waiting on an internal sign-off'],
};

export const alternatives: Readonly<Record<PromiseKind, readonly string[]>> = {
  delivery: [
    'Partial shipment of the units in stock now',
    'Loaner devices until the order arrives',
    'Express shipping at our cost',
    'Buy from our partner distributor; we cover the difference',
  ],
  response: [
    'A call with our specialist tomorrow morning',
    'A first answer now, the details later',
  ],
  callback: ['A call first thing tomorrow', 'A written summary by e-mail today'],
  quote: ['An indicative price today, the firm quote later', 'Quote the standard bundle first'],
  document: ['A draft now, the signed version later', 'The previous version with a cover letter'],
  fix: [
    'Workaround: export in smaller batches',
    'Manual processing by our support team meanwhile',
    'Daily status updates until it is fixed',
  ],
  meeting: ['A video call at the same time', 'Another date this week of their choosing'],
  other: ['An introduction by e-mail instead', 'Another contact who can help sooner'],
};

export const renegotiationReasons: readonly string[] = [
  'Supplier moved the shipping date',
  'Agreed with the customer after the at-risk call',
  'Customer preferred to wait for the complete order',
  'New date agreed to include the extra units',
  'Vendor patch expected later than planned',
];

export const missedNotes: readonly string[] = [
  'Customer took the alternative we offered',
  'Customer sourced it elsewhere',
  'Could not deliver in time; customer informed',
];

export const silentMissNotes: readonly (string | null)[] = [
  null,
  null,
  'Noticed only when the customer chased',
  'Slipped through during the stock-take week',
];

export const releasedReasons: readonly string[] = [
  'Customer no longer needs it: project on hold',
  'Customer solved it themselves',
  'Customer sourced it locally',
  'Superseded by the new framework agreement',
];

export const cancelledReasons: readonly string[] = [
  'Order cancelled in Orderdesk',
  'Duplicate of another promise',
  'Customer withdrew the purchase order',
  'Recorded against the wrong account',
];

export const milestones: Readonly<Partial<Record<PromiseKind, readonly string[]>>> = {
  delivery: ['Order confirmed by the warehouse', 'Picked and packed', 'Handed to carrier'],
  fix: ['Reproduced the issue', 'Fix deployed to staging'],
  document: ['First draft sent for internal review'],
  quote: ['Costs confirmed by the supplier'],
};

export const promiseDetails: Readonly<Partial<Record<PromiseKind, readonly string[]>>> = {
  delivery: [
    'Deliver to the goods-in dock; call ahead.',
    'Needs the pallet labels in their format.',
  ],
  fix: ['Affects the night shift most.', 'Ticket raised by their IT lead.'],
  quote: ['Include installation and training.', 'They compare us with two other vendors.'],
  meeting: ['Agenda: usage, open issues, next quarter.'],
};

export const channelWeights: readonly (readonly [InformChannel, number])[] = [
  ['email', 50],
  ['phone', 35],
  ['chat', 10],
  ['meeting', 5],
];
