// The stock graphql-ws client, collecting what a subscription delivers.
import { createClient, Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface Collected<T> {
  events: T[];
  errors: { message: string; extensions?: { code?: string } }[];
  stop(): Promise<void>;
}

export function subscribe<T = Record<string, any>>(baseUrl: string, query: string, variables: Record<string, unknown>, auth: { token?: string; headers?: Record<string, string> }): Collected<T> {
  const headers = auth.headers ?? {};
  class HeaderSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  }
  const client: Client = createClient({
    url: `${baseUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: HeaderSocket,
    connectionParams: auth.token ? { token: auth.token } : {},
    retryAttempts: 0,
    lazy: false,
  });
  const collected: Collected<T> = {
    events: [],
    errors: [],
    async stop() {
      unsubscribe();
      await client.dispose();
    },
  };
  const unsubscribe = client.subscribe<T>(
    { query, variables },
    {
      next: (r) => {
        if (r.data) collected.events.push(r.data as T);
        if (r.errors) collected.errors.push(...(r.errors as Collected<T>['errors']));
      },
      error: (e) => collected.errors.push(...(Array.isArray(e) ? e : [{ message: String((e as Error)?.message ?? e) }])),
      complete: () => undefined,
    },
  );
  return collected;
}
