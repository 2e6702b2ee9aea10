import * as vscode from 'vscode';
import { CommandIds, type TokenLocation } from '../model/commandIds';
import type { InspectTarget } from '../model/types';
import type { CursorTokenTracker } from './cursorContext';
import type { Clock } from '../model/clock';
import type { InspectionCache } from '../model/inspections';
import { kindLabel, labelText, messageText, statusLook, statusWords, tokenStatus } from '../present';

/**
 * Status bar item while the cursor is on a token: a countdown ticking each second (the timer
 * runs only while the item is shown); click opens the inspector.
 */
export class TokenStatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('tokenLens.status', vscode.StatusBarAlignment.Right, 100);
  /** The one-second subscription on the clock, only while a countdown is shown. */
  private ticker: vscode.Disposable | undefined;
  private target: InspectTarget | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    tracker: CursorTokenTracker,
    private readonly inspections: InspectionCache,
    private readonly clock: Clock,
  ) {
    this.item.name = 'Token Lens';
    this.disposables.push(
      this.item,
      tracker.onDidChange((t) => this.show(t)),
      // Settings changed (the cache dropped its inspections): show the token with the new ones.
      inspections.onDidChange(() => this.show(this.target)),
    );
    this.show(tracker.current);
  }

  private show(target: InspectTarget | undefined): void {
    this.target = target;
    this.ticker?.dispose();
    this.ticker = undefined;
    if (target === undefined || !this.inspections.settings(target.uri).statusBarEnabled) {
      this.item.hide();
      return;
    }
    if (target.uri !== undefined && target.range !== undefined) {
      const location: TokenLocation = { uri: target.uri.toString(), line: target.range.start.line, character: target.range.start.character };
      this.item.command = { title: vscode.l10n.t('Inspect token'), command: CommandIds.inspectToken, arguments: [location] };
    } else {
      this.item.command = CommandIds.inspectToken;
    }
    this.render();
    this.item.show();
    this.ticker = this.clock.every(1000, () => this.render());
  }

  private render(): void {
    const target = this.target;
    if (target === undefined) return;
    const glance = this.inspections.glance(target.token, target.uri);
    if (!glance.ok) {
      this.item.text = `$(${statusLook('malformed').icon}) ${vscode.l10n.t('Malformed token')}`;
      this.item.tooltip = labelText(messageText(glance.error), { max: 300 });
      return;
    }
    const { time, kind } = glance.value;
    this.item.text = `$(${statusLook(tokenStatus(kind, time.status)).icon}) ${kindLabel(kind)} ${statusWords(time, kind)}`;
    this.item.tooltip = vscode.l10n.t('Token Lens · {0} — click to inspect', labelText(target.label, { max: 120 }));
    this.item.backgroundColor = time.status === 'expired' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    // Nothing changes any more once there is no expiry to count towards — unless the token is
    // not valid yet: "valid in …" counts down to nbf and then turns valid.
    if (time.msToExpiry === undefined && time.status !== 'not-yet-valid' && this.ticker !== undefined) {
      this.ticker.dispose();
      this.ticker = undefined;
    }
  }

  dispose(): void {
    this.ticker?.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
