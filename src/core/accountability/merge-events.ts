/**
 * Small async-iterator tools for subscriptions. They are written as plain iterators, not
 * async generators: a generator waiting on its source cannot be ended until the source yields,
 * so an unsubscribing client would leave the topic subscribed.
 */

/** Maps each event, dropping those the map turns into null. */
export function mapEvents<T, U>(
  source: AsyncIterable<T>,
  map: (event: T) => U | null,
): AsyncIterableIterator<U> {
  const inner = source[Symbol.asyncIterator]();
  const iterator: AsyncIterableIterator<U> = {
    async next(): Promise<IteratorResult<U>> {
      for (;;) {
        const result = await inner.next();
        if (result.done) return { value: undefined, done: true };
        const mapped = map(result.value);
        if (mapped !== null) return { value: mapped, done: false };
      }
    },
    async return(): Promise<IteratorResult<U>> {
      await inner.return?.();
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}

/** Events of several sources as they come; ending it ends every source, and calls onEnd once. */
export function mergeEvents<T>(
  sources: AsyncIterable<T>[],
  onEnd: () => void = () => undefined,
): AsyncIterableIterator<T> {
  const inners = sources.map((source) => source[Symbol.asyncIterator]());
  const pending = new Map<number, Promise<{ index: number; result: IteratorResult<T> }>>();
  const pull = (index: number) =>
    pending.set(index, inners[index].next().then((result) => ({ index, result })));
  inners.forEach((_, index) => pull(index));
  let ended = false;
  const end = async () => {
    if (ended) return;
    ended = true;
    onEnd();
    await Promise.all(inners.map((inner) => inner.return?.()));
  };

  const iterator: AsyncIterableIterator<T> = {
    async next(): Promise<IteratorResult<T>> {
      while (!ended && pending.size > 0) {
        const { index, result } = await Promise.race(pending.values());
        if (result.done) {
          pending.delete(index);
          continue;
        }
        pull(index);
        return { value: result.value, done: false };
      }
      await end();
      return { value: undefined, done: true };
    },
    async return(): Promise<IteratorResult<T>> {
      await end();
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}
