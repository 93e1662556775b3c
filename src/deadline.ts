/** A deadline on work that sets none itself (a connector send, a staff delivery). */

/**
 * `work`, or a rejection with `late()` once `ms` have passed; the timer is cleared either way. The work
 * itself is not stopped: give it an abort signal too where it takes one.
 */
export function withDeadline<T>(work: Promise<T>, ms: number, late: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(late()), ms);
  });
  return Promise.race([work, expired]).finally(() => clearTimeout(timer));
}

/**
 * `work(signal)`, or a rejection with `late()` once `ms` have passed, and then `signal` is aborted (with that
 * error as its reason) so that the work stops too, where everything it calls takes the signal.
 */
export function withAbortingDeadline<T>(
  work: (signal: AbortSignal) => Promise<T>,
  ms: number,
  late: () => Error,
): Promise<T> {
  const controller = new AbortController();
  const running = Promise.resolve().then(() => work(controller.signal));
  return withDeadline(running, ms, () => {
    const error = late();
    controller.abort(error);
    return error;
  });
}
