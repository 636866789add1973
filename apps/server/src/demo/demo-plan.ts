import { type Cast, planCast } from './demo-cast.ts';
import { planAtRisk, planDueToday, planOverdue } from './demo-open-promises.ts';
import { type PromisePlan, planOrdinary } from './demo-promise-plan.ts';
import type { Random } from './random.ts';

export interface DemoPlan extends Cast {
  /** Oldest first. */
  promises: PromisePlan[];
}

/** Everything the demo will contain, decided before anything is written. */
export function planDemo(random: Random, now: number): DemoPlan {
  const cast = planCast(random, now);
  const planner = { random, cast, now };
  const weights = cast.accounts.map((account, index) => [index, account.promiseWeight] as const);
  const promises: PromisePlan[] = [];
  const ordinary = random.int(330, 390);
  for (let attempt = 0; promises.length < ordinary && attempt < ordinary * 3; attempt += 1) {
    const promise = planOrdinary(planner, random.weighted(weights));
    if (promise !== null) promises.push(promise);
  }
  const placed = [
    ...Array.from({ length: random.int(4, 6) }, () => planDueToday(planner)),
    ...Array.from({ length: random.int(3, 5) }, () => planAtRisk(planner)),
    ...Array.from({ length: random.int(4, 7) }, () => planOverdue(planner)),
  ];
  promises.push(...placed);
  return { ...cast, promises: promises.sort((a, b) => a.madeAt - b.madeAt) };
}
