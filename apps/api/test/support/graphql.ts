// A small GraphQL-over-HTTP client for the integration tests: bearer token or cookie, raw responses.
export const DEMO_PASSWORD = 'concord-demo';
export const DEMO = {
  lead: 'lead@demo.concord.test',
  editor: 'editor@demo.concord.test',
  memberHe: 'member.he@demo.concord.test',
  memberNhs: 'member.nhs@demo.concord.test',
  reviewer: 'reviewer@demo.concord.test',
  observer: 'observer@demo.concord.test',
} as const;

export interface GqlError {
  message: string;
  extensions?: { code?: string; field?: string; reason?: string; [k: string]: unknown };
}
export interface GqlResponse<T = Record<string, any>> {
  status: number;
  data?: T | null;
  errors?: GqlError[];
  headers: Headers;
}

export class Api {
  constructor(readonly baseUrl: string, public token?: string, private readonly headers: Record<string, string> = {}) {}

  as(token: string | undefined): Api {
    return new Api(this.baseUrl, token, this.headers);
  }

  async gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, extraHeaders: Record<string, string> = {}): Promise<GqlResponse<T>> {
    const res = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.token ? { authorization: `Bearer ${this.token}` } : {}), ...this.headers, ...extraHeaders },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json().catch(() => ({}))) as { data?: T; errors?: GqlError[] };
    return { status: res.status, data: body.data, errors: body.errors, headers: res.headers };
  }

  /** Runs an operation that must succeed, and returns its data. */
  async ok<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const r = await this.gql<T>(query, variables);
    if (r.errors?.length || !r.data) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors)}`);
    return r.data;
  }

  async login(email: string, password = DEMO_PASSWORD): Promise<Api> {
    const data = await this.ok<{ login: { token: string } }>(`mutation($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { token } }`, { e: email, p: password });
    return this.as(data.login.token);
  }
}

export function codeOf(r: GqlResponse): string | undefined {
  return r.errors?.[0]?.extensions?.code;
}
