// Issue 16, "Print: the caseload, due list, home summary and prisoner page print cleanly on A4
// (print stylesheet; Ctrl+P and a Print button)" (gap16 item 8: printing was only proven on an
// empty caseload). On the demo establishment, each screen is laid out as Chromium lays it out for
// paper (print media, the printable width of an A4 sheet with the stylesheet's 12 mm margins) and
// printed to an A4 PDF with page.pdf: the navigation, header and buttons are left out, nothing is
// wider than the printable width, and the full caseload (every row, not only those the screen's
// virtualised table has drawn) is on paper. PDFs in test-results/print, their first pages as PNG
// (pdftoppm) and the print-media screenshots in test-results/screenshots (print-*).
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import { ROOT } from './browser'
import { closeBrowser, openApp, screenshot, SCREENSHOT_DIR } from './harness'

afterAll(closeBrowser)

const PRINT_DIR = path.join(ROOT, 'test-results', 'print')

/** A4 is 210 mm wide; the stylesheet's @page margin is 12 mm each side: 186 mm at 96 px per inch. */
const PRINTABLE_WIDTH_PX = Math.floor((186 / 25.4) * 96)

const go = (page: Page, hash: string) => page.goto(`${page.url().split('#')[0]}${hash}`)

async function must<T>(r: Promise<{ ok: true; data: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const out = await r
  if (!out.ok) throw new Error(out.error.message)
  return out.data
}

/** Elements drawn on paper that reach beyond the printable width, each as "tag.class (right edge)". */
async function widerThanPaper(page: Page, width: number): Promise<string[]> {
  return page.evaluate((w) => {
    const out: string[] = []
    for (const el of Array.from(document.body.querySelectorAll<HTMLElement>('*'))) {
      const box = el.getBoundingClientRect()
      if (box.width === 0 || box.height === 0) continue
      if (box.right > w + 1) out.push(`${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''} "${(el.textContent ?? '').trim().slice(0, 30)}" (right edge ${Math.round(box.right)})`)
    }
    return out.slice(0, 10)
  }, width)
}

/** Table headings and cells whose words are cut off on paper (wider than their box, the rest hidden): "text (scrollWidth > clientWidth)". */
async function clippedOnPaper(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('th, td, [role=columnheader], [role=cell]'))
      .filter((el) => el.getBoundingClientRect().width > 0 && el.scrollWidth > el.clientWidth + 1)
      .map((el) => `${(el.textContent ?? '').trim().slice(0, 30)} (${el.scrollWidth} > ${el.clientWidth})`)
      .slice(0, 10),
  )
}

/**
 * Words drawn on paper in a pale colour or on a coloured fill that a printer may drop: each badge or
 * status word must be black (or near it) on white, "Overdue" never fainter than "Due" (issue 16, Print).
 */
async function faintOnPaper(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const lightness = (c: string) => {
      const m = /rgba?\((\d+), (\d+), (\d+)/.exec(c)
      return m ? (Number(m[1]) + Number(m[2]) + Number(m[3])) / 3 : 0
    }
    return Array.from(document.querySelectorAll<HTMLElement>('.mantine-Badge-root, [class*=status], [class*=cohort]'))
      .filter((el) => el.getBoundingClientRect().width > 0 && lightness(getComputedStyle(el).color) > 100)
      .map((el) => `${(el.textContent ?? '').trim().slice(0, 30)} (${getComputedStyle(el).color})`)
      .slice(0, 10)
  })
}

/** Bordered boxes (Mantine's Paper) drawn on paper with nothing in them, such as one whose form is left out. */
async function emptyBoxesOnPaper(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('.mantine-Paper-root'))
      .filter((el) => el.getBoundingClientRect().height > 0 && (el.innerText ?? '').trim() === '')
      .map((el) => el.outerHTML.slice(0, 80))
      .slice(0, 10),
  )
}

/** What is left on paper of the app around the screen: navigation, header, buttons. */
async function chromeOnPaper(page: Page): Promise<number> {
  return page.locator('nav:visible, header:visible, button:visible:not([data-print-keep]), [role=button]:visible, .mantine-Button-root:visible, .mantine-AppShell-navbar:visible').count()
}

/**
 * Prints the screen: print media at the printable width (as Ctrl+P does, with `beforeprint`, which
 * makes the caseload draw every row), checks it, shoots it, and prints it to an A4 PDF.
 */
