// Benchmarks only (tools/bench/graphql-bench.mjs): with CONCORD_COUNT_SQL=1 outside production, every
// HTTP response carries `X-SQL-Statements`, the number of statements the process has sent to PostgreSQL
// so far (BEGIN/COMMIT included, counted at pg's Client#query). A client that sends one request at a
// time reads a request's statements as the difference from the previous response. A process-wide count
// rather than an AsyncLocalStorage per request: on Node 20 that adds a promise hook to every await,
// which the latencies being measured would pay. With CONCORD_COUNT_SQL=trace each statement is also
// written to stderr (`SQL-TRACE {"sql","params"}`) for EXPLAIN.
import type { NextFunction, Request, Response } from 'express';
import { Client } from 'pg';

let statements = 0;
let patched = false;

export function sqlCountingWanted(production: boolean): boolean {
  return (process.env.CONCORD_COUNT_SQL === '1' || process.env.CONCORD_COUNT_SQL === 'trace') && !production;
}

/** Express middleware that reports the running statement count in a response header. */
export function countSqlStatements() {
  if (!patched) {
    patched = true;
    const query = Client.prototype.query as (...args: unknown[]) => unknown;
    const trace = process.env.CONCORD_COUNT_SQL === 'trace';
    Client.prototype.query = function (this: Client, ...args: unknown[]) {
      statements++;
      if (trace) {
        const [first, values] = args as [string | { text?: string; values?: unknown[] }, unknown];
        const sql = typeof first === 'string' ? first : first?.text;
        process.stderr.write(`SQL-TRACE ${JSON.stringify({ sql, params: Array.isArray(values) ? values : typeof first === 'object' ? first?.values : undefined })}\n`);
      }
      return query.apply(this, args);
    } as typeof Client.prototype.query;
  }
  return (_req: Request, res: Response, next: NextFunction) => {
    const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => Response;
    res.writeHead = ((...args: unknown[]) => {
      if (!res.headersSent) res.setHeader('X-SQL-Statements', String(statements));
      return writeHead(...args);
    }) as typeof res.writeHead;
    next();
  };
}
