/**
 * A readers-writer lock for the SQLite backend's single connection. better-sqlite3 is synchronous,
 * but a request's handler is async (it may hash a password or write a file between statements), so
 * without this a read could run on the connection while another request's write transaction is
 * open and see its uncommitted rows, or two requests' statements could share one transaction.
 * Writers are served in arrival order, and a waiting writer holds back later readers, so a steady
 * stream of reads cannot starve a write.
 */
export class ReadWriteLock {
  private readers = 0
  private writing = false
  private readonly queue: { write: boolean; grant: () => void }[] = []

  async shared<T>(fn: () => Promise<T>): Promise<T> {
    const release = await this.acquireShared()
    try {
      return await fn()
    } finally {
      release()
    }
  }

  /** A shared hold, released by calling the function returned (once; later calls do nothing). */
  async acquireShared(): Promise<() => void> {
    await this.acquire(false)
    let held = true
    return () => {
      if (!held) return
      held = false
      this.readers--
      this.next()
    }
  }

  async exclusive<T>(fn: () => Promise<T>): Promise<T> {
    await this.acquire(true)
    try {
      return await fn()
    } finally {
      this.writing = false
      this.next()
    }
  }

  private acquire(write: boolean): Promise<void> {
    if (this.queue.length === 0 && !this.writing && (!write || this.readers === 0)) {
      this.take(write)
      return Promise.resolve()
    }
    return new Promise((resolve) => this.queue.push({ write, grant: resolve }))
  }

  private take(write: boolean): void {
    if (write) this.writing = true
    else this.readers++
  }

  private next(): void {
    while (this.queue.length > 0 && !this.writing) {
      const head = this.queue[0] as { write: boolean; grant: () => void }
      if (head.write && this.readers > 0) return
      this.queue.shift()
      this.take(head.write)
      head.grant()
      if (head.write) return
    }
  }
}
