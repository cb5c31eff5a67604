// Runs asynchronous tasks one at a time, in the order they were queued. A PKCS#11 session can do one
// operation at a time (an *Init and its operation must not interleave with another caller's).

export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T> | T): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
