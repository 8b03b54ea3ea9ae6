import type * as vscode from 'vscode';

/** Base for objects that own disposables: they are disposed with it, once. */
export abstract class Disposable {
  private disposed = false;
  private readonly owned: vscode.Disposable[] = [];

  get isDisposed(): boolean {
    return this.disposed;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const d of this.owned.splice(0)) d.dispose();
  }

  protected register<T extends vscode.Disposable>(d: T): T {
    if (this.disposed) d.dispose();
    else this.owned.push(d);
    return d;
  }
}