async function printScreen(page: Page, name: string): Promise<{ pdf: string; pages: number; text: string }> {
  await page.setViewportSize({ width: PRINTABLE_WIDTH_PX, height: 1000 })
  await page.emulateMedia({ media: 'print' })
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')))
  // Soft: every screen is printed and looked at, and each one's problems are reported together.
  expect.soft(await chromeOnPaper(page), `${name}: no navigation, header or button on paper`).toBe(0)
  expect.soft(await page.evaluate(() => document.documentElement.scrollWidth), `${name}: the page is no wider than A4's printable width`).toBeLessThanOrEqual(PRINTABLE_WIDTH_PX)
  expect.soft(await widerThanPaper(page, PRINTABLE_WIDTH_PX), `${name}: every element fits A4's printable width`).toEqual([])
  expect.soft(await clippedOnPaper(page), `${name}: no table heading or cell is cut off on paper`).toEqual([])
  expect.soft(await faintOnPaper(page), `${name}: no word on paper is paler than the body text (badges print black on white)`).toEqual([])
  expect.soft(await emptyBoxesOnPaper(page), `${name}: no empty bordered box on paper`).toEqual([])
  await screenshot(page, `print-${name}`)
  // The first table on paper, at the size it prints (the full-page shot of a long screen is too tall to read).
  const tables = page.locator('table, [role=table]')
  const table = (await tables.count()) > 0 ? await tables.first().boundingBox() : null
  if (table) await page.screenshot({ path: path.join(SCREENSHOT_DIR, `print-${name}-table.png`), fullPage: true, clip: { x: 0, y: Math.max(0, table.y - 40), width: PRINTABLE_WIDTH_PX, height: 900 } })
  fs.mkdirSync(PRINT_DIR, { recursive: true })
  const pdf = path.join(PRINT_DIR, `${name}.pdf`)
  await page.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true })
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')))
  await page.emulateMedia({ media: 'screen' })
  await page.setViewportSize({ width: 1280, height: 800 })
  // The first page as an image to look at; the text to check what is on paper.
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', pdf, path.join(PRINT_DIR, `${name}-page`)])
  const info = execFileSync('pdfinfo', [pdf]).toString()
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? '0')
  expect(info, `${name}: A4 paper`).toMatch(/Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/)
  const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString()
  return { pdf, pages, text }
}

describe('printing on A4 (issue 16, Print)', () => {
  it('the full caseload, the due list, the home summary and a prisoner page print on A4 without the app around them and within the page width', async () => {
    const app = await openApp()
    const { page } = app
    await must(app.call('omu:demo.create', { prisoners: 300, seed: 3 }))
    const { rows } = await must(app.call('omu:caseload.list', { pomId: null }))
    await page.reload()
    await page.getByRole('heading', { level: 1 }).first().waitFor()

    // The full caseload: every case in custody, on as many sheets as it takes.
    await go(page, '#/caseload')
    await page.getByRole('heading', { level: 1, name: 'Caseload' }).waitFor()
    await page.getByTestId('case-row').first().waitFor()
    const caseload = await printScreen(page, 'caseload')
    expect(rows.length).toBeGreaterThan(100)
    const printed = rows.filter((r) => caseload.text.includes(r.prisonNumber)).length
    expect(printed, 'every case in the caseload is on paper').toBe(rows.length)
    expect(caseload.pages).toBeGreaterThan(1)
    // The screen's filters and the sort buttons' arrows stay on screen; the column headings print whole.
    for (const notOnPaper of ['Search by name or prison number', 'Whose caseload', '↕', '▲', '▼']) expect(caseload.text, `"${notOnPaper}" is not printed`).not.toContain(notOnPaper)
    for (const heading of ['Responsible', 'Unallocated']) expect(caseload.text).toContain(heading)

    await go(page, '#/due')
    await page.getByRole('heading', { level: 1, name: 'Due and overdue' }).waitFor()
    await page.getByRole('heading', { name: /^Handovers to the community/ }).first().waitFor()
    await expect.poll(() => page.locator('.mantine-Loader-root').count(), { timeout: 20_000 }).toBe(0)
    const due = await printScreen(page, 'due')
    expect(due.text).toContain('Due and overdue')

    await go(page, '#/home')
    await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor()
    await expect.poll(() => page.locator('.mantine-Loader-root').count(), { timeout: 20_000 }).toBe(0)
    const home = await printScreen(page, 'home')
    expect(home.text).toContain('Home')
    expect(home.text, 'the home counts print without their "Show them" links').not.toContain('Show them')

    // A prisoner page: its facts and history on paper, its forms left out (styles.css, [data-print-screen] form).
    const prisoner = rows[0]
    if (!prisoner) throw new Error('the demo has cases')
    await go(page, `#/prisoner/${prisoner.prisonerId}`)
    await page.getByRole('heading', { level: 1 }).first().waitFor()
    await expect.poll(() => page.locator('.mantine-Loader-root').count(), { timeout: 20_000 }).toBe(0)
    const one = await printScreen(page, 'prisoner')
    expect(one.text).toContain(prisoner.prisonNumber)
    expect(one.text).toContain('Record history')
    expect(one.text, 'the session form is not printed').not.toContain('Record session')
    await app.close()
  })
})
