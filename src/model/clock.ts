import * as vscode from 'vscode';

/** setTimeout's ceiling (~24.8 days); a later instant is re-armed when that timer fires. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** Fired a little after the instant, so a verdict computed then is already the new one. */
const LATE_MS = 50;

/**
 * The one clock of the extension. Owners register the next instant their view changes
 * (`wakeAt`, from core `nextTimeBoundary`): one timer runs, for the soonest of them, and
 * `onDidReach` names the owners due. Countdowns subscribe to `every(1000)` only while one is
 * visible; periodic refreshes of relative text share `every(period)`. No timer runs while nothing
 * needs one.
 */
export class Clock implements vscode.Disposable {
  private readonly wakes = new Map<string, number>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly reached = new vscode.EventEmitter<readonly string[]>();
  /** Fires with the keys whose instant has come (each is then forgotten). */
  readonly onDidReach = this.reached.event;
  private readonly intervals = new Map<number, { timer: ReturnType<typeof setInterval>; readonly listeners: Set<() => void> }>();
  private disposed = false;

  /** Now, in ms since the epoch: the instant the extension's edits count from (the quick edits' `exp` +1 h). */
  now(): number {
    return Date.now();
  }

  /** Sets (or, with `undefined`, clears) the instant `key` wants to be woken at. */
  wakeAt(key: string, instant: number | undefined): void {
    if (this.disposed) return;
    if (instant === undefined) this.wakes.delete(key);
    else this.wakes.set(key, instant);
    this.arm();
  }

  /** Calls `listener` every `periodMs` while subscribed; one interval per period, shared. */
  every(periodMs: number, listener: () => void): vscode.Disposable {
    if (this.disposed) return { dispose: () => undefined };
    let entry = this.intervals.get(periodMs);
    if (entry === undefined) {
      const listeners = new Set<() => void>();
      entry = { timer: setInterval(() => { for (const l of [...listeners]) l(); }, periodMs), listeners };
      this.intervals.set(periodMs, entry);
    }
    const { listeners } = entry;
    listeners.add(listener);
    return {
      dispose: () => {
        listeners.delete(listener);
        const current = this.intervals.get(periodMs);
        if (current !== undefined && current.listeners.size === 0) {
          clearInterval(current.timer);
          this.intervals.delete(periodMs);
        }
      },
    };
  }

  /** How many timers run now (tests: none while nothing needs one). */
  get activeTimers(): number {
    return (this.timer !== undefined ? 1 : 0) + this.intervals.size;
  }

  private arm(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    let soonest = Infinity;
    for (const t of this.wakes.values()) soonest = Math.min(soonest, t);
    if (soonest === Infinity) return;
    const delay = Math.min(MAX_TIMER_MS, Math.max(0, soonest - Date.now()) + LATE_MS);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const now = Date.now();
      const due = [...this.wakes].filter(([, t]) => t <= now).map(([k]) => k);
      for (const k of due) this.wakes.delete(k);
      if (due.length > 0) this.reached.fire(due);
      this.arm();
    }, delay);
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    for (const { timer } of this.intervals.values()) clearInterval(timer);
    this.intervals.clear();
    this.wakes.clear();
    this.reached.dispose();
  }
}
