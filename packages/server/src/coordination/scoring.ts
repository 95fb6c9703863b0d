import type { ServedBefore } from './coordination.repository.js';
import type { LanguageFit } from './language-match.js';
import type { SlotFit } from './proposed-slots.js';

/**
 * The points of each criterion; a suggestion's score is their sum. Speaking
 * the language is not scored: it is the condition for being suggested.
 *
 * | criterion     | points                                         | why                                                          |
 * | ------------- | ---------------------------------------------- | ------------------------------------------------------------ |
 * | variety       | 25 when it is the one asked for                | Darija is not Standard Arabic: the family may not follow     |
 * | gender        | 25 when it is the one asked for                | a stated preference, often decisive with families            |
 * | freeSlot      | 15 when free in one proposed slot at least     | else the dates go back to the requester                      |
 * | everyFreeSlot | up to 5, by the share of proposed slots free   | more choice left to the requester                            |
 * | sameCase      | 15 for the same request or case, or named one  | a family or pupil already knows and trusts them              |
 * | organisation  | 2 per appointment with it, at most 6           | knows the school or service and its people                   |
 * | level         | native 10, C2 8, C1 6, B2 4, B1 2, else 0      | tells speakers apart                                         |
 * | load          | 10 × (1 − own minutes ÷ the busiest one's)     | spreads the month's work among the candidates                |
 *
 * What the requester asked for (variety, gender) outweighs any one other
 * criterion (free time: 20, continuity: 21, level, load: 10), not all of
 * them together; the proposed dates are "to be confirmed according to the
 * mediators' availability" ("da confermare in base alla disponibilità dei
 * mediatori", as the A.1 form tells the school), a person's variety or
 * gender is not. Ties go to the lighter month, then by name.
 */
export const WEIGHTS = {
  variety: 25,
  gender: 25,
  freeSlot: 15,
  everyFreeSlot: 5,
  sameCase: 15,
  organisationPerAppointment: 2,
  organisationMax: 6,
  level: { native: 10, C2: 8, C1: 6, B2: 4, B1: 2, A2: 0, A1: 0 } as Readonly<Record<string, number>>,
  load: 10,
} as const;

export type Reason =
  | { kind: 'language'; level: string; points: number }
  | { kind: 'variety'; match: boolean; points: number }
  | { kind: 'gender'; match: boolean; points: number }
  | { kind: 'continuity'; appointments: number; sameCase: number; named: boolean; points: number }
  | { kind: 'freeSlots'; slots: SlotFit[]; proposed: number; points: number }
  | { kind: 'load'; month: string; minutesThisMonth: number; points: number };

export interface Facts {
  language: LanguageFit;
  /** whether the mediator's gender is the one asked for; null when none was */
  gender: boolean | null;
  served: ServedBefore;
  /** named by the requester as the mediator who served before */
  named: boolean;
  fits: SlotFit[];
  /** how many slots the request proposes; 0: availability is not a criterion */
  proposed: number;
  month: string;
  minutes: number;
  /** the most minutes any candidate has in the month */
  busiest: number;
}

const oneDecimal = (n: number) => Math.round(n * 10) / 10;

/** The reasons for a mediator's place, each with its points. */
export function reasonsFor(f: Facts): Reason[] {
  const reasons: Reason[] = [{ kind: 'language', level: f.language.level, points: WEIGHTS.level[f.language.level] ?? 0 }];
  if (f.language.variety !== null) reasons.push({ kind: 'variety', match: f.language.variety, points: f.language.variety ? WEIGHTS.variety : 0 });
  if (f.gender !== null) reasons.push({ kind: 'gender', match: f.gender, points: f.gender ? WEIGHTS.gender : 0 });
  const organisation = Math.min(f.served.appointments * WEIGHTS.organisationPerAppointment, WEIGHTS.organisationMax);
  reasons.push({
    kind: 'continuity',
    appointments: f.served.appointments,
    sameCase: f.served.sameCase,
    named: f.named,
    points: (f.served.sameCase > 0 || f.named ? WEIGHTS.sameCase : 0) + organisation,
  });
  if (f.proposed > 0) {
    const points = f.fits.length > 0 ? WEIGHTS.freeSlot + WEIGHTS.everyFreeSlot * (f.fits.length / f.proposed) : 0;
    reasons.push({ kind: 'freeSlots', slots: f.fits, proposed: f.proposed, points: oneDecimal(points) });
  }
  const load = f.busiest > 0 ? WEIGHTS.load * (1 - f.minutes / f.busiest) : WEIGHTS.load;
  reasons.push({ kind: 'load', month: f.month, minutesThisMonth: f.minutes, points: oneDecimal(load) });
  return reasons;
}

export function scoreOf(reasons: readonly Reason[]): number {
  return oneDecimal(reasons.reduce((sum, r) => sum + r.points, 0));
}
