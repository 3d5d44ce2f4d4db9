// Today's position: people already in service (the rest of each stay drawn given how long it has lasted) and
// people already waiting (served longest-waiting first), placed at the start of a replication.
import { visitDays, visitsOnDay } from './compile.js';
import type { RunningSimulator } from './engineState.js';
import { EV_DEPARTURE } from './engineConstants.js';
import { drawStay, drawStayGiven, drawStaySeenNow } from './stays.js';

/** Places today's position: people in service (remaining stays drawn given their time so far), then those waiting. */
export function placeInitialState(sim: RunningSimulator): void {
  const m = sim.m;
  const people = sim.people;
  for (let s = 0; s < sim.S; s++) {
    const rng = sim.stateRng[s];
    const known = m.initialInService[s];
    const occupants = known.length + m.initialInServiceUnknown[s];
    for (let i = 0; i < occupants; i++) {
      let total: number;
      let elapsed: number;
      if (i < known.length) {
        elapsed = known[i];
        total = drawStayGiven(m, s, rng, elapsed);
      } else [total, elapsed] = drawStaySeenNow(m, s, rng);
      const p = people.add();
      people.arrivedAt[p] = -elapsed;
      people.readyAt[p] = -elapsed;
      people.blockedIn[p] = -1;
      people.fromAcute[p] = 0;
      people.counted[p] = 0;
      people.stay[p] = total;
      sim.drawRoute(s, p, rng);
      sim.busy[s]++;
      if (m.isVisit[s]) {
        // Visits still to come: the rest of the profile of a stay of `total` days, from today.
        const n = visitDays(total);
        const done = Math.min(Math.floor(elapsed), n - 1);
        const base = s * sim.T;
        for (let k = done; k < n && k - done < sim.T; k++)
          sim.visitsByDay[base + k - done] += visitsOnDay(m.visitFirst[s], m.visitLast[s], n, k);
        sim.events.push(n - done, (p << 8) | (s << 3) | EV_DEPARTURE);
      } else sim.events.push(total - elapsed, (p << 8) | (s << 3) | EV_DEPARTURE);
    }
  }
  for (let s = 0; s < sim.S; s++) {
    const rng = sim.stateRng[s];
    const known = m.initialWaiting[s];
    const waiting = known.length + m.initialWaitingUnknown[s];
    for (let i = 0; i < waiting; i++) {
      const waited = i < known.length ? known[i] : 0;
      const p = people.add();
      people.arrivedAt[p] = -waited;
      people.readyAt[p] = -waited;
      people.fromAcute[p] = 1;
      people.blockedIn[p] = -1;
      people.counted[p] = 1;
      const priority = m.priorityShare[s] > 0 && rng.uniform() < m.priorityShare[s];
      people.stay[p] = drawStay(m, s, rng);
      sim.drawRoute(s, p, rng);
      sim.offer(s, p, 0, priority);
    }
  }
}
