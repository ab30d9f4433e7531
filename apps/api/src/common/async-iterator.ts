// GraphQL subscriptions take an AsyncIterator; our events are RxJS streams.
import { Observable } from 'rxjs';

export function toAsyncIterator<T>(source: Observable<T>): AsyncIterableIterator<T> {
  const queue: T[] = [];
  const waiting: ((r: IteratorResult<T>) => void)[] = [];
  let done = false;
  const subscription = source.subscribe({
    next: (value) => {
      const w = waiting.shift();
      if (w) w({ value, done: false });
      else queue.push(value);
    },
    complete: () => finish(),
    error: () => finish(),
  });
  const finish = () => {
    done = true;
    subscription.unsubscribe();
    for (const w of waiting.splice(0)) w({ value: undefined, done: true });
  };
  return {
    next: () => {
      if (queue.length > 0) return Promise.resolve({ value: queue.shift() as T, done: false });
      if (done) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve) => waiting.push(resolve));
    },
    return: () => {
      finish();
      queue.length = 0;
      return Promise.resolve({ value: undefined, done: true });
    },
    throw: (e?: unknown) => {
      finish();
      return Promise.reject(e);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
