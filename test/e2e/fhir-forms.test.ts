import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { toQuestionnaire } from '../../src/instruments/fhir/questionnaire'
import { toResponseBundle } from '../../src/instruments/fhir/records'
import { findBuiltIn } from '../../src/instruments/registry'
import phq9 from '../fixtures/loinc-phq-9.json'
import { describeInBrowser, launchBrowser } from './support/browser'

/**
 * LHC-Forms, the FHIR forms renderer of the US National Library of Medicine, as published on npm.
 * Its package depends on a whole Angular toolchain that its built files do not need, so it is not
 * installed with the project: the test takes the published tarball from the npm registry, checks
 * it is the very one the registry lists, and keeps it unpacked beside the project's packages.
 */
const lforms = {
  version: '40.1.3',
  integrity:
    'sha512-WLruTm+BcVnafC0rSAQ3/cNqhxvclBUxyBG68aub/uha2NaK9H8ZZcEXTTuORuGzzCt0wa7fvhuieZtcDIdPzQ==',
}
const cache = join('node_modules', '.cache', `lforms-${lforms.version}`)
const dist = join(cache, 'package', 'dist', 'lforms')

function unpackedLforms() {
  if (existsSync(join(dist, 'webcomponent', 'lhc-forms.js'))) return
  rmSync(cache, { recursive: true, force: true })
  mkdirSync(cache, { recursive: true })
  execFileSync('npm', ['pack', `lforms@${lforms.version}`, '--pack-destination', cache], {
    stdio: 'ignore',
  })
  const tarball = readdirSync(cache).find((file) => file.endsWith('.tgz'))
  if (!tarball) throw new Error('npm pack gave no tarball')
  const digest = `sha512-${createHash('sha512')
    .update(readFileSync(join(cache, tarball)))
    .digest('base64')}`
  if (digest !== lforms.integrity)
    throw new Error(`lforms ${lforms.version} is not the published tarball`)
  execFileSync('tar', ['xzf', tarball], { cwd: cache })
}

const origin = 'http://forms.test'
const types: Record<string, string> = { js: 'text/javascript', css: 'text/css', html: 'text/html' }

