/**
 * Scan workers (`node:worker_threads`): the bundled binary starts copies of itself
 * (`new Worker(__filename)`, the same `dist/cli.js`, in a checkout, an npm install or the
 * vsix), which scan the files they are sent with the same code as the main thread
 * (scanFile.ts) and send back plain results. The main thread assembles the report in walk
 * order, so output does not depend on which worker scanned what.
 */
import type { MessagePort, Worker } from 'node:worker_threads';
import { createWeakSecretChecker, inspectToken, type VerificationKey } from '../core';
import type { ScanPath } from './files';
import type { ScanPool, ScanWorkerInit } from './scan';
import { chunkBuffer, scanFile, type FileScan } from './scanFile';
import { loadCliKeys } from './verify';

/** `workerData.role` of a scan worker: the entry point checks it to run {@link serveScanWorker} instead of the CLI. */
export const SCAN_WORKER_ROLE = 'token-lens/scan-worker';

/**
 * The argument a scan worker is started with (appended to its `process.argv`): the entry point
 * loads `node:worker_threads` to read its role only when it is there, so a CLI run that starts
 * no worker never loads the module.
 */
export const SCAN_WORKER_ARG = '--token-lens-scan-worker';

/** Most files in one message: a message costs tens of microseconds, a small file about as much. */
const MAX_BATCH = 64;
/** Batches handed to one worker before it reports back: keeps each busy while the main thread collects. */
const BATCHES_IN_FLIGHT = 2;

type Task = { readonly fsPath: Uint8Array; readonly display: string; readonly given: boolean; readonly skipped?: string; readonly regular?: boolean };
type Batch = { readonly id: number; readonly tasks: readonly Task[] };
type Reply = { readonly id: number; readonly results: readonly FileScan[] } | { readonly id: number; readonly failed: string };

/**
 * The worker side: scans each batch it is sent, file by file, and answers with the batch's
 * results. Files are read synchronously into the one chunk buffer before any await, so
 * batches in flight at once never share it.
 */
export function serveScanWorker(port: MessagePort, init: ScanWorkerInit): void {
  const ready = (async () => {
    const loaded = init.keySources.length ? await loadCliKeys(init.keySources) : { ok: true as const, keys: [] as VerificationKey[] };
    // The main thread loaded the same sources before starting workers, so this does not fail in practice.
    return { inspect: inspectToken, options: init.options, keys: loaded.ok ? loaded.keys : [], weakSecrets: createWeakSecretChecker(), chunk: chunkBuffer() };
  })();
  port.on('message', (batch: Batch) => {
    void (async () => {
      const ctx = await ready;
      try {
        const results: FileScan[] = [];
        for (const task of batch.tasks) {
          const file: ScanPath = { fsPath: Buffer.from(task.fsPath.buffer, task.fsPath.byteOffset, task.fsPath.byteLength), display: task.display, given: task.given, ...(task.skipped !== undefined ? { skipped: task.skipped } : {}), ...(task.regular === true ? { regular: true } : {}) };
          results.push(await scanFile(file, init.maxBytes, ctx));
        }
        port.postMessage({ id: batch.id, results } satisfies Reply);
      } catch {
        port.postMessage({ id: batch.id, failed: 'scan failed' } satisfies Reply);
      }
    })();
  });
}

/**
 * A pool of `size` workers running `entry` (the CLI's own file). The workers start loading at
 * once, so they boot while the calling thread walks the tree; `scanAll` hands them batches and
 * the calling thread scans alongside them.
 */
export function createScanPool(entry: string, size: number, init: ScanWorkerInit): ScanPool {
  const options = { workerData: { role: SCAN_WORKER_ROLE, init }, argv: [SCAN_WORKER_ARG] };
  const started: Promise<Worker[]> = import('node:worker_threads').then(({ Worker }) =>
    // From the source tree (tests run src/cli/main.ts through tsx) the worker loads the TypeScript through tsx too.
    Array.from({ length: size }, () => (entry.endsWith('.ts') ? new Worker(`require('tsx/cjs'); require(${JSON.stringify(entry)});`, { ...options, eval: true }) : new Worker(entry, options))),
  );
  let workers: Worker[] = [];
  return {
    async scanAll(files, onDone, scanHere) {
      workers = await started;
      return new Promise<FileScan[]>((resolve, reject) => {
        const results = new Array<FileScan>(files.length);
        const batchStart = new Map<number, number>();
        let next = 0;
        let done = 0;
        let batchId = 0;
        let failed = false;
        const fail = (error: Error) => {
          if (failed) return;
          failed = true;
          reject(error);
        };
        const record = (start: number, batch: readonly FileScan[]) => {
          batch.forEach((r, i) => {
            results[start + i] = r;
            onDone(r);
          });
          done += batch.length;
          if (done === files.length) resolve(results);
        };
        /** The next batch: smaller towards the end, so every participant finishes at about the same time. */
        const take = (): [number, readonly ScanPath[]] | undefined => {
          if (next >= files.length) return undefined;
          const count = Math.max(1, Math.min(MAX_BATCH, Math.ceil((files.length - next) / ((size + 1) * 4))));
          const start = next;
          next += count;
          return [start, files.slice(start, next)];
        };
        const send = (worker: Worker) => {
          const batch = take();
          if (batch === undefined) return;
          // `regular`: the walk's entry said a regular file, so the worker opens it without a stat first, as this thread does.
          const tasks = batch[1].map((f): Task => ({ fsPath: f.fsPath, display: f.display, given: f.given, ...(f.skipped !== undefined ? { skipped: f.skipped } : {}), ...(f.regular === true ? { regular: true } : {}) }));
          batchStart.set(batchId, batch[0]);
          worker.postMessage({ id: batchId++, tasks } satisfies Batch);
        };
        if (files.length === 0) return resolve(results);
        for (const worker of workers) {
          worker.on('message', (reply: Reply) => {
            if (failed) return;
            if (!('results' in reply)) return fail(new Error(reply.failed));
            const start = batchStart.get(reply.id)!;
            batchStart.delete(reply.id);
            record(start, reply.results);
            send(worker);
          });
          worker.on('error', () => fail(new Error('scan worker failed')));
          worker.on('exit', () => {
            if (done < files.length) fail(new Error('scan worker stopped'));
          });
          for (let i = 0; i < BATCHES_IN_FLIGHT; i++) send(worker);
        }
        // The calling thread takes batches too, yielding between them so replies are heard.
        void (async () => {
          try {
            for (let batch = take(); batch !== undefined && !failed; batch = take()) {
              const scanned: FileScan[] = [];
              for (const file of batch[1]) scanned.push(await scanHere(file));
              record(batch[0], scanned);
              await new Promise((resolve) => setImmediate(resolve));
            }
          } catch {
            fail(new Error('scan failed'));
          }
        })();
      });
    },
    async close() {
      workers = await started;
      for (const worker of workers) worker.removeAllListeners('exit');
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
