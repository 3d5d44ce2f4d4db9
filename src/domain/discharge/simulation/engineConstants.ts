/** Event types, packed into the low 3 bits of an event's payload (then 5 bits of service, 24 of person or token). */
export const EV_ARRIVAL = 1;
export const EV_DEPARTURE = 2;
export const EV_CAPACITY = 3;
export const EV_READY = 4;
/** A visit service's first-in-queue person can start (payload: the plan's token; stale plans are skipped). */
export const EV_VISIT = 5;
/** Flex: places ready after their lead time (payload: token × 2), or the flex window opening or closing (1). */
export const EV_FLEX = 6;

export const FLEX_CLOSED = 0;
export const FLEX_OPENING = 1;
export const FLEX_OPEN = 2;
/** Closing: no one new takes a flex place; each closes as its occupant leaves. */
export const FLEX_CLOSING = 3;

/** Waiting-time histograms: bins of a quarter day up to 30 days, the last bin holds everything longer. */
export const WAIT_BIN_DAYS = 0.25;
export const WAIT_BINS = 121;
