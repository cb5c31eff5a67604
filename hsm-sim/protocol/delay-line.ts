// Holds items for a time each and hands them on in the order they came: an item leaves at
// max(previous item's release, arrival + its delay), so items wait concurrently, never one after another,
// and never overtake each other. One timer at a time, for the head of the line.

export class DelayLine<T> {
  private readonly items: { readonly release: number; readonly item: T }[] = [];
  private lastRelease = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly deliver: (item: T) => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  push(delayMs: number, item: T): void {
    const release = Math.max(this.lastRelease, this.now() + delayMs);
    this.lastRelease = release;
    this.items.push({ release, item });
    if (this.items.length === 1) this.schedule();
  }

  /** Drops whatever is waiting. */
  clear(): void {
    this.items.length = 0;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    const head = this.items[0];
    if (!head) return;
    this.timer = setTimeout(() => this.release(), Math.max(0, head.release - this.now()));
  }

  private release(): void {
    this.timer = undefined;
    const now = this.now();
    while (this.items.length > 0 && this.items[0]!.release <= now) this.deliver(this.items.shift()!.item);
    this.schedule();
  }
}
