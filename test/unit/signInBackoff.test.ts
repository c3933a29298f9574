import { describe, expect, it } from 'vitest'
import { delayAfter, describeWait, FIRST_DELAY_MS, FORGET_AFTER_MS, FREE_FAILURES, MAX_DELAY_MS, SignInBackoff, SignInPausedError } from '../../electron/services/storage/signInBackoff'

// Issue 14: the app's brake on shared-database sign-ins the server keeps refusing. The clock is
// injected and moved by hand: nothing here sleeps.

class Refused extends Error {}
const refusedByServer = (err: unknown) => err instanceof Refused

function setup() {
  let now = 1_000_000
  const backoff = new SignInBackoff(() => now)
  let sent = 0
  const wrong = () =>
    backoff.attempt(
      'sam.pom',
      async () => {
        sent++
        throw new Refused('28P01')
      },
      refusedByServer,
    )
  const right = () =>
    backoff.attempt(
      'sam.pom',
      async () => {
        sent++
        return 'signed in'
      },
      refusedByServer,
    )
  return { backoff, wrong, right, sent: () => sent, advance: (ms: number) => (now += ms) }
}

describe('sign-in back-off (shared database, issue 14)', () => {
  it('the delay: none for the first five refusals, then 30 s doubling to at most 15 minutes', () => {
    expect(FREE_FAILURES).toBe(5)
    expect([1, 2, 3, 4].map(delayAfter)).toEqual([0, 0, 0, 0])
    expect([5, 6, 7, 8, 9, 10, 11, 50, 5000].map((n) => delayAfter(n) / 1000)).toEqual([30, 60, 120, 240, 480, 900, 900, 900, 900])
    expect(FIRST_DELAY_MS).toBe(30_000)
    expect(MAX_DELAY_MS).toBe(900_000)
  })

  it('says how long to wait in words, rounded up', () => {
    expect(describeWait(30_000)).toBe('30 seconds')
    expect(describeWait(29_001)).toBe('30 seconds')
    expect(describeWait(1)).toBe('1 second')
    expect(describeWait(60_000)).toBe('1 minute')
    expect(describeWait(90_000)).toBe('2 minutes')
    expect(describeWait(900_000)).toBe('15 minutes')
  })

  it('after five refusals in a row, the next attempt is refused without reaching the server until 30 seconds have passed', async () => {
    const t = setup()
    for (let i = 0; i < 5; i++) await expect(t.wrong()).rejects.toBeInstanceOf(Refused)
    expect(t.sent()).toBe(5)
    // Even the right password waits: the server is not asked.
    const paused = t.right()
    await expect(paused).rejects.toBeInstanceOf(SignInPausedError)
    await expect(paused).rejects.toMatchObject({
      code: 'unavailable',
      message: 'Sign-in as sam.pom has been refused 5 times in a row, so it is paused. Wait 30 seconds, then try again. If the password is forgotten, a HOMS can set a new one.',
    })
    expect(t.sent()).toBe(5)
    t.advance(20_000)
    await expect(t.wrong()).rejects.toMatchObject({ message: expect.stringContaining('Wait 10 seconds') })
    expect(t.sent()).toBe(5)
    t.advance(10_000)
    expect(t.backoff.waitMs('sam.pom')).toBe(0)
    await expect(t.wrong()).rejects.toBeInstanceOf(Refused)
    expect(t.sent()).toBe(6)
    // The sixth refusal doubles the wait.
    await expect(t.right()).rejects.toMatchObject({ message: expect.stringContaining('refused 6 times in a row, so it is paused. Wait 1 minute') })
    t.advance(60_000)
    await expect(t.wrong()).rejects.toBeInstanceOf(Refused)
    expect(t.backoff.waitMs('sam.pom')).toBe(120_000)
  })

  it('the wait stops growing at 15 minutes', async () => {
    const t = setup()
    for (let i = 0; i < 20; i++) {
      t.advance(t.backoff.waitMs('sam.pom'))
      await expect(t.wrong()).rejects.toBeInstanceOf(Refused)
    }
    expect(t.backoff.waitMs('sam.pom')).toBe(MAX_DELAY_MS)
    await expect(t.right()).rejects.toMatchObject({ message: expect.stringContaining('Wait 15 minutes') })
  })

  it('a success clears the count; fewer than five refusals in a row never pause', async () => {
    const t = setup()
    for (let i = 0; i < 4; i++) await expect(t.wrong()).rejects.toBeInstanceOf(Refused)
    expect(await t.right()).toBe('signed in')
    for (let i = 0; i < 4; i++) await expect(t.wrong()).rejects.toBeInstanceOf(Refused)
    expect(t.backoff.waitMs('sam.pom')).toBe(0)
    expect(await t.right()).toBe('signed in')
    expect(t.backoff.size).toBe(0)
    // Paused, waited out, then right: cleared, so the next refusal is the first again.
    for (let i = 0; i < 5; i++) await expect(t.wrong()).rejects.toBeInstanceOf(Refused)
    t.advance(30_000)
    expect(await t.right()).toBe('signed in')
    await expect(t.wrong()).rejects.toBeInstanceOf(Refused)
    expect(t.backoff.waitMs('sam.pom')).toBe(0)
  })

  it('is per username, whether or not the login exists; other failures (server away) are not counted', async () => {
    const t = setup()
    for (let i = 0; i < 5; i++) await expect(t.wrong()).rejects.toBeInstanceOf(Refused)
    const other = await t.backoff.attempt('kim.pom', async () => 'ok', refusedByServer)
    expect(other).toBe('ok')
    const away = () =>
      t.backoff.attempt(
        'lee.homd',
        async () => {
          throw new Error('ECONNREFUSED')
        },
        refusedByServer,
      )
    for (let i = 0; i < 10; i++) await expect(away()).rejects.toThrow('ECONNREFUSED')
    expect(t.backoff.waitMs('lee.homd')).toBe(0)
  })

  it('attempts sent together cannot get round the pause: once the free ones are used, one at a time reaches the server', async () => {
    let now = 0
    const backoff = new SignInBackoff(() => now)
    let sent = 0
    const answers: (() => void)[] = []
    const attempt = () =>
      backoff.attempt(
        'sam.pom',
        () =>
          new Promise<never>((_resolve, reject) => {
            sent++
            answers.push(() => reject(new Refused('28P01')))
          }),
        refusedByServer,
      )
    const burst = Array.from({ length: 50 }, attempt)
    const settled = Promise.allSettled(burst)
    // Five were sent; the other 45 were refused at once, without reaching the server.
    expect(sent).toBe(5)
    for (const answer of answers) answer()
    const results = await settled
    expect(results.filter((r) => r.status === 'rejected' && r.reason instanceof Refused)).toHaveLength(5)
    const paused = results.filter((r) => r.status === 'rejected' && r.reason instanceof SignInPausedError)
    expect(paused).toHaveLength(45)
    expect((paused[0] as PromiseRejectedResult).reason).toMatchObject({ message: 'A sign-in as sam.pom is still being checked. Wait for its answer, then try again.' })
    expect(backoff.waitMs('sam.pom')).toBe(30_000)
    now += 30_000
    // After the wait, still one at a time.
    const [a, b] = [attempt(), attempt()]
    await expect(b).rejects.toBeInstanceOf(SignInPausedError)
    answers.at(-1)!()
    await expect(a).rejects.toBeInstanceOf(Refused)
    expect(sent).toBe(6)
  })

  it('a day without attempts forgets the refusals; a clock put back never makes the wait longer than the delay', async () => {
    const t = setup()
    for (let i = 0; i < 5; i++) await expect(t.wrong()).rejects.toBeInstanceOf(Refused)
    t.advance(-3_600_000)
    expect(t.backoff.waitMs('sam.pom')).toBe(30_000)
    t.advance(3_600_000 + FORGET_AFTER_MS)
    expect(t.backoff.waitMs('sam.pom')).toBe(0)
    await expect(t.wrong()).rejects.toBeInstanceOf(Refused)
    // The count started again: one refusal, no pause.
    expect(t.backoff.waitMs('sam.pom')).toBe(0)
  })

  it('guessing many usernames cannot grow it without bound', async () => {
    let now = 0
    const backoff = new SignInBackoff(() => now)
    for (let i = 0; i < 10_050; i++) {
      now++
      await backoff
        .attempt(
          `user${i}`,
          async () => {
            throw new Refused('28P01')
          },
          refusedByServer,
        )
        .catch(() => undefined)
    }
    expect(backoff.size).toBe(10_000)
  })
})
