import type * as vscode from 'vscode';

/**
 * Re-renders time-relative text that has no timer of its own ("expires in 12 min" in CodeLens
 * titles and tree descriptions) every `periodMs`, so a token that expired meanwhile does not
 * keep saying it is valid. `refresh` decides what is worth redrawing (e.g. only visible views).
 */
export class PeriodicRefresh implements vscode.Disposable {
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(refresh: () => void, periodMs: number) {
    this.timer = setInterval(refresh, periodMs);
  }

  dispose(): void {
    clearInterval(this.timer);
  }
}