/** A page holding LHC-Forms alone, its files served from the unpacked package. */
async function rendererPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.route(`${origin}/**`, (route) => {
    const path = new URL(route.request().url()).pathname
    if (path === '/') {
      return route.fulfill({
        contentType: 'text/html',
        // LHC-Forms adds to the body as it loads, so its scripts come at the end of it.
        body: `<!doctype html><html lang="en"><head><title>Form</title>
<link href="/lforms/webcomponent/styles.css" rel="stylesheet"></head>
<body><div id="form"></div>
<script src="/lforms/webcomponent/assets/lib/zone.min.js"></script>
<script src="/lforms/webcomponent/lhc-forms.js"></script></body></html>`,
      })
    }
    const file = join(dist, path.replace(/^\/lforms\//, ''))
    if (!existsSync(file)) return route.fulfill({ status: 404, body: '' })
    return route.fulfill({ path: file, contentType: types[file.split('.').pop() ?? ''] })
  })
  await page.goto(`${origin}/`)
  const loaded = (part: string) =>
    page.waitForFunction((p) => p in ((window as never as { LForms?: object }).LForms ?? {}), part)
  await loaded('Util')
  // Its FHIR support goes in once the renderer has set itself up.
  const fhirSupport = readFileSync(join(dist, 'fhir', 'R4', 'lformsFHIR.min.js'), 'utf8')
  await page.addScriptTag({ content: fhirSupport })
  await loaded('FHIR')
  return page
}

type Rendered = { errors: string[]; answers: { text: string; scores: (number | null)[] }[] }

/** Renders a Questionnaire (with a response, if given) and reads back what LHC-Forms made of it. */
function render(page: Page, questionnaire: unknown, questionnaireResponse?: unknown) {
  return page.evaluate(
    async ([q, qr]) => {
      type Item = { question: string; answers?: { score?: number }[]; items?: Item[] }
      const forms = (
        window as never as { LForms: { Util: Record<string, (...a: unknown[]) => unknown> } }
      ).LForms.Util
      const errors: string[] = []
      try {
        await forms.addFormToPage?.(q, 'form', qr ? { questionnaireResponse: qr } : {})
      } catch (e) {
        errors.push(...(Array.isArray(e) ? e.map(String) : [String(e)]))
      }
      const form = forms.convertFHIRQuestionnaireToLForms?.(q, 'R4') as { items: Item[] }
      const flat = (items: Item[]): Item[] => items.flatMap((i) => [i, ...flat(i.items ?? [])])
      return {
        errors,
        answers: flat(form.items)
          .filter((i) => i.answers)
          .map((i) => ({
            text: i.question,
            scores: (i.answers ?? []).map((a) => a.score ?? null),
          })),
      } satisfies Rendered
    },
    [questionnaire, questionnaireResponse] as const,
  )
}

describeInBrowser('FHIR exports in a FHIR forms renderer (LHC-Forms, Chromium)', () => {
  let browser: Browser | undefined
  beforeAll(async () => {
    unpackedLforms()
    browser = await launchBrowser()
  }, 120_000)
  afterAll(async () => {
    await browser?.close()
  })

  it('renders an exported Questionnaire with every question, and reads each option’s score', async () => {
    const exec = findBuiltIn('org-recovery-exec', 1) ?? expect.fail('org-recovery-exec v1 missing')
    const page = await rendererPage(browser as Browser)
    const shown = await render(page, toQuestionnaire(exec))
    expect(shown.errors).toEqual([])
    expect(shown.answers.map((a) => a.text)).toEqual(exec.items.map((i) => i.text.executive))
    for (const answer of shown.answers) expect(answer.scores).toEqual([0, 1, 2, 3, null])
    await page.locator('lhc-item').first().waitFor()
    expect(await page.locator('#form').innerText()).toContain(exec.items[0]?.text.executive)
  })

  it('renders a consensus record in its Questionnaire, with the agreed ratings filled in', async () => {
    const exec = findBuiltIn('org-recovery-exec', 1) ?? expect.fail('org-recovery-exec v1 missing')
    const [first, second] = exec.items
    const bundle = toResponseBundle(
      exec,
      {
        id: 'round-1',
        opensOn: '2027-03-01',
        closesOn: '2027-03-31',
        closedAt: null,
        anonymityThreshold: 5,
      },
      [
        {
          id: '0b5e2c1e-9f0a-4c62-8f0e-2a1d3c4b5a69',
          groupName: 'Executive team',
          completedOn: '2027-03-20T14:00:00.000Z',
          answers: [
            {
              linkId: first?.linkId ?? '',
              value: 3,
              comment: 'Board minutes, March',
              dissent: 'One director rated it 2',
            },
            { linkId: second?.linkId ?? '', value: 1, comment: null, dissent: null },
          ],
        },
      ],
    )
    const page = await rendererPage(browser as Browser)
    const shown = await render(page, toQuestionnaire(exec), bundle.entry?.[0]?.resource)
    expect(shown.errors).toEqual([])
    const data = await page.evaluate(() => {
      const forms = (
        window as never as { LForms: { Util: { getFormFHIRData: (...a: unknown[]) => unknown } } }
      ).LForms.Util
      return forms.getFormFHIRData('QuestionnaireResponse', 'R4', '#form') as {
        item: { item: { linkId: string; answer: { valueCoding: { code: string } }[] }[] }[]
      }
    })
    const answered = data.item.flatMap((group) => group.item ?? [])
    expect(answered.map((i) => [i.linkId, i.answer[0]?.valueCoding.code])).toEqual([
      [first?.linkId, '3'],
      [second?.linkId, '1'],
    ])
  })

  it('renders LOINC’s PHQ-9 as the product writes it back out, its LOINC scores read', async () => {
    const { fromQuestionnaire } = await import('../../src/instruments/fhir/import')
    const { parseInstrument } = await import('../../src/instruments/definition')
    const result = fromQuestionnaire(JSON.parse(JSON.stringify(phq9)))
    if (!result.ok) throw new Error(result.problems.join('\n'))
    const page = await rendererPage(browser as Browser)
    const shown = await render(page, toQuestionnaire(parseInstrument(result.definition)))
    expect(shown.errors).toEqual([])
    const scored = shown.answers.filter((a) => a.scores.some((s) => s !== null))
    expect(scored).toHaveLength(9)
    for (const answer of scored) expect(answer.scores).toEqual([0, 1, 2, 3])
  })
})
